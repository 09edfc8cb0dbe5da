package com.backhaulexchange.partner.apikey;

import com.backhaulexchange.kernel.id.RandomTokens;

import com.backhaulexchange.partner.PartnerId;
import java.util.Optional;

/**
 * The string a client sends: {@code bhx_<partnerId>_<keyId>_<secret>}. The partner and key ids
 * are not secret; they let the authorizer fetch the key and its partner in one read. The secret is
 * 43 base-62 characters (≈ 256 bits).
 */
public record ApiKeyToken(PartnerId partnerId, ApiKeyId keyId, String secret) {
    public static final String PREFIX = "bhx_";
    public static final int SECRET_LENGTH = 43;

    public static Optional<ApiKeyToken> parse(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = token.substring(PREFIX.length()).split("_", -1);
        if (parts.length != 3 || !PartnerId.isValid(parts[0]) || !ApiKeyId.isValid(parts[1])
                || !com.backhaulexchange.kernel.id.RandomTokens.isBase62(parts[2], SECRET_LENGTH)) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyToken(new PartnerId(parts[0]), new ApiKeyId(parts[1]), parts[2]));
    }

    public String asString() {
        return PREFIX + partnerId.value() + "_" + keyId.value() + "_" + secret;
    }

    @Override
    public String toString() {
        return "ApiKeyToken[" + partnerId + "/" + keyId + ", secret=<redacted>]";
    }
}
