package com.backhaulexchange.deal.document;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A request a client sends straight to storage, signed for it: the method, the URL, the headers it must send as
 * they are (they are part of the signature), and when the signature stops working.
 */
public record PresignedRequest(String method, URI url, Map<String, String> headers, Instant expiresAt) {

    public PresignedRequest {
        headers = Map.copyOf(headers);
    }
}
