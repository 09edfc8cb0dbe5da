package com.backhaulexchange.function.settlement;

import com.backhaulexchange.settlement.allocation.Allocation;
import com.backhaulexchange.settlement.allocation.AllocationOutcome;
import com.backhaulexchange.settlement.allocation.AllocationRule;
import com.backhaulexchange.settlement.allocation.CooperativeGame;
import com.backhaulexchange.settlement.allocation.CoreCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an allocation rule would give each player of an explicit game, and whether that is stable: plain Java,
 * no HTTP and no AWS types. The game and the rules come already validated ({@link Command}); each rule either
 * allocates (shares, core check, remarks) or refuses with the library's reason code — a refusal is part of
 * the answer, never an error of the whole preview.
 */
final class AllocationPreview {

    /**
     * Most players a preview game may have. The request lists every non-empty coalition explicitly, so n
     * players mean 2^n − 1 entries: 4,095 at 12, a body of about 1 MiB with 40-character names; 13 players
     * would double that. Exact Shapley, the core check and the simple rules take milliseconds at 12.
     */
    static final int MAX_PLAYERS = 12;

    /**
     * Most players for the nucleolus and the equal profit method, whose linear programmes have 2^n − 2 rows
     * (ADR 13). Measured here on one core with C1 only (the functions' JIT setting): at most 0.3 s at 10
     * players, 9.2 s (nucleolus, convex game) and 5.6 s (equal profit) at 12 — together too close to API
     * Gateway's 29 s. Above it they are refused in the response ({@link #TOO_MANY_PLAYERS_FOR_PREVIEW}).
     */
    static final int MAX_PLAYERS_FOR_LINEAR_PROGRAMMES = 10;

    /** Reason code of a rule refused because the game is too large for it within a request. */
    static final String TOO_MANY_PLAYERS_FOR_PREVIEW = "too-many-players-for-preview";

    /** Blocking coalitions listed per rule (the total count is always given). */
    static final int MAX_LISTED_BLOCKING = CoreCheck.DEFAULT_MAX_LISTED;

    /**
     * A coalition blocks when it is short by more than this, relative to max(1, max |v(S)|): above the
     * linear programmes' own tolerance (1e-8 scaled), so solver rounding never shows as instability.
     */
    static final double RELATIVE_TOLERANCE = 1e-7;

    static final int DEFAULT_PERMUTATIONS = 10_000;
    static final long DEFAULT_SEED = 0L;

    enum Kind {
        /** Coalition numbers are values (savings, profit): more is better. */
        VALUE,
        /** Coalition numbers are costs: less is better; shares are also given as cost shares. */
        COST
    }

    /** The rule names of the API, each mapped to the library's rule. */
    enum RuleName {
        SHAPLEY, SAMPLED_SHAPLEY, NUCLEOLUS, EQUAL_PROFIT, PROPORTIONAL, EQUAL_SPLIT, SHADOW_PRICES;

        AllocationRule rule(int permutations, long seed) {
            return switch (this) {
                case SHAPLEY -> new AllocationRule.Shapley();
                case SAMPLED_SHAPLEY -> new AllocationRule.SampledShapley(permutations, seed);
                case NUCLEOLUS -> new AllocationRule.Nucleolus();
                case EQUAL_PROFIT -> new AllocationRule.EqualProfit();
                case PROPORTIONAL -> new AllocationRule.ProportionalToStandAlone();
                case EQUAL_SPLIT -> new AllocationRule.EqualSplit();
                case SHADOW_PRICES -> new AllocationRule.ShadowPrices();
            };
        }

        boolean solvesLinearProgrammes() {
            return this == NUCLEOLUS || this == EQUAL_PROFIT;
        }
    }

    /**
     * A validated preview: player names (index = bit of the coalition mask), the numbers of every coalition by
     * bitmask ({@code numbers[0]} = 0) read as values or costs, and the rules in the order asked.
     */
    record Command(List<String> players, Kind kind, double[] numbers, List<RuleName> rules, int permutations,
            long seed) {
        Command {
            players = List.copyOf(players);
            rules = List.copyOf(rules);
            if (numbers.length != 1 << players.size()) {
                throw new IllegalArgumentException("one number per coalition");
            }
        }
    }

    /** The answer: v(N) of the savings game, c(N) for a cost game, and one result per rule asked. */
    record Preview(Command command, double grandCoalitionValue, Optional<Double> grandCoalitionCost,
            List<RuleResult> results) {
    }

    sealed interface RuleResult {
        RuleName rule();
    }

    /**
     * Shares of the savings game; for a cost game also cost shares c({i}) − s_i. Blocking coalitions are read
     * in the game's own terms: for values v(S), x(S) and gap v(S) − x(S); for costs c(S), the cost shares of
     * S and gap (cost shares − c(S)) — the same number.
     */
    record Allocated(RuleName rule, List<Double> shares, Optional<List<Double>> costShares,
            List<Double> standardErrors, boolean efficient, boolean inCore, double tolerance, int blockingCount,
            List<Blocking> blocking, List<String> remarks) implements RuleResult {
    }

    record Blocking(List<String> members, double number, double allocated, double gap) {
    }

    record Refused(RuleName rule, String reasonCode, String detail) implements RuleResult {
    }

    private AllocationPreview() {
    }

    static Preview compute(Command command) {
        int n = command.players().size();
        double[] numbers = command.numbers();
        CooperativeGame game = command.kind() == Kind.COST
                ? CooperativeGame.fromCosts(n, mask -> numbers[(int) mask])
                : CooperativeGame.of(n, mask -> numbers[(int) mask]);
        double magnitude = 1.0;
        for (long mask = 1; mask <= game.grandCoalition(); mask++) {
            magnitude = Math.max(magnitude, Math.abs(game.value(mask)));
        }
        double tolerance = RELATIVE_TOLERANCE * magnitude;
        List<RuleResult> results = new ArrayList<>();
        for (RuleName name : command.rules()) {
            results.add(result(command, game, name, tolerance));
        }
        Optional<Double> cost = command.kind() == Kind.COST ? Optional.of(numbers[numbers.length - 1])
                : Optional.empty();
        return new Preview(command, game.grandCoalitionValue(), cost, results);
    }

    private static RuleResult result(Command command, CooperativeGame game, RuleName name, double tolerance) {
        int n = game.players();
        if (name.solvesLinearProgrammes() && n > MAX_PLAYERS_FOR_LINEAR_PROGRAMMES) {
            return new Refused(name, TOO_MANY_PLAYERS_FOR_PREVIEW, name + " solves linear programmes over all 2^n"
                    + " coalitions and is previewed for at most " + MAX_PLAYERS_FOR_LINEAR_PROGRAMMES
                    + " players; this game has " + n + ": use SHAPLEY or SAMPLED_SHAPLEY");
        }
        AllocationOutcome outcome = name.rule(command.permutations(), command.seed()).allocate(game);
        return switch (outcome) {
            case AllocationOutcome.Refused refused -> new Refused(name, refused.reason().reasonCode(),
                    refused.reason().detail());
            case AllocationOutcome.Allocated allocated -> allocated(command, game, name, allocated.allocation(),
                    tolerance);
        };
    }

    private static Allocated allocated(Command command, CooperativeGame game, RuleName name, Allocation allocation,
            double tolerance) {
        boolean cost = command.kind() == Kind.COST;
        CoreCheck check = CoreCheck.of(game, allocation, tolerance, MAX_LISTED_BLOCKING);
        Optional<List<Double>> costShares = cost
                ? Optional.of(java.util.Arrays.stream(game.costShares(allocation)).boxed().toList())
                : Optional.empty();
        List<Blocking> blocking = new ArrayList<>();
        for (CoreCheck.BlockingCoalition coalition : check.blocking()) {
            List<String> members = coalition.members().stream().map(command.players()::get).toList();
            if (cost) {
                double standAlone = command.numbers()[(int) coalition.coalition()];
                blocking.add(new Blocking(members, standAlone, standAlone + coalition.gap(), coalition.gap()));
            } else {
                blocking.add(new Blocking(members, coalition.value(), coalition.allocated(), coalition.gap()));
            }
        }
        return new Allocated(name, allocation.shares(), costShares, allocation.standardErrors(), check.efficient(),
                check.inCore(), tolerance, check.blockingCount(), blocking, allocation.remarks());
    }
}
