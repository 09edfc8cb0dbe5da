package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.money.Money;
import java.time.Duration;
import java.util.Objects;

/**
 * The configurable rules of negotiation, fixed on a negotiation when it opens (a later change of
 * configuration does not change the rules of a negotiation under way).
 *
 * <ul>
 * <li>{@code maxRounds}: at most this many offers, the opening one included ({@value #DEFAULT_MAX_ROUNDS} by
 *     default: three each way); the last one can only be accepted or rejected. 1 to {@value #MAX_ROUNDS}.</li>
 * <li>{@code maxOfferLifetime}: an offer expires at most this long after it is made (72 hours by default,
 *     the span of a spot-market tender), and never after the match stops being matchable.</li>
 * <li>{@code marketRatePerLoadedMile}, {@code marketCostPerMile}: the exchange's public market estimates the
 *     surplus split is shown against (ADR 14): USD 2.71 per loaded mile (ADR 9, the default of matching) and
 *     USD 2.26 per mile (ATRI 2024 operating cost, docs/reference/freight-conventions.md).</li>
 * </ul>
 */
public record NegotiationRules(int maxRounds, Duration maxOfferLifetime, Money marketRatePerLoadedMile,
        Money marketCostPerMile) {

    public static final int DEFAULT_MAX_ROUNDS = 6;
    public static final int MAX_ROUNDS = 20;
    public static final Duration DEFAULT_MAX_OFFER_LIFETIME = Duration.ofHours(72);

    public static final NegotiationRules DEFAULT = new NegotiationRules(DEFAULT_MAX_ROUNDS,
            DEFAULT_MAX_OFFER_LIFETIME, Money.of(271, "USD"), Money.of(226, "USD"));

    public NegotiationRules {
        Objects.requireNonNull(maxOfferLifetime, "maxOfferLifetime");
        Objects.requireNonNull(marketRatePerLoadedMile, "marketRatePerLoadedMile");
        Objects.requireNonNull(marketCostPerMile, "marketCostPerMile");
        if (maxRounds < 1 || maxRounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("maxRounds must be within [1, " + MAX_ROUNDS + "], was " + maxRounds);
        }
        if (maxOfferLifetime.isNegative() || maxOfferLifetime.isZero()) {
            throw new IllegalArgumentException("maxOfferLifetime must be positive");
        }
        if (!marketRatePerLoadedMile.currency().equals(marketCostPerMile.currency())) {
            throw new IllegalArgumentException("market estimates share one currency");
        }
    }

    public NegotiationRules withMaxRounds(int rounds) {
        return new NegotiationRules(rounds, maxOfferLifetime, marketRatePerLoadedMile, marketCostPerMile);
    }
}
