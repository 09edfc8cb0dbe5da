package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.partner.PartnerId;
import java.util.Objects;

/** Who did what is recorded in a history: a partner acting for a side, or the exchange itself. */
public sealed interface Actor {

    /** A partner acting for {@code side}: the side's party, or a broker it delegated to. */
    record Party(Side side, PartnerId partner) implements Actor {
        public Party {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(partner, "partner");
        }
    }

    /** The exchange: lazy or scheduled expiry, supersession by another booking, an auto-accept price. */
    record Exchange() implements Actor {
    }

    Exchange EXCHANGE = new Exchange();
}
