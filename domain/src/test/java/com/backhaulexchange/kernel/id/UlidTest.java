package com.backhaulexchange.kernel.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UlidTest {
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** A "random" source that always yields the same byte: lets a test pick the worst case. */
    private static SecureRandom constantBytes(int value) {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) value);
            }
        };
    }

    private static Ulid at(Instant instant, SecureRandom random) {
        return new Ulid(Clock.fixed(instant, ZoneOffset.UTC), random);
    }

    private static long decodeTime(String ulid) {
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = millis * 32 + CROCKFORD.indexOf(ulid.charAt(i));
        }
        return millis;
    }

    @Test
    void anIdIs26CrockfordCharactersAndValid() {
        String id = at(Instant.parse("2026-11-21T10:00:00Z"), new SecureRandom()).next();
        assertThat(id).hasSize(26);
        assertThat(id.chars()).allMatch(c -> CROCKFORD.indexOf(c) >= 0);
        assertThat(Ulid.isValid(id)).isTrue();
    }

    @Test
    void theFirstTenCharactersEncodeTheMillisecondsOfTheClock() {
        Instant instant = Instant.parse("2026-11-21T10:15:30.123Z");
        assertThat(decodeTime(at(instant, new SecureRandom()).next())).isEqualTo(instant.toEpochMilli());
    }

    @Test
    void theRandomPartUsesAllEightyBits() {
        assertThat(at(Instant.EPOCH, constantBytes(0)).next()).isEqualTo("00000000000000000000000000");
        assertThat(at(Instant.EPOCH, constantBytes(0xff)).next()).isEqualTo("0000000000ZZZZZZZZZZZZZZZZ");
    }

    @Test
    void theLastRepresentableMillisecondStillMakesAValidId() {
        String id = at(Instant.ofEpochMilli((1L << 48) - 1), constantBytes(0xff)).next();
        assertThat(id).isEqualTo("7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(Ulid.isValid(id)).isTrue();
    }

    @Test
    void idsSortByTimeWhateverTheirRandomPart() {
        // The earlier id gets the largest random part and the later one the smallest: time must still win.
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<String> inCreationOrder = new ArrayList<>();
        for (int step = 0; step < 50; step++) {
            Instant instant = start.plusMillis(step * 997L);
            inCreationOrder.add(at(instant, constantBytes(step % 2 == 0 ? 0xff : 0x00)).next());
        }
        assertThat(inCreationOrder).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void idsOfTheSameMillisecondDifferByTheirRandomPart() {
        var ulid = at(Instant.parse("2026-11-21T10:00:00Z"), new SecureRandom());
        assertThat(List.of(ulid.next(), ulid.next(), ulid.next())).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "\"{0}\" is not a ULID")
    @NullAndEmptySource
    @ValueSource(strings = {
        "01JDA1B2C3D4E5F6G7H8J9K0M",    // 25 characters
        "01JDA1B2C3D4E5F6G7H8J9K0MNP",  // 27 characters
        "01jda1b2c3d4e5f6g7h8j9k0mn",   // lower case
        "01JDA1B2C3D4E5F6G7H8J9K0MI",   // I is not Crockford
        "01JDA1B2C3D4E5F6G7H8J9K0ML",   // L is not Crockford
        "01JDA1B2C3D4E5F6G7H8J9K0MO",   // O is not Crockford
        "01JDA1B2C3D4E5F6G7H8J9K0MU",   // U is not Crockford
        "81JDA1B2C3D4E5F6G7H8J9K0MN",   // beyond 48 bits of milliseconds
        "01JDA1B2C3D4E5F6G7H8J9K0M-",
        " 1JDA1B2C3D4E5F6G7H8J9K0MN",
        "01JDA1B2C3D4E5F6G7H8J9K0MN\n"
    })
    void malformedIdsAreNotValid(String candidate) {
        assertThat(Ulid.isValid(candidate)).isFalse();
    }

    @Test
    void aWellFormedIdIsValid() {
        assertThat(Ulid.isValid("01JDA1B2C3D4E5F6G7H8J9K0MN")).isTrue();
    }
}
