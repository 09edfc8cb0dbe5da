package com.backhaulexchange.kernel.idempotency;

import java.util.Map;

/** The response a first request received, replayed verbatim to its retries. */
public record StoredResponse(int statusCode, Map<String, String> headers, String body) {
    public StoredResponse {
        headers = Map.copyOf(headers);
    }
}
