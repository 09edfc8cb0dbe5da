package com.backhaulexchange.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket to the local stack on loopback. The fuzzer needs requests that {@code java.net.http}
 * refuses to send (a path with {@code %ZZ}, raw bytes in a target), so it writes them itself: one connection per
 * request, {@code Connection: close}, bounded by a read timeout.
 */
final class RawHttp {
    private static final int TIMEOUT_MILLIS = 30_000;
    private final String host;
    private final int port;

    RawHttp(URI baseUrl) {
        this.host = baseUrl.getHost();
        this.port = baseUrl.getPort();
    }

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }

        String mediaType() {
            String contentType = headers.get("Content-Type");
            return contentType == null ? null : contentType.split(";", 2)[0].trim().toLowerCase();
        }
    }

    /** Sends {@code target} (path and query, verbatim) with the headers given and a body of {@code body} bytes. */
    Response send(String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviate(target) + " failed", e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + abbreviate(statusLine));
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.merge(header.substring(0, colon).trim(), header.substring(colon + 1).trim(), (a, b) -> a + "," + b);
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", ""))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("Content-Length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("Content-Length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + " chars)";
    }
}
