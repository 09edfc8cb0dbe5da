package com.backhaulexchange.partner.apikey;

import com.backhaulexchange.kernel.id.RandomTokens;

import com.backhaulexchange.kernel.id.SecretHashing;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.partner.PartnerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeyTokenTest {
    private static final String PARTNER = "01JDA1B2C3D4E5F6G7H8J9K0MN";
    private static final String KEY = "Ab3dEf6hIj9L";
    private static final String SECRET = "0123456789abcdefghijABCDEFGHIJklmnopqrstXYZ"; // 43 characters
    private static final String TOKEN = "bhx_" + PARTNER + "_" + KEY + "_" + SECRET;

    @Test
    void aWellFormedTokenParsesIntoItsParts() {
        var token = ApiKeyToken.parse(TOKEN).orElseThrow();
        assertThat(token.partnerId()).isEqualTo(new PartnerId(PARTNER));
        assertThat(token.keyId()).isEqualTo(new ApiKeyId(KEY));
        assertThat(token.secret()).isEqualTo(SECRET);
    }

    @Test
    void parsingAndWritingRoundTrip() {
        assertThat(ApiKeyToken.parse(TOKEN).orElseThrow().asString()).isEqualTo(TOKEN);
        var built = new ApiKeyToken(new PartnerId(PARTNER), new ApiKeyId(KEY), SECRET);
        assertThat(ApiKeyToken.parse(built.asString())).contains(built);
    }

    @Test
    void anIssuedTokenRoundTripsAndItsHashIsWhatIsStored() {
        var clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-21T10:00:00Z"), java.time.ZoneOffset.UTC);
        var issued = new ApiKeyIssuer(new com.backhaulexchange.kernel.id.RandomTokens(new java.security.SecureRandom()),
                clock).issueFor(new PartnerId(PARTNER));

        var parsed = ApiKeyToken.parse(issued.token().asString()).orElseThrow();

        assertThat(parsed).isEqualTo(issued.token());
        assertThat(parsed.keyId()).isEqualTo(issued.key().keyId());
        assertThat(issued.key().secretSha256Hex()).isEqualTo(SecretHashing.sha256Hex(parsed.secret()));
        assertThat(issued.key().status()).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(issued.key().createdAt()).isEqualTo(clock.instant());
    }

    static Stream<Arguments> malformedTokens() {
        String secret42 = SECRET.substring(0, 42);
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("empty", ""),
                Arguments.of("wrong prefix", "bhxx" + PARTNER + "_" + KEY + "_" + SECRET),
                Arguments.of("prefix in upper case", "BHX_" + PARTNER + "_" + KEY + "_" + SECRET),
                Arguments.of("operator prefix", "bhxop_" + SECRET),
                Arguments.of("no prefix", PARTNER + "_" + KEY + "_" + SECRET),
                Arguments.of("two parts", "bhx_" + PARTNER + "_" + KEY),
                Arguments.of("four parts", "bhx_" + PARTNER + "_" + KEY + "_" + SECRET + "_extra"),
                Arguments.of("trailing separator", "bhx_" + PARTNER + "_" + KEY + "_" + SECRET + "_"),
                Arguments.of("empty secret", "bhx_" + PARTNER + "_" + KEY + "_"),
                Arguments.of("partner id in lower case", "bhx_" + PARTNER.toLowerCase() + "_" + KEY + "_" + SECRET),
                Arguments.of("partner id beyond 48 bits", "bhx_8" + PARTNER.substring(1) + "_" + KEY + "_" + SECRET),
                Arguments.of("partner id too short", "bhx_" + PARTNER.substring(1) + "_" + KEY + "_" + SECRET),
                Arguments.of("key id too short", "bhx_" + PARTNER + "_" + KEY.substring(1) + "_" + SECRET),
                Arguments.of("key id not base-62", "bhx_" + PARTNER + "_" + KEY.substring(1) + "-_" + SECRET),
                Arguments.of("42-character secret", "bhx_" + PARTNER + "_" + KEY + "_" + secret42),
                Arguments.of("44-character secret", "bhx_" + PARTNER + "_" + KEY + "_" + SECRET + "Z"),
                Arguments.of("secret with a dash", "bhx_" + PARTNER + "_" + KEY + "_" + secret42 + "-"),
                Arguments.of("secret with padding", "bhx_" + PARTNER + "_" + KEY + "_" + secret42 + "="),
                Arguments.of("secret with a non-ASCII letter", "bhx_" + PARTNER + "_" + KEY + "_" + secret42 + "\u00e9"),
                Arguments.of("leading space", " bhx_" + PARTNER + "_" + KEY + "_" + SECRET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTokens")
    void malformedTokensDoNotParse(String why, String candidate) {
        assertThat(ApiKeyToken.parse(candidate)).isEmpty();
    }

    @Test
    void theTokensTextNeverShowsTheSecret() {
        var token = ApiKeyToken.parse(TOKEN).orElseThrow();
        assertThat(token.toString()).doesNotContain(SECRET).contains(PARTNER).contains(KEY).contains("redacted");
        assertThat(String.valueOf(java.util.List.of(token))).doesNotContain(SECRET);
    }

    @Test
    void anIssuedKeysTextNeverShowsTheSecret() {
        var token = ApiKeyToken.parse(TOKEN).orElseThrow();
        var key = new ApiKey(token.keyId(), token.partnerId(), SecretHashing.sha256Hex(SECRET), ApiKeyStatus.ACTIVE,
                java.time.Instant.EPOCH, null, null, null);
        assertThat(new IssuedApiKey(key, token).toString()).doesNotContain(SECRET);
    }
}
