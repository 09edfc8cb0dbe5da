package com.backhaulexchange.localstack.api;

import static com.backhaulexchange.localstack.FixtureStack.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.FixtureStack;
import com.backhaulexchange.localstack.LocalStack;
import com.backhaulexchange.localstack.template.StackDefinition;
import com.backhaulexchange.localstack.template.TemplateModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests the JDK HTTP server would refuse with a text/html page before any handler runs are answered, over
 * real loopback HTTP, the way API Gateway answers them: with the template's gateway responses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestGateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalStack stack;

    @BeforeAll
    void startStack() {
        stack = FixtureStack.start();
    }

    @AfterAll
    void stopStack() {
        stack.close();
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** Sends {@code request} as bytes, as written, and reads the whole answer (the gate closes the connection). */
    private RawResponse raw(String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), stack.httpBaseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete response head: %s", text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
            }
            return new RawResponse(Integer.parseInt(lines[0].substring(9, 12)), headers, text.substring(end + 4));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void assertBadRequestProblem(String request, String detailMentions) {
        RawResponse response = raw(request);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.headers().get("Content-Type")).as(response.toString())
                .isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).isEqualTo("https://fixture.example/problems/bad-request");
        assertThat(problem.path("title").asText()).isEqualTo("Bad request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).containsIgnoringCase(detailMentions);
        assertThat(problem.path("requestId").asText()).isNotBlank()
                .isEqualTo(response.headers().get("x-amzn-RequestId"));
    }

    @Test
    void aMalformedPercentEncodingInAPathParameterIsAProblemNotAnHtmlPage() {
        for (String path : List.of("/items/%ZZ", "/items/ab%2", "/items/%", "/public/files/%zz?x=1")) {
            assertBadRequestProblem("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer good\r\n\r\n",
                    "percent-encoding");
        }
    }

    @Test
    void aMalformedRequestLineOrMethodIsAProblem() {
        assertBadRequestProblem("GET /items/mine\r\nHost: localhost\r\n\r\n", "request line");
        assertBadRequestProblem("G(T /items/mine HTTP/1.1\r\nHost: localhost\r\n\r\n", "request line");
        assertBadRequestProblem("GET /items/mine HTTP/9.9\r\nHost: localhost\r\n\r\n", "request line");
        assertBadRequestProblem("GET items/mine HTTP/1.1\r\nHost: localhost\r\n\r\n", "path");
        assertBadRequestProblem("GET /items/a b HTTP/1.1\r\nHost: localhost\r\n\r\n", "request line");
    }

    @Test
    void malformedHeadersAndUnsupportedTransferEncodingsAreProblems() {
        assertBadRequestProblem("GET /items/mine HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n", "header");
        assertBadRequestProblem("POST /public/upload HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n",
                "Transfer-Encoding");
        assertBadRequestProblem("POST /public/upload HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Length: 3\r\n\r\n", "not both");
        assertBadRequestProblem("POST /public/upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n",
                "Content-Length");
    }

    @Test
    void anOversizeHeadIsAnsweredByTheGatewayNotWithHtml() {
        RawResponse response = raw("GET /items/mine HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "x".repeat(RequestGate.MAX_HEAD_BYTES) + "\r\n\r\n");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.headers().get("Content-Type")).doesNotContain("html");
        assertThat(response.json().path("message").asText()).as("the fixture has no REQUEST_TOO_LARGE response")
                .isEqualTo("Request Too Long");
    }

    @Test
    void wellFormedRequestsStillPassWithTheirBodiesOneConnectionOrMany() {
        assertThat(get(stack, "/items/it%20em-7", "Authorization", "Bearer good").statusCode()).isEqualTo(200);
        RawResponse upload = raw("POST /public/upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 5\r\nConnection: keep-alive\r\n\r\nhello");
        assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
        assertThat(upload.headers().get("Connection")).isEqualToIgnoringCase("close");
        RawResponse chunked = raw("POST /public/upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            assertThat(get(stack, "/items/mine", "Authorization", "Bearer good").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theRealTemplateAnswersRefusalsBeforeRoutingAsProblems() {
        Path template = Path.of("../../template.yaml");
        Map<String, String> parameters = new HashMap<>();
        TemplateModel.load(template).parameters().values().stream()
                .filter(parameter -> parameter.defaultValue().isEmpty())
                .forEach(parameter -> parameters.put(parameter.name(), "0".repeat(64)));
        var stackDefinition = StackDefinition.load(template, parameters);
        var request = new IncomingRequest("req-1", 0L, "GET", "/matches/%ZZ", null, Map.of(), new byte[0],
                "127.0.0.1", 3000);
        for (var api : stackDefinition.apis()) {
            for (GatewayError error : List.of(GatewayError.badRequest("Malformed percent-encoding."),
                    GatewayError.requestTooLarge())) {
                HttpResponse response = new GatewayResponses(api).render(error, request, Map.of());
                assertThat(response.headers().get("Content-Type")).as("%s %s", api.logicalId(), error.responseType())
                        .containsExactly("application/problem+json");
                JsonNode problem;
                try {
                    problem = JSON.readTree(response.body());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                assertThat(problem.path("status").asInt()).isEqualTo(response.status())
                        .isEqualTo(error.defaultStatus());
                assertThat(problem.path("type").asText().toLowerCase(Locale.ROOT)).startsWith("https://");
                assertThat(problem.path("title").asText()).isNotBlank();
                assertThat(problem.path("detail").asText()).isNotBlank();
            }
        }
    }
}
