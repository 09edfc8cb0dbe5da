package com.backhaulexchange.settlement.allocation;

import java.util.List;

/**
 * A named way of sharing v(N) among the players (definitions in ADR 13). Every rule is efficient: the shares
 * sum to v(N). A rule that cannot allocate a game says why with a reason code rather than guessing.
 */
public sealed interface AllocationRule {

    /** Exact rules that read every coalition refuse oracle games above {@link CooperativeGame#MAX_PLAYERS}. */
    String TOO_MANY_PLAYERS_FOR_EXACT = "too-many-players-for-exact";
    String SHADOW_PRICES_NEED_A_MARKET = "shadow-prices-need-a-market";
    String NUCLEOLUS_NEEDS_IMPUTATIONS = "nucleolus-needs-imputations";
    String EQUAL_PROFIT_NEEDS_REFERENCE_VALUES = "equal-profit-needs-reference-values";
    String PROPORTIONAL_NEEDS_NON_NEGATIVE_STAND_ALONE = "proportional-needs-non-negative-stand-alone";

    /** The stable, kebab-case name an agreement refers to the rule by. */
    String name();

    AllocationOutcome allocate(Game game);

    /** The exact Shapley value: each player's marginal contribution averaged over all n! orders of joining. */
    record Shapley() implements AllocationRule {
        @Override
        public String name() {
            return "shapley";
        }

        @Override
        public AllocationOutcome allocate(Game game) {
            return Rules.withTable(game, name(), table -> Allocation.exact(name(), table.grandCoalitionValue(),
                    ShapleyValue.exact(table), List.of()));
        }
    }

    /**
     * The Shapley value estimated from {@code permutations} uniformly random orders of joining (Castro, Gómez
     * and Tejada 2009), reproducible from {@code seed}, with a standard error per player. Works on oracles
     * of any size.
     */
    record SampledShapley(int permutations, long seed) implements AllocationRule {
        public SampledShapley {
            if (permutations < 2) {
                throw new IllegalArgumentException("at least 2 permutations for a standard error: " + permutations);
            }
        }

        @Override
        public String name() {
            return "sampled-shapley";
        }

        @Override
        public AllocationOutcome allocate(Game game) {
            return new AllocationOutcome.Allocated(ShapleyValue.sampled(game, permutations, seed, name()));
        }
    }

    /**
     * The nucleolus (Schmeidler 1969): the imputation that lexicographically minimises the coalitions'
     * excesses v(S) − x(S), largest first, by sequential linear programmes. Refused when there is no
     * imputation (Σ v({i}) > v(N)).
     */
    record Nucleolus() implements AllocationRule {
        @Override
        public String name() {
            return "nucleolus";
        }

        @Override
        public AllocationOutcome allocate(Game game) {
            return Rules.withTableOutcome(game, name(), NucleolusSolver::solve);
        }
    }

    /**
     * The equal profit method (Frisk et al. 2010): in the core, minimise the largest difference between two
     * players' relative savings x_i / r_i. {@code referenceValues} are the r_i (each > 0); when empty they
     * are derived from the game (stand-alone costs of a cost game, else v({i})) — see ADR 13.
     */
    record EqualProfit(List<Double> referenceValues) implements AllocationRule {
        public EqualProfit {
            referenceValues = List.copyOf(referenceValues);
        }

        public EqualProfit() {
            this(List.of());
        }

        @Override
        public String name() {
            return "equal-profit";
        }

        @Override
        public AllocationOutcome allocate(Game game) {
            return Rules.withTableOutcome(game, name(), table -> EqualProfitMethod.solve(table, referenceValues));
        }
    }

    /**
     * Shares in proportion to the stand-alone values v({i}) of a value game, or, for a game made
     * {@link CooperativeGame#fromCosts from costs}, the cost in proportion to the stand-alone costs c({i});
     * equal shares when the weights are all 0 (ADR 13).
     */
    record ProportionalToStandAlone() implements AllocationRule {
        @Override
        public String name() {
            return "proportional-to-stand-alone";
        }

        @Override
        public AllocationOutcome allocate(Game game) {
            return Rules.proportionalToStandAlone(game, name());
        }
    }

    /** v(N) / n each. */
    record EqualSplit() implements AllocationRule {
        @Override
        public String name() {
            return "equal-split";
        }

        @Override
        public AllocationOutcome allocate(Game game) {
            return Rules.equalSplit(game, name());
        }
    }

    /**
     * For an {@link AssignmentMarket}: each player receives the optimal dual prices of the lanes it owns
     * (Shapley and Shubik 1971), always in the core. Undefined for games that are not a market.
     */
    record ShadowPrices() implements AllocationRule {
        @Override
        public String name() {
            return "shadow-prices";
        }

        @Override
        public AllocationOutcome allocate(Game game) {
            if (game instanceof AssignmentMarket market) {
                return new AllocationOutcome.Allocated(market.shadowPriceAllocation(name()));
            }
            return AllocationOutcome.refused(SHADOW_PRICES_NEED_A_MARKET, "shadow prices are the dual prices of the"
                    + " lanes of an assignment market; a game given only by its coalition values has none");
        }
    }

    /** Every rule, with default parameters where it has any (sampling: 10,000 permutations, seed 0). */
    static List<AllocationRule> all() {
        return List.of(new Shapley(), new SampledShapley(10_000, 0L), new Nucleolus(), new EqualProfit(),
                new ProportionalToStandAlone(), new EqualSplit(), new ShadowPrices());
    }
}
