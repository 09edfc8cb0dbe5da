package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * What a party proposes: an all-in amount for the move (linehaul and fuel), accessorial terms, the instant
 * the offer lapses and a free-text note (optional, null when absent). Checked by {@link OfferPolicies}.
 */
public record OfferTerms(Money amount, AccessorialTerms accessorials, Instant expiresAt, String note) {

    public OfferTerms {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(accessorials, "accessorials");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
