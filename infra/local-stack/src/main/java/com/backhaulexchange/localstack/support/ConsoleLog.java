package com.backhaulexchange.localstack.support;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Messages of the local stack itself (not of the functions), on standard error. */
public final class ConsoleLog {

    private ConsoleLog() {
    }

    public static void warn(String message) {
        System.err.println("[local-stack] WARN " + message);
    }

    public static void error(String message, Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        System.err.println("[local-stack] ERROR " + message + System.lineSeparator() + trace);
    }
}
