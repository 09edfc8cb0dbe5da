package com.backhaulexchange.localstack.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.backhaulexchange.localstack.support.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The function's {@link LambdaLogger}: one JSON object per line on standard output, like Lambda's JSON log
 * format, with the function and request id so that interleaved invocations stay readable. A message that is
 * itself a JSON object (a structured log line) is merged into the line instead of being quoted in it; its own
 * {@code level} then decides whether it passes the function's ApplicationLogLevel.
 */
final class JsonLineLambdaLogger implements LambdaLogger {

    private final String functionName;
    private final String requestId;
    private final LogLevel minimumLevel;
    private final PrintStream out;
    private final Clock clock;

    JsonLineLambdaLogger(String functionName, String requestId, LogLevel minimumLevel, PrintStream out, Clock clock) {
        this.functionName = functionName;
        this.requestId = requestId;
        this.minimumLevel = minimumLevel;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void log(String message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }

    @Override
    public void log(String message, LogLevel level) {
        LogLevel called = level == null || level == LogLevel.UNDEFINED ? LogLevel.INFO : level;
        Optional<ObjectNode> structured = structured(message);
        LogLevel effective = structured
                .filter(fields -> fields.path("level").isTextual())
                .map(fields -> parseLevel(fields.path("level").textValue(), called))
                .orElse(called);
        if (effective.ordinal() < minimumLevel.ordinal()) {
            return;
        }
        out.println(structured.isPresent() ? merged(effective, structured.get()) : line(effective, message));
    }

    void error(String message, Throwable error) {
        ObjectNode line = line(LogLevel.ERROR, message);
        line.put("errorType", error.getClass().getName());
        line.put("errorMessage", error.getMessage());
        var stackTrace = line.putArray("stackTrace");
        for (StackTraceElement element : error.getStackTrace()) {
            stackTrace.add(element.toString());
        }
        out.println(line);
    }

    /** A level name such as {@code "WARN"} (any case); {@code fallback} for anything else. */
    static LogLevel parseLevel(String name, LogLevel fallback) {
        try {
            LogLevel level = LogLevel.valueOf(name.toUpperCase(Locale.ROOT));
            return level == LogLevel.UNDEFINED ? fallback : level;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static Optional<ObjectNode> structured(String message) {
        String trimmed = message.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            return Optional.empty();
        }
        try {
            return Json.MAPPER.readTree(trimmed) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private ObjectNode merged(LogLevel level, ObjectNode fields) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level.name());
        line.put("function", functionName);
        line.put("requestId", requestId);
        line.setAll(fields);
        if (!requestId.equals(line.path("requestId").asText())) {
            // The function logged a request id of its own (API Gateway's); Lambda's is kept beside it.
            line.put("awsRequestId", requestId);
        }
        return line;
    }

    private ObjectNode line(LogLevel level, String message) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level.name());
        line.put("message", message.endsWith("\n") ? message.substring(0, message.length() - 1) : message);
        line.put("function", functionName);
        line.put("requestId", requestId);
        return line;
    }
}
