package com.backhaulexchange.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One request the fuzzer sends: an operation's valid request with one thing changed, said in {@code change}. */
record FuzzCase(ApiOperations.Operation operation, Kind kind, String change, FuzzWorld.Actor actor, String target,
        Map<String, String> headers, byte[] body) {

    enum Kind { SEED, FIELD, BODY, MEDIA_TYPE, PATH, QUERY, HEADER }

    String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return operation + " [" + kind + "] " + change + " → " + operation.method() + " " + RawHttp.abbreviate(target)
                + (body == null ? "" : " " + RawHttp.abbreviate(bodyText()));
    }
}
