package com.backhaulexchange.settlement.collaboration;

import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where collaborations, their settlement schedule and their settled periods are kept (ADR 18, ADR 20). A period
 * is committed once, whole, or not at all: {@link #commitPeriod} is the exactly-once step of period close.
 */
public interface CollaborationStore {

    record Versioned(Collaboration collaboration, long version) {
    }

    /** The settlement progress of a collaboration: the last period settled completely (−1: none). */
    record Schedule(String collaborationId, long lastSettledPeriod) {
    }

    Optional<Versioned> find(String id);

    /** A new collaboration with its schedule, the first period closing at {@code firstCloseAt}. */
    default void create(Collaboration collaboration, Instant firstCloseAt) {
        create(collaboration, firstCloseAt, null);
    }

    /**
     * A new collaboration with its schedule, and the idempotency record of the request that created it (null
     * without an Idempotency-Key) in the same transaction: a record already stored under its id is an
     * {@link com.backhaulexchange.kernel.idempotency.IdempotencyConflictException}, and nothing is written.
     */
    void create(Collaboration collaboration, Instant firstCloseAt, IdempotencyRecord idempotencyRecord);

    /** The idempotency record stored under {@code recordId}, read consistently. */
    Optional<IdempotencyRecord> idempotencyRecord(String recordId);

    /** Replaces the collaboration if it is still at {@code expectedVersion}; a StaleWriteException otherwise. */
    void update(Collaboration next, long expectedVersion);

    /** The collaborations {@code party} organises, belongs to or is invited to. */
    List<Collaboration> listFor(PartnerId party);

    Optional<Schedule> schedule(String id);

    /** The collaborations whose next period closed before {@code now}. */
    List<Schedule> closedBefore(Instant now);

    /** Records period {@code periodIndex} settled and when the next one closes. */
    void advance(String id, long periodIndex, Instant nextCloseAt);

    /** The committed settlement of period {@code index}, if it was committed. */
    Optional<SettledPeriod> period(String id, long index);

    /**
     * Commits a period's settlement in one step. Returns false when it was already committed (by an earlier run,
     * a duplicate message or a concurrent settler): nothing is written then.
     */
    boolean commitPeriod(SettledPeriod settlement, Instant settledAt);

    /** Marks the bookings settled in period {@code index}, so a later period does not settle them again. */
    void markSettled(String id, long index, Collection<String> bookingIds);

    /** Those of {@code bookingIds} already settled in some period. */
    Set<String> settledAmong(String id, Collection<String> bookingIds);
}
