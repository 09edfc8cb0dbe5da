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
    /**
     * The body, or empty when it exceeds {@code maxBytes}. An oversized body is still read and
     * discarded (up to {@link #DRAIN_LIMIT_BYTES}) before the 413 goes out: closing the connection
     * on a client that is still sending makes it see a reset instead of the answer.
     */
    static Optional<byte[]> readBody(HttpExchange exchange, int maxBytes) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length <= maxBytes) {
                return Optional.of(bytes);
            }
            long drained = bytes.length;
            byte[] sink = new byte[64 * 1024];
            int read;
            while (drained < DRAIN_LIMIT_BYTES && (read = body.read(sink)) > 0) {
                drained += read;
            }
            return Optional.empty();
        }
    }

    /** How much of an oversized body is read and thrown away so the client can read the 413. */
    static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

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
