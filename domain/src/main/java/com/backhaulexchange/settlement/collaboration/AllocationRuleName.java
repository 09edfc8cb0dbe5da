package com.backhaulexchange.settlement.collaboration;

import com.backhaulexchange.settlement.allocation.AllocationRule;

/**
 * The allocation rules an agreement may name, each mapped to the library's rule (ADR 13). Shapley is exact
 * up to {@link #EXACT_MEMBER_LIMIT} members and the sampled Shapley value above; the nucleolus and the equal
 * profit method read every coalition and are refused above the limit; proportional, equal split and shadow
 * prices need only a few values (or the market's duals) and work at any size.
 */
public enum AllocationRuleName {
    SHAPLEY,
    NUCLEOLUS,
    EQUAL_PROFIT,
    SHADOW_PRICES,
    PROPORTIONAL,
    EQUAL_SPLIT;

    /**
     * Above 12 members a period is not settled by rules that read all 2^n coalitions: tabulating the market
     * doubles per member (0.2 s at 12, 22.5 s at 20, docs/reference/matching-model.md) and the nucleolus LPs have 2^n rows.
     */
    public static final int EXACT_MEMBER_LIMIT = 12;
    /** Orders sampled for the Shapley value above the exact limit (SE ≈ σ/√2000). */
    public static final int SAMPLED_PERMUTATIONS = 2_000;

    /** Whether the rule can settle a period of {@code members} members. */
    public boolean supports(int members) {
        return members <= EXACT_MEMBER_LIMIT || this != NUCLEOLUS && this != EQUAL_PROFIT;
    }

    /** The library rule for a period of {@code members} members; {@code seed} makes sampling reproducible. */
    public AllocationRule toRule(int members, long seed) {
        return switch (this) {
            case SHAPLEY -> members <= EXACT_MEMBER_LIMIT ? new AllocationRule.Shapley()
                    : new AllocationRule.SampledShapley(SAMPLED_PERMUTATIONS, seed);
            case NUCLEOLUS -> new AllocationRule.Nucleolus();
            case EQUAL_PROFIT -> new AllocationRule.EqualProfit();
            case SHADOW_PRICES -> new AllocationRule.ShadowPrices();
            case PROPORTIONAL -> new AllocationRule.ProportionalToStandAlone();
            case EQUAL_SPLIT -> new AllocationRule.EqualSplit();
        };
    }
}
