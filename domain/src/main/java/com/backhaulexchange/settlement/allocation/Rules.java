package com.backhaulexchange.settlement.allocation;

import java.util.Arrays;
import java.util.List;
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

    static AllocationOutcome proportionalToStandAlone(Game game, String rule) {
        int n = game.players();
        double total = game.grandCoalitionValue();
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = game.standAloneValue(i);
            if (weights[i] < 0) {
                return AllocationOutcome.refused(AllocationRule.PROPORTIONAL_NEEDS_NON_NEGATIVE_STAND_ALONE,
                        "player " + i + " has a negative stand-alone value " + weights[i]
                                + ": shares proportional to it are not defined");
            }
            sum += weights[i];
        }
        double[] shares = new double[n];
        if (sum == 0) {
            Arrays.fill(shares, total / n);
            return new AllocationOutcome.Allocated(Allocation.exact(rule, total, shares,
                    List.of("every stand-alone value is 0: split equally")));
        }
        for (int i = 0; i < n; i++) {
            shares[i] = total * (weights[i] / sum);
        }
        return new AllocationOutcome.Allocated(Allocation.exact(rule, total, shares, List.of()));
    }
}
