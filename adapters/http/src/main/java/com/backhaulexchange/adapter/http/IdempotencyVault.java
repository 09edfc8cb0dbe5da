package com.backhaulexchange.adapter.http;

import com.backhaulexchange.kernel.idempotency.IdempotencyKey;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.idempotency.StoredResponse;

import com.backhaulexchange.kernel.id.SecretHashing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns an idempotent request and its response into an {@link IdempotencyRecord}, and a stored
 * record back into the response for a retry.
 *
 * <p>Registration responses carry the new API key in plaintext, and the key must never be stored.
 * So the response is sealed with AES-256-GCM under a key derived (HMAC-SHA256) from the client's
 * Idempotency-Key, which itself is stored only as a hash: the table alone cannot reveal the API key,
 * while a retry carrying the same Idempotency-Key gets the identical response.
 */
public final class IdempotencyVault {
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final byte[] KEY_DERIVATION_LABEL = "backhaul-exchange idempotent response v1"
            .getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final ObjectMapper canonicalMapper;
    private final ObjectMapper responseMapper;
    private final SecureRandom random;
    private final Clock clock;

    public IdempotencyVault(ObjectMapper mapper, SecureRandom random, Clock clock) {
        // ALWAYS: a null member is part of the request (in a merge patch it removes a field), so it
        // must count in the fingerprint even when the project's mapper leaves nulls out of output.
        this.canonicalMapper = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .setDefaultPropertyInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS);
        this.responseMapper = mapper;
        this.random = random;
        this.clock = clock;
    }

    /** Scopes keep one partner's keys apart from another's, and one operation's from another's. */
    public String recordId(String scope, IdempotencyKey key) {
        return HexFormat.of().formatHex(
                SecretHashing.sha256((scope + "\n" + key.value()).getBytes(StandardCharsets.UTF_8)));
    }

    /** Equal for requests that differ only in whitespace or member order. */
    public String fingerprint(JsonNode requestBody) {
        try {
            Object canonical = canonicalMapper.treeToValue(requestBody, Object.class);
            return SecretHashing.sha256Hex(canonicalMapper.writeValueAsString(canonical));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serialises", e);
        }
    }

    public IdempotencyRecord seal(String scope, IdempotencyKey key, String requestFingerprint, StoredResponse response) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            String recordId = recordId(scope, key);
            cipher.init(Cipher.ENCRYPT_MODE, derivedKey(key), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(recordId.getBytes(StandardCharsets.US_ASCII));
            byte[] ciphertext = cipher.doFinal(responseMapper.writeValueAsBytes(response));
            byte[] sealed = ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
            var now = clock.instant();
            return new IdempotencyRecord(recordId, requestFingerprint, Base64.getEncoder().encodeToString(sealed),
                    now, now.plus(RETENTION));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot seal an idempotent response", e);
        }
    }

    /** The stored response, or empty when the record cannot be opened with this key (not its owner). */
    public Optional<StoredResponse> open(IdempotencyKey key, IdempotencyRecord record) {
        try {
            byte[] sealed = Base64.getDecoder().decode(record.sealedResponse());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, derivedKey(key), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(record.recordId().getBytes(StandardCharsets.US_ASCII));
            byte[] plaintext = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return Optional.of(responseMapper.readValue(plaintext, StoredResponse.class));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot open an idempotent response", e);
        }
    }

    /** Decides what a request carrying an already used key gets. */
    public ReplayDecision decide(IdempotencyKey key, String requestFingerprint, IdempotencyRecord existing) {
        if (!existing.requestFingerprint().equals(requestFingerprint)) {
            return new ReplayDecision.DifferentRequest();
        }
        return open(key, existing)
                .<ReplayDecision>map(ReplayDecision.Replay::new)
                .orElseGet(ReplayDecision.DifferentRequest::new);
    }

    private SecretKeySpec derivedKey(IdempotencyKey key) throws GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return new SecretKeySpec(hmac.doFinal(KEY_DERIVATION_LABEL), "AES");
    }

    /** What a retried request gets. */
    public sealed interface ReplayDecision {
        record Replay(StoredResponse response) implements ReplayDecision {
        }

        /** Same key, different body: the client reused a key by mistake (HTTP 422). */
        record DifferentRequest() implements ReplayDecision {
        }
    }
}
