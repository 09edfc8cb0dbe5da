package com.backhaulexchange.settlement.allocation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The simple rules, and tabulating a game for the rules that need every coalition. */
final class Rules {

    private Rules() {
    }

    static AllocationOutcome withTable(Game game, String rule, Function<CooperativeGame, Allocation> allocate) {
        return withTableOutcome(game, rule, table -> new AllocationOutcome.Allocated(allocate.apply(table)));
    }

    static AllocationOutcome withTableOutcome(Game game, String rule,
            Function<CooperativeGame, AllocationOutcome> allocate) {
        if (game.players() > CooperativeGame.MAX_PLAYERS) {
            return AllocationOutcome.refused(AllocationRule.TOO_MANY_PLAYERS_FOR_EXACT, rule + " reads all 2^n"
                    + " coalitions and is limited to " + CooperativeGame.MAX_PLAYERS + " players; this game has "
                    + game.players() + ": use sampled-shapley");
        }
        return allocate.apply(game.tabulate());
    }

    static AllocationOutcome equalSplit(Game game, String rule) {
        int n = game.players();
        double total = game.grandCoalitionValue();
        double[] shares = new double[n];
        Arrays.fill(shares, total / n);
        return new AllocationOutcome.Allocated(Allocation.exact(rule, total, shares, List.of()));
    }

    /**
     * A VALUE game shares v(N) in proportion to the stand-alone values v({i}). A COST game (a savings game made
     * {@link CooperativeGame#fromCosts from costs}, whose v({i}) are all 0 by construction) shares the cost
     * c(N) in proportion to the stand-alone costs c({i}): cost share c(N)·c({i})/Σc({j}), which is the savings
     * share v(N)·c({i})/Σc({j}) since v(N) = Σc({j}) − c(N). Weights that are all 0 split equally.
     */
    static AllocationOutcome proportionalToStandAlone(Game game, String rule) {
        int n = game.players();
        double total = game.grandCoalitionValue();
        Optional<double[]> costs = game instanceof CooperativeGame table ? table.standAloneCosts() : Optional.empty();
        String what = costs.isPresent() ? "stand-alone cost" : "stand-alone value";
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = costs.isPresent() ? costs.get()[i] : game.standAloneValue(i);
            if (weights[i] < 0) {
                return AllocationOutcome.refused(AllocationRule.PROPORTIONAL_NEEDS_NON_NEGATIVE_STAND_ALONE,
                        "player " + i + " has a negative " + what + " " + weights[i]
                                + ": shares proportional to it are not defined");
            }
            sum += weights[i];
        }
        double[] shares = new double[n];
        if (sum == 0) {
            Arrays.fill(shares, total / n);
            return new AllocationOutcome.Allocated(Allocation.exact(rule, total, shares,
                    List.of("every " + what + " is 0: split equally")));
        }
        for (int i = 0; i < n; i++) {
            shares[i] = total * (weights[i] / sum);
        }
        List<String> remarks = costs.isPresent() ? List.of("cost shared in proportion to the stand-alone costs")
                : List.of();
        return new AllocationOutcome.Allocated(Allocation.exact(rule, total, shares, remarks));
    }
}
