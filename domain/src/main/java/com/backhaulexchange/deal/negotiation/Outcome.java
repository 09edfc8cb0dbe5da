package com.backhaulexchange.deal.negotiation;

import java.util.List;
import java.util.Objects;

/**
 * What a command did to an aggregate of type {@code S}: it {@link Changed changed} it and says what happened
 * in events of type {@code E}; it found the very same thing already done ({@link Unchanged}, an idempotent
 * repeat: answer as the first time, write nothing); or it was {@link Refused refused} and nothing changed.
 */
public sealed interface Outcome<S, E> {

    record Changed<S, E>(S state, List<E> events) implements Outcome<S, E> {
        public Changed {
            Objects.requireNonNull(state, "state");
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("a change says what happened");
            }
        }
    }

    record Unchanged<S, E>(S state) implements Outcome<S, E> {
        public Unchanged {
            Objects.requireNonNull(state, "state");
        }
    }

    /** One refusal, or several when the request has several bad fields (all of kind INVALID_INPUT). */
    record Refused<S, E>(List<Refusal> refusals) implements Outcome<S, E> {
        public Refused {
            refusals = List.copyOf(refusals);
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refusal gives a reason");
            }
        }

        public Refusal first() {
            return refusals.get(0);
        }

        public ReasonCode reason() {
            return first().reason();
        }

        public RefusalKind kind() {
            return first().kind();
        }
    }

    static <S, E> Outcome<S, E> refused(ReasonCode reason, String detail) {
        return new Refused<>(List.of(Refusal.of(reason, detail)));
    }

    static <S, E> Outcome<S, E> refused(Refusal refusal) {
        return new Refused<>(List.of(refusal));
    }
}
