package com.backhaulexchange.localstack.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a built single-page web app (the partner console, ADR 28) from a directory under a path prefix, as
 * CloudFront serves it from S3 in AWS: files by their path, {@code index.html} for the prefix itself and for any
 * path without a file extension (the app's own routes), 404 for a missing asset. Only GET and HEAD; nothing
 * outside the directory is ever read.
 */
public final class StaticSite implements HttpHandler {

    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"),
            Map.entry("woff2", "font/woff2"));

    private final String prefix;
    private final Path root;

    /** {@code prefix} starts and ends with a slash, such as {@code /console/}. */
    public StaticSite(String prefix, Path root) {
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("The prefix must start and end with / but is " + prefix);
        }
        this.prefix = prefix;
        this.root = root.toAbsolutePath().normalize();
    }

    public String prefix() {
        return prefix;
    }

    /** Whether {@code path} is the site's: its prefix, with or without the trailing slash, and what is under it. */
    public boolean serves(String path) {
        return path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().close();
        HttpExchanges.write(exchange, respond(exchange.getRequestMethod(), exchange.getRequestURI().getPath()));
    }

    HttpResponse respond(String method, String path) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return text(405, "Use GET").withHeader("Allow", "GET, HEAD");
        }
        if (path.equals(prefix.substring(0, prefix.length() - 1))) {
            return new HttpResponse(308, Map.of("Location", List.of(prefix)), new byte[0]);
        }
        if (!path.startsWith(prefix)) {
            return text(404, "Not found");
        }
        String relative = path.substring(prefix.length());
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            return text(404, "Not found");
        }
        boolean appRoute = relative.isEmpty() || !lastSegment(relative).contains(".");
        if (appRoute) {
            file = root.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            return text(404, appRoute ? "The console is not built: " + root + " has no index.html" : "Not found");
        }
        String extension = extension(file.getFileName().toString());
        // Vite names built assets by their content hash: they never change. index.html must always be fresh.
        String caching = relative.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
        return new HttpResponse(200, Map.of(
                "Content-Type", List.of(MEDIA_TYPES.getOrDefault(extension, "application/octet-stream")),
                "Cache-Control", List.of(caching),
                "X-Content-Type-Options", List.of("nosniff")), Files.readAllBytes(file));
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static HttpResponse text(int status, String message) {
        return new HttpResponse(status, Map.of("Content-Type", List.of("text/plain; charset=utf-8")),
                message.getBytes(StandardCharsets.UTF_8));
    }
}
