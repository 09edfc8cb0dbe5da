package com.backhaulexchange.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The fixture template and an HTTP client for tests that run the stack. */
public final class FixtureStack {

    public static final Path TEMPLATE = Path.of("src/test/resources/fixture-template.yaml");
    public static final String SECRET = "fixturesecret";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FixtureStack() {
    }

    public static LocalStackOptions.Builder options() {
        return LocalStack.builder().templatePath(TEMPLATE).parameter("Secret", SECRET);
    }

    public static LocalStack start() {
        return options().start();
    }

    public static HttpResponse<String> send(LocalStack stack, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.httpBaseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(LocalStack stack, String path, String... headers) {
        return send(stack, "GET", path, null, headers);
    }
}
