package com.backhaulexchange.settlement.collaboration;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * The terms of a collaboration, version {@code version} (1, 2, …): the allocation rule, the pooled share in
 * basis points (0 = each member keeps its realised gain, 10,000 = each member ends with its fair share), the
 * risk terms, and the schedule (period kind, UTC start date) and currency, which no later version changes.
 * Validated by {@link AgreementPolicies}; the constructor only refuses nulls.
 */
public record Agreement(int version, AllocationRuleName rule, int pooledShareBasisPoints, RiskTerms riskTerms,
        PeriodKind periodKind, Currency currency, LocalDate startDate) {

    public static final int FULL_POOLING_BASIS_POINTS = 10_000;

    public Agreement {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(riskTerms, "riskTerms");
        Objects.requireNonNull(periodKind, "periodKind");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(startDate, "startDate");
    }

    public PeriodSchedule schedule() {
        return new PeriodSchedule(periodKind, startDate);
    }

    /** The same terms as the next version. */
    public Agreement withVersion(int next) {
        return new Agreement(next, rule, pooledShareBasisPoints, riskTerms, periodKind, currency, startDate);
    }
}
