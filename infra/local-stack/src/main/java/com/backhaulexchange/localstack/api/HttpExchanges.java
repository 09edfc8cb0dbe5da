package com.backhaulexchange.localstack.api;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** Reading requests from and writing responses to the JDK server's exchanges. */
public final class HttpExchanges {

    private HttpExchanges() {
    }

    /** The request body, or empty if it is longer than {@code maxBytes}. */
    static Optional<byte[]> readBody(HttpExchange exchange, int maxBytes) throws IOException {
        String declaredLength = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declaredLength != null) {
            try {
                if (Long.parseLong(declaredLength.trim()) > maxBytes) {
                    return Optional.empty();
                }
            } catch (NumberFormatException ignored) {
                // The JDK server rejects such requests itself; reading below still bounds the size.
            }
        }
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
        }
    }

    public static void write(HttpExchange exchange, HttpResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        boolean noBody = response.body().length == 0 || response.status() == 204 || response.status() == 304
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
    }
}
