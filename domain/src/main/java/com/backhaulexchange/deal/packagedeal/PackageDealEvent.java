package com.backhaulexchange.deal.packagedeal;

import com.backhaulexchange.deal.negotiation.Actor;
import com.backhaulexchange.deal.negotiation.Offer;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened in a package deal, appended to its history: numbered from 1 without gaps, never stamped before
 * its predecessor. Events of one leg name its index; the history is the carrier's: a shipper is shown only the
 * events of its own leg and the package's end ({@link ShipperLegView}).
 */
public sealed interface PackageDealEvent {

    long sequence();

    Instant at();

    Actor actor();

    /** An offer was made on one load: the carrier's conditional opening offer (round 1) or a counter. */
    record LegOffered(long sequence, Instant at, Actor.Party actor, int legIndex, Offer offer)
            implements PackageDealEvent {
        public LegOffered {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(offer, "offer");
        }
    }

    /** One load's offer on the table was accepted: binding if, and only if, the whole package books. */
    record LegAccepted(long sequence, Instant at, Actor.Party actor, int legIndex, int round)
            implements PackageDealEvent {
        public LegAccepted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Every load's offer is accepted: the package books, all lanes at once. */
    record PackageBooked(long sequence, Instant at) implements PackageDealEvent {
        public PackageBooked {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Actor actor() {
            return Actor.EXCHANGE;
        }
    }

    /**
     * The package will not book: {@code cause}, and the leg that caused it where one did (null when the carrier
     * withdrew or the package's own deadline passed). A declining shipper is the actor of its decline;
     * everything else is recorded as the exchange's doing or the carrier's.
     */
    record PackageFailed(long sequence, Instant at, Actor actor, FailureCause cause, Integer legIndex, String reason)
            implements PackageDealEvent {
        public PackageFailed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(cause, "cause");
        }
    }
}
