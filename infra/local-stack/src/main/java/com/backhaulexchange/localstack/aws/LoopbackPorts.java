package com.backhaulexchange.localstack.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports for servers that cannot bind to port 0 themselves. */
final class LoopbackPorts {

    static final String LOOPBACK_HOST = "127.0.0.1";
    private static final int ATTEMPTS = 5;

    private LoopbackPorts() {
    }

    /** A port that was free a moment ago; another process may still take it, hence {@link #withRetries}. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK_HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    interface ServerStart<T> {
        T start(int port) throws Exception;
    }

    /** Starts a server on a free port, trying another port if the chosen one was taken in the meantime. */
    static <T> T withRetries(String serverName, ServerStart<T> start) {
        Exception last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return start.start(freePort());
            } catch (Exception e) {
                if (!isBindFailure(e)) {
                    throw new IllegalStateException(serverName + " did not start: " + e.getMessage(), e);
                }
                last = e;
            }
        }
        throw new IllegalStateException(serverName + " found no free port after " + ATTEMPTS + " attempts", last);
    }

    private static boolean isBindFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
