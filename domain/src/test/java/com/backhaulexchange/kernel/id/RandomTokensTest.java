package com.backhaulexchange.kernel.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RandomTokensTest {
    private final RandomTokens tokens = new RandomTokens(new SecureRandom());

    @Test
    void aTokenHasTheRequestedLengthAndOnlyBase62Characters() {
        for (int length : new int[] {1, 12, 43, 200}) {
            String token = tokens.base62(length);
            assertThat(token).hasSize(length).matches("[0-9A-Za-z]+");
            assertThat(RandomTokens.isBase62(token, length)).isTrue();
        }
    }

    @Test
    void tokensUseTheWholeAlphabet() {
        Set<Character> seen = new HashSet<>();
        String sample = tokens.base62(20_000);
        sample.chars().forEach(c -> seen.add((char) c));
        assertThat(seen).hasSize(62);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            issued.add(tokens.base62(12));
        }
        assertThat(issued).hasSize(1000);
    }

    @Test
    void aZeroLengthTokenIsEmpty() {
        assertThat(tokens.base62(0)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is not 12 base-62 characters")
    @NullSource
    @ValueSource(strings = {"", "abcdefABCDE", "abcdefABCDEF1", "abcdef_BCDEF", "abcdef-BCDEF", "abcdef BCDEF",
        "abcdefABCDE\u00e9", "abcdefABCDE\u0663", "abcdefABCDE\uff21"})
    void isBase62RejectsWrongLengthsAndForeignCharacters(String candidate) {
        assertThat(RandomTokens.isBase62(candidate, 12)).isFalse();
    }
}
