package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.money.Money;
import java.util.Objects;

/**
 * The accessorial charges an offer proposes beside its all-in amount (docs/reference/freight-conventions.md): detention — after
 * {@code detentionFreeHours} at a stop, each further hour is paid at {@code detentionRatePerHour} — and TONU
 * (truck ordered, not used) — {@code tonuFee} is owed to the carrier when the shipper cancels less than
 * {@code tonuCancellationWindowHours} before the pickup window opens. Ranges are checked by
 * {@link OfferPolicies}, not here, so that each bad field is reported with its pointer.
 */
public record AccessorialTerms(int detentionFreeHours, Money detentionRatePerHour, Money tonuFee,
        int tonuCancellationWindowHours) {

    public AccessorialTerms {
        Objects.requireNonNull(detentionRatePerHour, "detentionRatePerHour");
        Objects.requireNonNull(tonuFee, "tonuFee");
    }

    /** Common US spot terms: 2 free hours then USD 50 per hour; USD 200 TONU inside 24 hours of pickup. */
    public static AccessorialTerms usualUsd() {
        return new AccessorialTerms(2, Money.of(5_000, "USD"), Money.of(20_000, "USD"), 24);
    }
}
