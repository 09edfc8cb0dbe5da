package com.backhaulexchange.adapter.http;

import com.backhaulexchange.kernel.idempotency.IdempotencyConflictException;
import com.backhaulexchange.kernel.idempotency.IdempotencyKey;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.idempotency.IdempotencyStore;
import com.backhaulexchange.adapter.http.IdempotencyVault;
import com.backhaulexchange.adapter.http.IdempotencyVault.ReplayDecision;
import com.backhaulexchange.kernel.idempotency.StoredResponse;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;

/**
 * A creating POST that honours {@code Idempotency-Key} (ADR 3): the record is sealed from the response
 * and written in the created entity's own transaction; a retry with the same key and body replays the
 * first response (marked {@code Idempotent-Replayed}), another body is 422, and a retry racing a first
 * request that is still committing is 409.
 */
public final class IdempotentCreation {
    private final IdempotencyVault vault;
    private final IdempotencyStore records;

    public IdempotentCreation(IdempotencyVault vault, IdempotencyStore records) {
        this.vault = vault;
        this.records = records;
    }

    /** The request's key, or empty without the header; a malformed header is a 400 before anything else. */
    public static Optional<IdempotencyKey> keyOf(ApiRequest request) {
        var header = request.header("Idempotency-Key");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        if (!IdempotencyKey.isValid(header.get())) {
            throw ProblemException.invalidField("#/header/Idempotency-Key",
                    "must be 16 to 255 visible ASCII characters (a UUID is recommended)");
        }
        return Optional.of(new IdempotencyKey(header.get()));
    }

    /**
     * Runs {@code create} once per key and body. {@code create} receives the function that seals its
     * result into the record to store with it (null when the request has no key).
     */
    public <T> ApiResponse create(Optional<IdempotencyKey> idempotencyKey, String scope, JsonNode body,
            Function<Function<T, IdempotencyRecord>, T> create, Function<T, ApiResponse> respond) {
        if (idempotencyKey.isEmpty()) {
            return respond.apply(create.apply(null));
        }
        var key = idempotencyKey.get();
        String recordId = vault.recordId(scope, key);
        String fingerprint = vault.fingerprint(body);
        var earlier = records.find(recordId);
        if (earlier.isPresent()) {
            return replay(vault.decide(key, fingerprint, earlier.get()));
        }
        try {
            return respond.apply(create.apply(created -> vault.seal(scope, key, fingerprint, stored(respond.apply(created)))));
        } catch (IdempotencyConflictException raceLost) {
            return records.find(recordId)
                    .map(winner -> replay(vault.decide(key, fingerprint, winner)))
                    .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                            "A request with this Idempotency-Key is still being processed; retry shortly."));
        }
    }

    private static ApiResponse replay(ReplayDecision decision) {
        return switch (decision) {
            case ReplayDecision.Replay replay -> new ApiResponse(replay.response().statusCode(),
                    replay.response().headers(), replay.response().body()).withHeader("Idempotent-Replayed", "true");
            case ReplayDecision.DifferentRequest different -> throw new ProblemException(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request body; use a new key.");
        };
    }

    private static StoredResponse stored(ApiResponse response) {
        return new StoredResponse(response.statusCode(), response.headers(), response.body());
    }
}
