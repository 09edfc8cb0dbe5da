package com.backhaulexchange.partner.apikey;

import com.backhaulexchange.kernel.id.SecretHashing;
import com.backhaulexchange.kernel.id.RandomTokens;
import com.backhaulexchange.partner.PartnerId;
import java.time.Clock;

/** Mints API keys from a cryptographically strong random source. */
public final class ApiKeyIssuer {
    private final RandomTokens randomTokens;
    private final Clock clock;

    public ApiKeyIssuer(RandomTokens randomTokens, Clock clock) {
        this.randomTokens = randomTokens;
        this.clock = clock;
    }

    public IssuedApiKey issueFor(PartnerId partnerId) {
        var keyId = new ApiKeyId(randomTokens.base62(ApiKeyId.LENGTH));
        var secret = randomTokens.base62(ApiKeyToken.SECRET_LENGTH);
        var token = new ApiKeyToken(partnerId, keyId, secret);
        var key = new ApiKey(keyId, partnerId, SecretHashing.sha256Hex(secret), ApiKeyStatus.ACTIVE,
                clock.instant(), null, null, null);
        return new IssuedApiKey(key, token);
    }
}
