package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * An offer on the table: round {@code round} (1 is the opening offer), made for side {@code author} by
 * {@code actingPartner} — the party itself or a broker it delegated to — at {@code offeredAt}.
 */
public record Offer(int round, Side author, PartnerId actingPartner, OfferTerms terms, Instant offeredAt) {

    public Offer {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(actingPartner, "actingPartner");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(offeredAt, "offeredAt");
        if (round < 1) {
            throw new IllegalArgumentException("rounds count from 1, was " + round);
        }
    }

    public Money amount() {
        return terms.amount();
    }

    public AccessorialTerms accessorials() {
        return terms.accessorials();
    }

    public Instant expiresAt() {
        return terms.expiresAt();
    }

    /** An offer lapses at its expiry instant: at {@code expiresAt} it can no longer be accepted. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(terms.expiresAt());
    }
}
