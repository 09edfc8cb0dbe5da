package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.money.Money;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The rules an offer's terms must satisfy, checked before anything about the negotiation's state; every
 * bad field is reported, each with a JSON Pointer in the shape of the offer's body.
 *
 * <p>Bounds, and why:
 * <ul>
 * <li>Amount: positive, in the negotiation's currency (the lanes' currency), and not absurd: at most
 *     {@value #MAX_MULTIPLE_OF_MARKET_PRICE} × the market estimate of the move, and at most
 *     {@value #ABSOLUTE_CAP_MAJOR_UNITS} major units (USD 1,000,000) whatever the estimate. The bound uses the
 *     public market estimate, never the shipper's budget, so that an error message cannot reveal it.</li>
 * <li>Expiry: after now, at most the rules' offer lifetime ahead, and not after the match stops being
 *     matchable (the pickup window closes or the truck must be home).</li>
 * <li>Detention: 0 to {@value #MAX_DETENTION_FREE_HOURS} free hours, 0 to {@value #MAX_HOURLY_RATE_MAJOR_UNITS}
 *     major units per hour (US detention is typically USD 25–100 per hour).</li>
 * <li>TONU: a fee from 0 up to the offer's amount (typically USD 150–500), a window of 0 to
 *     {@value #MAX_TONU_WINDOW_HOURS} hours (a week) before pickup.</li>
 * <li>Note: at most {@value #MAX_NOTE_LENGTH} characters.</li>
 * </ul>
 */
public final class OfferPolicies {

    public static final long MAX_MULTIPLE_OF_MARKET_PRICE = 100;
    public static final long ABSOLUTE_CAP_MAJOR_UNITS = 1_000_000;
    public static final int MAX_DETENTION_FREE_HOURS = 24;
    public static final long MAX_HOURLY_RATE_MAJOR_UNITS = 500;
    public static final int MAX_TONU_WINDOW_HOURS = 168;
    public static final int MAX_NOTE_LENGTH = 1_000;

    private OfferPolicies() {
    }

    /** Every reason the terms are bad for a negotiation in {@code currency}, or none. */
    public static List<Refusal> check(OfferTerms terms, Currency currency, MarketReference market,
            NegotiationRules rules, Instant offerDeadline, Instant now) {
        List<Refusal> refusals = new ArrayList<>();
        Money amount = terms.amount();
        if (!amount.currency().equals(currency)) {
            refusals.add(new Refusal(ReasonCode.CURRENCY_MISMATCH,
                    "The amount must be in " + currency + ", the currency of the lanes.", "/amount/currency"));
        } else if (amount.amountMinorUnits() <= 0) {
            refusals.add(new Refusal(ReasonCode.AMOUNT_NOT_POSITIVE, "The amount must be positive.",
                    "/amount/amountMinorUnits"));
        } else if (isAbsurd(amount, market.marketShipperPrice())) {
            refusals.add(new Refusal(ReasonCode.AMOUNT_ABSURD, "The amount is beyond any plausible price for this move"
                    + " (over " + MAX_MULTIPLE_OF_MARKET_PRICE + " times the market estimate, or over "
                    + ABSOLUTE_CAP_MAJOR_UNITS + " " + currency + ").", "/amount/amountMinorUnits"));
        }
        if (!terms.expiresAt().isAfter(now)) {
            refusals.add(new Refusal(ReasonCode.EXPIRY_IN_THE_PAST, "The offer must expire in the future.",
                    "/expiresAt"));
        } else if (terms.expiresAt().isAfter(now.plus(rules.maxOfferLifetime()))) {
            refusals.add(new Refusal(ReasonCode.EXPIRY_TOO_FAR, "An offer expires at most "
                    + rules.maxOfferLifetime().toHours() + " hours after it is made.", "/expiresAt"));
        } else if (terms.expiresAt().isAfter(offerDeadline)) {
            refusals.add(new Refusal(ReasonCode.EXPIRY_TOO_FAR,
                    "The offer cannot outlive the match, which stops being matchable at " + offerDeadline + ".",
                    "/expiresAt"));
        }
        checkAccessorials(terms, currency, refusals);
        if (terms.note() != null && terms.note().length() > MAX_NOTE_LENGTH) {
            refusals.add(new Refusal(ReasonCode.NOTE_TOO_LONG,
                    "A note has at most " + MAX_NOTE_LENGTH + " characters.", "/note"));
        }
        return List.copyOf(refusals);
    }

    private static void checkAccessorials(OfferTerms terms, Currency currency, List<Refusal> refusals) {
        AccessorialTerms accessorials = terms.accessorials();
        if (accessorials.detentionFreeHours() < 0 || accessorials.detentionFreeHours() > MAX_DETENTION_FREE_HOURS) {
            refusals.add(outOfRange("/accessorials/detentionFreeHours",
                    "Detention free time is 0 to " + MAX_DETENTION_FREE_HOURS + " hours."));
        }
        Money rate = accessorials.detentionRatePerHour();
        if (!rate.currency().equals(currency)) {
            refusals.add(new Refusal(ReasonCode.CURRENCY_MISMATCH, "The detention rate must be in " + currency + ".",
                    "/accessorials/detentionRatePerHour/currency"));
        } else if (rate.isNegative() || rate.amountMinorUnits() > majorUnits(MAX_HOURLY_RATE_MAJOR_UNITS, currency)) {
            refusals.add(outOfRange("/accessorials/detentionRatePerHour/amountMinorUnits",
                    "The detention rate is 0 to " + MAX_HOURLY_RATE_MAJOR_UNITS + " " + currency + " per hour."));
        }
        Money fee = accessorials.tonuFee();
        if (!fee.currency().equals(currency)) {
            refusals.add(new Refusal(ReasonCode.CURRENCY_MISMATCH, "The TONU fee must be in " + currency + ".",
                    "/accessorials/tonuFee/currency"));
        } else if (fee.isNegative() || (terms.amount().currency().equals(currency)
                && fee.amountMinorUnits() > Math.max(0, terms.amount().amountMinorUnits()))) {
            refusals.add(outOfRange("/accessorials/tonuFee/amountMinorUnits",
                    "The TONU fee is between 0 and the offer's amount."));
        }
        if (accessorials.tonuCancellationWindowHours() < 0
                || accessorials.tonuCancellationWindowHours() > MAX_TONU_WINDOW_HOURS) {
            refusals.add(outOfRange("/accessorials/tonuCancellationWindowHours",
                    "The TONU cancellation window is 0 to " + MAX_TONU_WINDOW_HOURS + " hours before pickup."));
        }
    }

    /** Over {@value #MAX_MULTIPLE_OF_MARKET_PRICE} × the market price, or over the absolute cap. */
    public static boolean isAbsurd(Money amount, Money marketShipperPrice) {
        BigInteger value = BigInteger.valueOf(amount.amountMinorUnits());
        boolean overMultiple = marketShipperPrice.amountMinorUnits() > 0 && value.compareTo(
                BigInteger.valueOf(marketShipperPrice.amountMinorUnits())
                        .multiply(BigInteger.valueOf(MAX_MULTIPLE_OF_MARKET_PRICE))) > 0;
        return overMultiple || amount.amountMinorUnits() > majorUnits(ABSOLUTE_CAP_MAJOR_UNITS, amount.currency());
    }

    private static long majorUnits(long major, Currency currency) {
        return Math.multiplyExact(major, (long) Math.pow(10, currency.getDefaultFractionDigits()));
    }

    private static Refusal outOfRange(String pointer, String detail) {
        return new Refusal(ReasonCode.ACCESSORIAL_OUT_OF_RANGE, detail, pointer);
    }
}
