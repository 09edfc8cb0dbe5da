package com.backhaulexchange.adapter.http;

import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;

import com.backhaulexchange.kernel.idempotency.IdempotencyKey;
import com.backhaulexchange.kernel.idempotency.StoredResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.adapter.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyVaultTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final String SCOPE = "POST /partners";
    private static final String PLAINTEXT_TOKEN = "bhx_01JDA1B2C3D4E5F6G7H8J9K0MN_Ab3dEf6hIj9L_"
            + "VeryDistinctiveSecretNobodyShouldEverStore9";

    private final IdempotencyVault vault = new IdempotencyVault(MAPPER, new SecureRandom(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final IdempotencyKey key = new IdempotencyKey("6f1c2a7e-3b9d-4c55-8a10-2f4e6d8b9c01");
    private final IdempotencyKey otherKey = new IdempotencyKey("0b8e4f2a-91c3-47d6-b5e0-7a3c2d1f6e98");
    private final StoredResponse response = new StoredResponse(201,
            Map.of("Content-Type", "application/json", "Location", "/partners/01JDA1B2C3D4E5F6G7H8J9K0MN"),
            "{\"apiKey\":{\"token\":\"" + PLAINTEXT_TOKEN + "\"}}");

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Nested
    @DisplayName("request fingerprints")
    class Fingerprints {
        @Test
        void areEqualWhateverTheMemberOrderAndWhitespace() throws Exception {
            var compact = json("{\"legalName\":\"Acme\",\"roles\":[\"SHIPPER\"],"
                    + "\"homeBase\":{\"latitudeDegrees\":41.5,\"longitudeDegrees\":-87.25}}");
            var reordered = json("""
                    {
                      "homeBase": { "longitudeDegrees": -87.25,   "latitudeDegrees": 41.5 },
                      "roles": [ "SHIPPER" ],
                      "legalName": "Acme"
                    }
                    """);
            assertThat(vault.fingerprint(reordered)).isEqualTo(vault.fingerprint(compact));
        }

        @Test
        void differForADifferentValue() throws Exception {
            assertThat(vault.fingerprint(json("{\"legalName\":\"Acme\"}")))
                    .isNotEqualTo(vault.fingerprint(json("{\"legalName\":\"Acme Inc\"}")));
        }

        @Test
        void differForADifferentValueDeepInside() throws Exception {
            assertThat(vault.fingerprint(json("{\"homeBase\":{\"latitudeDegrees\":41.5}}")))
                    .isNotEqualTo(vault.fingerprint(json("{\"homeBase\":{\"latitudeDegrees\":41.6}}")));
        }

        @Test
        void differForADifferentArrayOrder() throws Exception {
            assertThat(vault.fingerprint(json("{\"roles\":[\"SHIPPER\",\"BROKER\"]}")))
                    .isNotEqualTo(vault.fingerprint(json("{\"roles\":[\"BROKER\",\"SHIPPER\"]}")));
        }

        @Test
        void differForAnExtraMember() throws Exception {
            assertThat(vault.fingerprint(json("{\"a\":1}"))).isNotEqualTo(vault.fingerprint(json("{\"a\":1,\"b\":2}")));
        }

        @Test
        void differForAMemberThatIsNull() throws Exception {
            // In a merge patch {"dotNumber": null} removes the field; it is not the same request as {}.
            assertThat(vault.fingerprint(json("{\"legalName\":\"Acme\",\"dotNumber\":null}")))
                    .isNotEqualTo(vault.fingerprint(json("{\"legalName\":\"Acme\"}")));
            assertThat(vault.fingerprint(json("{\"contact\":{\"phone\":null}}")))
                    .isNotEqualTo(vault.fingerprint(json("{\"contact\":{}}")));
        }

        @Test
        void areSha256Hex() throws Exception {
            assertThat(vault.fingerprint(json("{}"))).matches("[0-9a-f]{64}");
        }
    }

    @Nested
    @DisplayName("sealed responses")
    class Sealing {
        @Test
        void openWithTheSameKeyToTheIdenticalResponse() {
            var record = vault.seal(SCOPE, key, "fp", response);
            assertThat(vault.open(key, record)).contains(response);
        }

        @Test
        void doNotOpenWithAnotherKey() {
            var record = vault.seal(SCOPE, key, "fp", response);
            assertThat(vault.open(otherKey, record)).isEmpty();
        }

        @Test
        void neverContainTheResponseInPlaintext() {
            var record = vault.seal(SCOPE, key, "fp", response);
            assertThat(record.sealedResponse()).doesNotContain(PLAINTEXT_TOKEN).doesNotContain("VeryDistinctive");
            String decoded = new String(Base64.getDecoder().decode(record.sealedResponse()), StandardCharsets.ISO_8859_1);
            assertThat(decoded).doesNotContain("VeryDistinctive").doesNotContain("Location");
            assertThat(record.toString()).doesNotContain("VeryDistinctive").doesNotContain(key.value());
        }

        @Test
        void neverContainTheIdempotencyKey() {
            var record = vault.seal(SCOPE, key, "fp", response);
            assertThat(record.recordId()).doesNotContain(key.value()).matches("[0-9a-f]{64}");
            assertThat(record.sealedResponse()).doesNotContain(key.value());
        }

        @Test
        void sealTheSameResponseDifferentlyEachTime() {
            var first = vault.seal(SCOPE, key, "fp", response);
            var second = vault.seal(SCOPE, key, "fp", response);
            assertThat(first.sealedResponse()).isNotEqualTo(second.sealedResponse());
        }

        @Test
        void carryTheFingerprintAndExpireAfterTheRetention() {
            var record = vault.seal(SCOPE, key, "the-fingerprint", response);
            assertThat(record.recordId()).isEqualTo(vault.recordId(SCOPE, key));
            assertThat(record.requestFingerprint()).isEqualTo("the-fingerprint");
            assertThat(record.createdAt()).isEqualTo(NOW);
            assertThat(record.expiresAt()).isEqualTo(NOW.plus(IdempotencyVault.RETENTION));
        }

        @Test
        void thatWereTamperedWithDoNotOpen() {
            var record = vault.seal(SCOPE, key, "fp", response);
            byte[] sealed = Base64.getDecoder().decode(record.sealedResponse());
            sealed[sealed.length - 1] ^= 0x01;
            var tampered = new IdempotencyRecord(record.recordId(), record.requestFingerprint(),
                    Base64.getEncoder().encodeToString(sealed), record.createdAt(), record.expiresAt());
            assertThat(vault.open(key, tampered)).isEmpty();
        }

        @Test
        void movedToAnotherRecordIdDoNotOpen() {
            var record = vault.seal(SCOPE, key, "fp", response);
            var moved = new IdempotencyRecord(vault.recordId("POST /other", key), record.requestFingerprint(),
                    record.sealedResponse(), record.createdAt(), record.expiresAt());
            assertThat(vault.open(key, moved)).isEmpty();
        }
    }

    @Nested
    @DisplayName("a retry")
    class Retries {
        @Test
        void withTheSameKeyAndBodyReplaysTheFirstResponse() {
            var record = vault.seal(SCOPE, key, "fp-1", response);
            assertThat(vault.decide(key, "fp-1", record)).isEqualTo(new IdempotencyVault.ReplayDecision.Replay(response));
        }

        @Test
        void withTheSameKeyAndAnotherBodyIsADifferentRequest() {
            var record = vault.seal(SCOPE, key, "fp-1", response);
            assertThat(vault.decide(key, "fp-2", record)).isInstanceOf(IdempotencyVault.ReplayDecision.DifferentRequest.class);
        }

        @Test
        void thatCannotOpenTheRecordIsADifferentRequest() {
            var record = vault.seal(SCOPE, key, "fp-1", response);
            assertThat(vault.decide(otherKey, "fp-1", record))
                    .isInstanceOf(IdempotencyVault.ReplayDecision.DifferentRequest.class);
        }
    }

    @Nested
    @DisplayName("record ids")
    class RecordIds {
        @Test
        void differByScope() {
            assertThat(vault.recordId("POST /partners", key)).isNotEqualTo(vault.recordId("POST /partners/me/api-keys", key));
        }

        @Test
        void differByKey() {
            assertThat(vault.recordId(SCOPE, key)).isNotEqualTo(vault.recordId(SCOPE, otherKey));
        }

        @Test
        void areStable() {
            var anotherVault = new IdempotencyVault(Json.newMapper(), new SecureRandom(), Clock.systemUTC());
            assertThat(anotherVault.recordId(SCOPE, key)).isEqualTo(vault.recordId(SCOPE, key));
        }
    }

    @Nested
    @DisplayName("idempotency keys")
    class Keys {
        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"short-key-15-ch", "has a space in it!", "tab\there-is-not-ok-at-all", "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"})
        void thatAreTooShortOrNotVisibleAsciiAreRefused(String candidate) {
            assertThat(IdempotencyKey.isValid(candidate)).isFalse();
            assertThatThrownBy(() -> new IdempotencyKey(candidate)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void ofSixteenTo255VisibleCharactersAreAccepted() {
            assertThat(IdempotencyKey.isValid("x".repeat(16))).isTrue();
            assertThat(IdempotencyKey.isValid("~".repeat(255))).isTrue();
            assertThat(IdempotencyKey.isValid("x".repeat(256))).isFalse();
        }

        @Test
        void doNotShowThemselvesInLogs() {
            assertThat(key.toString()).doesNotContain(key.value());
        }
    }
}
