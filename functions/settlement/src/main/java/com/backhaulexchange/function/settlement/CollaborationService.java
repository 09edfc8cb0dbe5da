package com.backhaulexchange.function.settlement;

import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.settlement.collaboration.CollaborationStore;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.Collaboration;
import com.backhaulexchange.settlement.collaboration.CollaborationOutcome;
import com.backhaulexchange.settlement.collaboration.CreatorRole;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.Problem;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Collaboration commands: read the aggregate, apply the domain command, store the result conditioned on the
 * version read (a lost race is read again and retried; a domain refusal writes nothing).
 */
final class CollaborationService {
    static final int ATTEMPTS = 4;

    private final CollaborationStore store;
    private final Clock clock;
    private final java.util.function.Supplier<String> ids;

    CollaborationService(CollaborationStore store, Clock clock, java.util.function.Supplier<String> ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** The new collaboration, stored with {@code idempotencyRecordFor}'s record when the request has a key. */
    Collaboration create(PartnerId caller, String name, CreatorRole role, Agreement agreement,
            List<PartnerId> invitees, Function<Collaboration, IdempotencyRecord> idempotencyRecordFor) {
        var now = clock.instant();
        Collaboration created = orThrow(Collaboration.create(ids.get(), name, caller, role, agreement, invitees, now));
        store.create(created, created.schedule().period(0).closesAt(),
                idempotencyRecordFor == null ? null : idempotencyRecordFor.apply(created));
        return created;
    }

    List<Collaboration> list(PartnerId caller) {
        return store.listFor(caller);
    }

    /** The collaboration, for its organiser and members (any status) only: anyone else gets a 404. */
    Collaboration read(PartnerId caller, String id) {
        Collaboration collaboration = store.find(id).map(CollaborationStore.Versioned::collaboration)
                .orElseThrow(CollaborationService::notFound);
        if (!collaboration.creator().equals(caller) && collaboration.member(caller).isEmpty()) {
            throw notFound();
        }
        return collaboration;
    }

    Collaboration change(String id, Function<Collaboration, CollaborationOutcome> command) {
        for (int attempt = 1; ; attempt++) {
            var read = store.find(id).orElseThrow(CollaborationService::notFound);
            Collaboration next = orThrow(command.apply(read.collaboration()));
            try {
                store.update(next, read.version());
                return next;
            } catch (StaleWriteException e) {
                if (attempt >= ATTEMPTS) {
                    throw new ProblemException(Problem.of(ProblemType.CONFLICT, "The collaboration changed"
                            + " concurrently; try again.").withReasonCode("CONCURRENT_CHANGE"));
                }
            }
        }
    }

    Collaboration accept(PartnerId caller, String id) {
        return change(id, collaboration -> collaboration.accept(caller, clock.instant()));
    }

    Collaboration decline(PartnerId caller, String id) {
        return change(id, collaboration -> collaboration.decline(caller));
    }

    Collaboration leave(PartnerId caller, String id) {
        return change(id, collaboration -> collaboration.leave(caller, clock.instant()));
    }

    Collaboration proposeAgreement(PartnerId caller, String id, Agreement proposed) {
        return change(id, collaboration -> collaboration.proposeAgreement(caller, proposed, clock.instant()));
    }

    static Collaboration orThrow(CollaborationOutcome outcome) {
        return switch (outcome) {
            case CollaborationOutcome.Changed changed -> changed.collaboration();
            case CollaborationOutcome.Refused refused -> throw toProblem(refused.reasons());
        };
    }

    /**
     * A domain refusal as RFC 9457: not found 404 exactly as for an unknown id (see {@link #notFound}), not the organiser 403, bad fields (with
     * pointers) 400 with one error per field, any other state conflict 409; the first reason is the
     * {@code reasonCode}.
     */
    static ProblemException toProblem(List<Decision.Rejected> reasons) {
        Decision.Rejected first = reasons.get(0);
        ProblemType type;
        if (Collaboration.NOT_FOUND.equals(first.reasonCode())) {
            type = ProblemType.NOT_FOUND;
        } else if (Collaboration.NOT_THE_ORGANISER.equals(first.reasonCode())) {
            type = ProblemType.FORBIDDEN;
        } else if (first.field() != null) {
            type = ProblemType.VALIDATION_FAILED;
        } else {
            type = ProblemType.CONFLICT;
        }
        List<FieldError> errors = reasons.stream().filter(reason -> reason.field() != null)
                .map(reason -> new FieldError(reason.field(), reason.detail() + " (" + reason.reasonCode() + ")"))
                .toList();
        String detail = reasons.size() == 1 ? first.detail()
                : "The request has " + reasons.size() + " problems; see errors.";
        if (type == ProblemType.NOT_FOUND) {
            return notFound();
        }
        return new ProblemException(Problem.of(type, detail, errors).withReasonCode(first.reasonCode()));
    }

    /**
     * The one answer for a collaboration the caller may not see and for an id that names none: the same body,
     * without a reasonCode, so that a stranger cannot tell a foreign collaboration from a missing one.
     */
    static ProblemException notFound() {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, "No such collaboration."));
    }
}
