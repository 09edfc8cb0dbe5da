package com.backhaulexchange.settlement.collaboration;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes an agreement acceptable, as rejections with reason codes and JSON Pointers into the agreement
 * body ({@code /rule}, {@code /pooledShareBasisPoints}, {@code /riskTerms/perMemberCapPerPeriod}, …).
 */
public final class AgreementPolicies {

    public static final String POOLED_SHARE_OUT_OF_RANGE = "POOLED_SHARE_OUT_OF_RANGE";
    public static final String RISK_CAP_NEGATIVE = "RISK_CAP_NEGATIVE";
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    public static final String SCHEDULE_IS_FIXED = "SCHEDULE_IS_FIXED";
    public static final String START_DATE_OUT_OF_RANGE = "START_DATE_OUT_OF_RANGE";

    /** Start dates from 2000 to 2199: far enough for any collaboration, near enough to reject typos. */
    static final int EARLIEST_YEAR = 2000;
    static final int LATEST_YEAR = 2199;

    private AgreementPolicies() {
    }

    /** The rejections of a first agreement; empty when it is acceptable. */
    public static List<Decision.Rejected> validate(Agreement agreement) {
        List<Decision.Rejected> rejected = new ArrayList<>();
        int share = agreement.pooledShareBasisPoints();
        if (share < 0 || share > Agreement.FULL_POOLING_BASIS_POINTS) {
            rejected.add(new Decision.Rejected(POOLED_SHARE_OUT_OF_RANGE, "The pooled share is 0 to 10000 basis points"
                    + " (0 % to 100 %), was " + share + ".", "/pooledShareBasisPoints"));
        }
        if (agreement.riskTerms() instanceof RiskTerms.AtFaultCapped(Money cap)) {
            if (cap.isNegative()) {
                rejected.add(new Decision.Rejected(RISK_CAP_NEGATIVE, "The per-member risk cap is never negative.",
                        "/riskTerms/perMemberCapPerPeriod"));
            }
            if (!cap.currency().equals(agreement.currency())) {
                rejected.add(new Decision.Rejected(CURRENCY_MISMATCH, "The risk cap is in " + cap.currency()
                        + ", the agreement in " + agreement.currency() + ".", "/riskTerms/perMemberCapPerPeriod"));
            }
        }
        int year = agreement.startDate().getYear();
        if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
            rejected.add(new Decision.Rejected(START_DATE_OUT_OF_RANGE, "The start date is between " + EARLIEST_YEAR
                    + " and " + LATEST_YEAR + ".", "/startDate"));
        }
        if (agreement.currency().getDefaultFractionDigits() < 0) {
            rejected.add(new Decision.Rejected(CURRENCY_MISMATCH, "The currency has no minor unit.", "/currency"));
        }
        return List.copyOf(rejected);
    }

    /**
     * The rejections of a change from {@code current} to {@code proposed}: the proposal must be valid and keep
     * the schedule and the currency, so that period numbers and amounts mean the same across versions.
     */
    public static List<Decision.Rejected> validateChange(Agreement current, Agreement proposed) {
        List<Decision.Rejected> rejected = new ArrayList<>(validate(proposed));
        if (proposed.periodKind() != current.periodKind()) {
            rejected.add(new Decision.Rejected(SCHEDULE_IS_FIXED, "The period kind is fixed at creation.", "/periodKind"));
        }
        if (!proposed.startDate().equals(current.startDate())) {
            rejected.add(new Decision.Rejected(SCHEDULE_IS_FIXED, "The start date is fixed at creation.", "/startDate"));
        }
        if (!proposed.currency().equals(current.currency())) {
            rejected.add(new Decision.Rejected(SCHEDULE_IS_FIXED, "The currency is fixed at creation.", "/currency"));
        }
        return List.copyOf(rejected);
    }
}
