package com.backhaulexchange.localstack.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ADR 43: the console's browser PUTs and GETs documents through presigned URLs cross-origin; the local S3Proxy lets
 * the stack's own origins do that (the preflight answered with that origin) and no other, not even a look-alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ProxyCorsTest {
    private static final String CONSOLE = "http://localhost:4321";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private S3ProxyServer s3;

    @BeforeAll
    void start() {
        s3 = S3ProxyServer.start(List.of(CONSOLE, "http://127.0.0.1:4321"));
        s3.createBucket("documentsbucket");
    }

    @AfterAll
    void stop() {
        s3.close();
    }

    private HttpResponse<String> preflight(String origin, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(s3.endpoint() + "/documentsbucket/bookings/01JD/01JE.pdf"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsolesOriginMayPutAndGet() throws Exception {
        for (String method : List.of("PUT", "GET")) {
            HttpResponse<String> answer = preflight(CONSOLE, method);
            assertThat(answer.statusCode()).as(method).isEqualTo(200);
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as(method).contains(CONSOLE);
            assertThat(answer.headers().firstValue("Access-Control-Allow-Methods").orElse("")).as(method).contains(method);
        }
        assertThat(preflight("http://127.0.0.1:4321", "PUT").headers().firstValue("Access-Control-Allow-Origin"))
                .contains("http://127.0.0.1:4321");
    }

    @Test
    void anyOtherOriginOrMethodIsRefused() throws Exception {
        for (String origin : List.of("http://localhost:4322", "https://evil.example", "http://127a0a0a1:4321",
                "http://localhost:43210")) {
            HttpResponse<String> answer = preflight(origin, "PUT");
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
        }
        assertThat(preflight(CONSOLE, "DELETE").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
