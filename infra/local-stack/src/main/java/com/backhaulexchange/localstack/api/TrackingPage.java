package com.backhaulexchange.localstack.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The public tracking page (infra/tracking-page/index.html, ADR 33) at {@value #PATH}, as a static bucket would serve
 * it: one file, the token in the URL's fragment. Its Content-Security-Policy lets it load nothing from elsewhere and
 * call only its own origin.
 */
public final class TrackingPage implements HttpHandler {
    public static final String PATH = "/track/";
    private static final String RESOURCE = "/tracking-page/index.html";

    private final byte[] page;

    public TrackingPage() {
        try (InputStream in = TrackingPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the local stack's classpath");
            }
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean serves(String path) {
        return path.equals(PATH) || path.equals("/track");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().close();
        HttpExchanges.write(exchange, respond(exchange.getRequestMethod(), exchange.getRequestURI().getPath()));
    }

    HttpResponse respond(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return new HttpResponse(405, Map.of("Allow", List.of("GET, HEAD")), new byte[0]);
        }
        if (path.equals("/track")) {
            return new HttpResponse(308, Map.of("Location", List.of(PATH)), new byte[0]);
        }
        if (!path.equals(PATH)) {
            return new HttpResponse(404, Map.of("Content-Type", List.of("text/plain; charset=utf-8")),
                    "Not found".getBytes(StandardCharsets.UTF_8));
        }
        return new HttpResponse(200, Map.of(
                "Content-Type", List.of("text/html; charset=utf-8"),
                "Cache-Control", List.of("no-cache"),
                "Content-Security-Policy", List.of("default-src 'none'; script-src 'unsafe-inline'; "
                        + "style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
                        + "frame-ancestors 'none'"),
                "Referrer-Policy", List.of("no-referrer"),
                "X-Content-Type-Options", List.of("nosniff")), page);
    }
}
