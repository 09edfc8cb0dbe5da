package com.backhaulexchange.kernel.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretHashingTest {

    @Test
    void theHashIsTheStandardSha256InLowercaseHex() {
        // FIPS 180-2 test vector.
        assertThat(SecretHashing.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SecretHashing.sha256Hex(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void textIsHashedAsUtf8() {
        assertThat(SecretHashing.sha256Hex("caf\u00e9"))
                .isEqualTo(java.util.HexFormat.of().formatHex(
                        SecretHashing.sha256("caf\u00e9".getBytes(StandardCharsets.UTF_8))));
        assertThat(SecretHashing.sha256Hex("caf\u00e9")).isNotEqualTo(SecretHashing.sha256Hex("cafe"));
    }

    @Test
    void equalDigestsCompareEqual() {
        String digest = SecretHashing.sha256Hex("secret");
        assertThat(SecretHashing.constantTimeEquals(digest, new String(digest))).isTrue();
    }

    @Test
    void digestsDifferingAnywhereCompareUnequal() {
        String digest = SecretHashing.sha256Hex("secret");
        String firstCharChanged = (digest.charAt(0) == '0' ? "1" : "0") + digest.substring(1);
        String lastCharChanged = digest.substring(0, 63) + (digest.charAt(63) == '0' ? "1" : "0");
        assertThat(SecretHashing.constantTimeEquals(digest, firstCharChanged)).isFalse();
        assertThat(SecretHashing.constantTimeEquals(digest, lastCharChanged)).isFalse();
    }

    @Test
    void aPrefixOfTheDigestIsNotEqual() {
        String digest = SecretHashing.sha256Hex("secret");
        assertThat(SecretHashing.constantTimeEquals(digest, digest.substring(0, 32))).isFalse();
        assertThat(SecretHashing.constantTimeEquals(digest, "")).isFalse();
    }
}
