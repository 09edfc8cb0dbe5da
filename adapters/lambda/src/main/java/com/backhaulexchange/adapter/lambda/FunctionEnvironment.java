package com.backhaulexchange.adapter.lambda;

import java.util.Map;
import java.util.Optional;

/**
 * A function's configuration, read from its environment variables. Handlers take it as a
 * constructor argument so tests and the local stack can run them in-process with their own.
 */
public record FunctionEnvironment(Map<String, String> variables) {

    public FunctionEnvironment {
        variables = Map.copyOf(variables);
    }

    public static FunctionEnvironment fromSystem() {
        return new FunctionEnvironment(System.getenv());
    }

    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    public long longValue(String name, long defaultValue) {
        return optional(name).map(Long::parseLong).orElse(defaultValue);
    }

    public double doubleValue(String name, double defaultValue) {
        return optional(name).map(Double::parseDouble).orElse(defaultValue);
    }
}
