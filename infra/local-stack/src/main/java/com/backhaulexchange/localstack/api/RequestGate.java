package com.backhaulexchange.localstack.api;

import com.backhaulexchange.localstack.support.ConsoleLog;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The socket in front of the JDK HTTP server. The JDK server answers requests it cannot parse (a malformed
 * percent-encoding such as {@code /matches/%ZZ}, a bad request line, an unsupported Transfer-Encoding, ...)
 * itself, with a {@code text/html} page, before any handler runs. API Gateway answers such requests with its
 * gateway responses instead, so this gate reads each request's head first: one it would not route is answered
 * here, rendered by the API's gateway responses ({@link Rejections}); any other is passed on, one request per
 * connection ({@code Connection: close}), so that every request's head passes the gate. Should the JDK server
 * still reject one, its HTML page is replaced by the same rendering.
 */
final class RequestGate implements AutoCloseable {

    /** How a request refused before routing is answered: the API's gateway response for {@code error}. */
    @FunctionalInterface
    interface Rejections {
        HttpResponse render(GatewayError error, RejectedRequest request);
    }

    /** What is known of a request refused before routing; {@code rawPath} may be empty when unreadable. */
    record RejectedRequest(String method, String rawPath, Map<String, List<String>> headers, String sourceIp,
            int localPort) {
    }

    /** API Gateway's quota for the request line and headers together is 10 KiB; the JDK's own limit is higher. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final int MAX_HEADERS = 200;
    private static final int HEAD_READ_TIMEOUT_MILLIS = 30_000;
    private static final int DRAIN_TIMEOUT_MILLIS = 2_000;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VERSION = Pattern.compile("HTTP/1\\.[01]");
    private static final Pattern BAD_PERCENT_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final ServerSocket socket;
    private final int upstreamPort;
    private final Rejections rejections;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread acceptor;

    private RequestGate(ServerSocket socket, int upstreamPort, Rejections rejections) {
        this.socket = socket;
        this.upstreamPort = upstreamPort;
        this.rejections = rejections;
        this.acceptor = Thread.ofPlatform().daemon().name("local-api-gate").unstarted(this::acceptAll);
    }

    /** Listens on loopback {@code port} (0 = any free one) and passes accepted requests to {@code upstreamPort}. */
    static RequestGate open(int port, int upstreamPort, Rejections rejections) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        RequestGate gate = new RequestGate(socket, upstreamPort, rejections);
        gate.acceptor.start();
        return gate;
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    ConsoleLog.warn("The local API could not accept a connection: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(HEAD_READ_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(client.getInputStream());
            Head head = Head.read(in);
            if (head == null) {
                return;
            }
            Optional<GatewayError> refusal = head.refusal();
            if (refusal.isPresent()) {
                answer(client, refusal.get(), head);
                return;
            }
            client.setSoTimeout(0);
            passOn(client, in, head);
        } catch (IOException | RuntimeException e) {
            // The client went away, or the upstream did: nothing to answer to.
        }
    }

    private void answer(Socket client, GatewayError error, Head head) throws IOException {
        var request = new RejectedRequest(head.method(), head.rawPath(), head.headers(),
                client.getInetAddress().getHostAddress(), port());
        OutputStream out = client.getOutputStream();
        out.write(raw(rejections.render(error, request)));
        out.flush();
        client.shutdownOutput();
        drain(client);
    }

    /**
     * Reads what the client is still sending (a body, the rest of an oversize head) before the socket closes:
     * closing with unread data resets the connection, and the client would see the reset instead of the answer.
     */
    private static void drain(Socket client) {
        try {
            client.setSoTimeout(DRAIN_TIMEOUT_MILLIS);
            InputStream in = client.getInputStream();
            byte[] sink = new byte[64 * 1024];
            long drained = 0;
            int read;
            while (drained < HttpExchanges.DRAIN_LIMIT_BYTES && (read = in.read(sink)) > 0) {
                drained += read;
            }
        } catch (IOException e) {
            // The client stopped sending or went away: done either way.
        }
    }

    /** {@code fromClient} is where the head was read from: it holds what the client sent past the head. */
    private void passOn(Socket client, InputStream fromClient, Head head) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            OutputStream toUpstream = upstream.getOutputStream();
            toUpstream.write(head.forwarded(port()));
            toUpstream.flush();
            var requestBody = connections.submit(() -> {
                try {
                    fromClient.transferTo(toUpstream);
                    toUpstream.flush();
                } catch (IOException e) {
                    // Either side closed: the response decides the end of the exchange.
                }
                return null;
            });
            relayResponse(new BufferedInputStream(upstream.getInputStream()), client, head);
            requestBody.cancel(true);
        }
    }

    /**
     * The upstream's response: interim (1xx) heads as they are, the final head marked {@code Connection: close}
     * (the connection ends with it), and a rejection page of the JDK server replaced by the gateway's answer.
     */
    private void relayResponse(InputStream fromUpstream, Socket client, Head request) throws IOException {
        OutputStream toClient = client.getOutputStream();
        String head = readResponseHead(fromUpstream);
        while (head.startsWith("HTTP/1.1 1") || head.startsWith("HTTP/1.0 1")) {
            toClient.write(head.getBytes(StandardCharsets.ISO_8859_1));
            toClient.flush();
            head = readResponseHead(fromUpstream);
        }
        if (head.isEmpty()) {
            return;
        }
        if (isRejectionPage(head)) {
            int status = Integer.parseInt(head.substring(9, 12));
            GatewayError error = status == 413 ? GatewayError.requestTooLarge()
                    : GatewayError.badRequest("The request could not be parsed.");
            answer(client, error, request);
            return;
        }
        StringBuilder closing = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                closing.append(line).append("\r\n");
            }
        }
        closing.append("Connection: close\r\n\r\n");
        toClient.write(closing.toString().getBytes(StandardCharsets.ISO_8859_1));
        fromUpstream.transferTo(toClient);
        toClient.flush();
        client.shutdownOutput();
    }

    /** One response head, up to and with its empty line; empty at the end of the stream. */
    private static String readResponseHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        boolean lineEmpty = true;
        int current;
        while (head.size() < MAX_HEAD_BYTES && (current = in.read()) != -1) {
            head.write(current);
            if (current == '\n') {
                if (lineEmpty) {
                    break;
                }
                lineEmpty = true;
            } else if (current != '\r') {
                lineEmpty = false;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean isRejectionPage(String head) {
        if (head.length() < 12 || !head.startsWith("HTTP/1.") || head.charAt(9) < '4') {
            return false;
        }
        return head.lines().anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:")
                && line.toLowerCase(Locale.ROOT).contains("text/html"));
    }

    static byte[] raw(HttpResponse response) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reason(response.status())).append("\r\n");
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Connection")) {
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
            }
        });
        head.append("Content-Length: ").append(response.body().length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + response.body().length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(response.body(), 0, all, headBytes.length, response.body().length);
        return all;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 413 -> "Request Entity Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            default -> "Error";
        };
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        connections.shutdownNow();
    }

    /** A request's head as received: its lines, and whether it was longer than {@link #MAX_HEAD_BYTES}. */
    record Head(List<String> lines, boolean tooLarge) {

        /** The head, or null when the client closed before sending a request line. */
        static Head read(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            boolean lineEmpty = true;
            int current;
            while ((current = in.read()) != -1) {
                if (bytes.size() >= MAX_HEAD_BYTES) {
                    return new Head(lines(bytes), true);
                }
                bytes.write(current);
                if (current == '\n') {
                    if (lineEmpty && bytes.size() > 2) {
                        return new Head(lines(bytes), false);
                    }
                    lineEmpty = true;
                } else if (current != '\r') {
                    lineEmpty = false;
                }
            }
            return bytes.size() == 0 ? null : new Head(lines(bytes), false);
        }

        private static List<String> lines(ByteArrayOutputStream bytes) {
            List<String> lines = new ArrayList<>();
            for (String line : bytes.toString(StandardCharsets.ISO_8859_1).split("\n", -1)) {
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
            while (!lines.isEmpty() && lines.getLast().isEmpty()) {
                lines.removeLast();
            }
            return lines;
        }

        private String[] requestLine() {
            return lines.isEmpty() ? new String[0] : lines.getFirst().split(" ", -1);
        }

        String method() {
            String[] parts = requestLine();
            return parts.length > 0 ? parts[0] : "";
        }

        /** The path of the request target, as received (empty when there is none). */
        String rawPath() {
            String[] parts = requestLine();
            if (parts.length < 2) {
                return "";
            }
            String target = parts[1];
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        Map<String, List<String>> headers() {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon), name -> new ArrayList<>())
                            .add(line.substring(colon + 1).strip());
                }
            }
            return headers;
        }

        /** Why API Gateway would not route this request, if it would not. */
        Optional<GatewayError> refusal() {
            if (tooLarge || lines.size() - 1 > MAX_HEADERS) {
                return Optional.of(GatewayError.requestTooLarge());
            }
            String[] parts = requestLine();
            if (parts.length != 3 || !TOKEN.matcher(parts[0]).matches() || !VERSION.matcher(parts[2]).matches()) {
                return bad("Malformed request line.");
            }
            String target = parts[1];
            if (!target.startsWith("/")) {
                return bad("The request target must be a path starting with '/'.");
            }
            if (BAD_PERCENT_ESCAPE.matcher(target).find()) {
                return bad("Malformed percent-encoding in the request path or query: '%' must be followed by two"
                        + " hexadecimal digits.");
            }
            try {
                new URI(target);
            } catch (URISyntaxException e) {
                return bad("Malformed request URI: " + e.getReason() + ".");
            }
            List<String> contentLengths = new ArrayList<>();
            List<String> transferEncodings = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                    return bad("Malformed header line.");
                }
                String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                if (name.equals("content-length")) {
                    contentLengths.add(value);
                } else if (name.equals("transfer-encoding")) {
                    transferEncodings.add(value);
                }
            }
            if (!transferEncodings.isEmpty()) {
                if (transferEncodings.size() > 1 || !transferEncodings.getFirst().equalsIgnoreCase("chunked")) {
                    return bad("Unsupported Transfer-Encoding: only chunked is accepted.");
                }
                if (!contentLengths.isEmpty()) {
                    return bad("A request has a Content-Length or a Transfer-Encoding, not both.");
                }
            }
            if (!contentLengths.isEmpty() && (contentLengths.stream().distinct().count() > 1
                    || !DIGITS.matcher(contentLengths.getFirst()).matches())) {
                return bad("Invalid Content-Length.");
            }
            return Optional.empty();
        }

        private static Optional<GatewayError> bad(String message) {
            return Optional.of(GatewayError.badRequest(message));
        }

        /**
         * The head to pass on: one request per connection, so the next request on the client's connection comes
         * through this gate too; the port the client called, as API Gateway's X-Forwarded-Port.
         */
        byte[] forwarded(int publicPort) {
            StringBuilder head = new StringBuilder(lines.getFirst()).append("\r\n");
            boolean forwardedPort = false;
            for (String line : lines.subList(1, lines.size())) {
                String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
                if (name.equals("connection") || name.equals("keep-alive")) {
                    continue;
                }
                forwardedPort |= name.equals("x-forwarded-port");
                head.append(line).append("\r\n");
            }
            if (!forwardedPort) {
                head.append("X-Forwarded-Port: ").append(publicPort).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            return head.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
