package com.backhaulexchange.adapter.lambda;

import java.util.Map;
import java.util.TreeMap;

/**
 * One JSON log line. With the function's LogFormat set to JSON, Lambda wraps whatever the
 * LambdaLogger receives; a JSON message keeps the fields queryable in CloudWatch Logs Insights.
 */
public final class StructuredLog {
    private StructuredLog() {
    }

    public static String line(String level, String message, Map<String, ?> fields) {
        StringBuilder json = new StringBuilder("{\"level\":\"").append(level).append("\",\"message\":");
        appendString(json, message);
        new TreeMap<>(fields).forEach((name, value) -> {
            json.append(',');
            appendString(json, name);
            json.append(':');
            if (value instanceof Boolean || value instanceof Number number && isFinite(number)) {
                json.append(value);
            } else {
                appendString(json, String.valueOf(value));
            }
        });
        return json.append('}').toString();
    }

    /** JSON has no NaN or Infinity: those are written as strings. */
    private static boolean isFinite(Number number) {
        return switch (number) {
            case Double d -> Double.isFinite(d);
            case Float f -> Float.isFinite(f);
            default -> true;
        };
    }

    private static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
