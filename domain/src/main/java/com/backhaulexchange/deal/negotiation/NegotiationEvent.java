package com.backhaulexchange.deal.negotiation;

import java.time.Instant;
import java.util.Objects;

/**
 * What happened in a negotiation, appended to its history: numbered from 1 without gaps ({@code sequence})
 * and never stamped before its predecessor ({@code at}). No event carries a party's private figure.
 */
public sealed interface NegotiationEvent {

    long sequence();

    Instant at();

    Actor actor();

    /** An offer was made: the opening offer (round 1) or a counter-offer. */
    record OfferMade(long sequence, Instant at, Actor.Party actor, Offer offer) implements NegotiationEvent {
        public OfferMade {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(offer, "offer");
        }
    }

    record OfferAccepted(long sequence, Instant at, Actor.Party actor, int round) implements NegotiationEvent {
        public OfferAccepted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The receiving side's auto-accept price was met. Says that it was, never what the price is. */
    record OfferAutoAccepted(long sequence, Instant at, Side onBehalfOf, int round) implements NegotiationEvent {
        public OfferAutoAccepted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(onBehalfOf, "onBehalfOf");
        }

        @Override
        public Actor actor() {
            return Actor.EXCHANGE;
        }
    }

    /** The offer was turned down; on the last round the rounds limit allows, the negotiation is exhausted. */
    record OfferRejected(long sequence, Instant at, Actor.Party actor, int round, boolean lastRound)
            implements NegotiationEvent {
        public OfferRejected {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
        }
    }

    record OfferWithdrawn(long sequence, Instant at, Actor.Party actor, int round) implements NegotiationEvent {
        public OfferWithdrawn {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
        }
    }

    record OfferExpired(long sequence, Instant at, int round) implements NegotiationEvent {
        public OfferExpired {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Actor actor() {
            return Actor.EXCHANGE;
        }
    }

    /** A lane of this negotiation was booked through negotiation {@code winner}. */
    record Superseded(long sequence, Instant at, NegotiationId winner) implements NegotiationEvent {
        public Superseded {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(winner, "winner");
        }

        @Override
        public Actor actor() {
            return Actor.EXCHANGE;
        }
    }
}
