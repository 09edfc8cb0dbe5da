package com.backhaulexchange.partner.apikey;

/** A freshly issued key: the stored form plus the plaintext token, which exists only in this response. */
public record IssuedApiKey(ApiKey key, ApiKeyToken token) {
}
