package com.backhaulexchange.settlement.allocation;

import com.backhaulexchange.kernel.policy.FieldViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.kernel.policy.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Textbook games with independently known answers (docs/reference/allocation-games.md, "Textbook games with known answers"). */
class AllocationRulesTest {

    private static final Offset<Double> EXACT = within(1e-9);
    private static final Offset<Double> LP = within(1e-6);

    private static double[] shares(AllocationRule rule, Game game) {
        return rule.allocate(game).orElseThrow().sharesArray();
    }

    private static void assertShares(double[] actual, Offset<Double> tolerance, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("share of player %d in %s", i, java.util.Arrays.toString(actual))
                    .isCloseTo(expected[i], tolerance);
        }
    }

    @Test
    void shapleyOfTheGloveGameGivesTheScarceGloveTwoThirds() {
        assertShares(shares(new AllocationRule.Shapley(), Games.glove()), EXACT, 2.0 / 3, 1.0 / 6, 1.0 / 6);
    }

    @Test
    void nucleolusOfTheGloveGameGivesEverythingToTheScarceGlove() {
        assertShares(shares(new AllocationRule.Nucleolus(), Games.glove()), LP, 1, 0, 0);
    }

    @Test
    void shapleyOfTheBankruptcyGamesMatchesTheTextbook() {
        assertShares(shares(new AllocationRule.Shapley(), Games.bankruptcy(200, 100, 200, 300)), EXACT,
                100.0 / 3, 250.0 / 3, 250.0 / 3);
        assertShares(shares(new AllocationRule.Shapley(), Games.bankruptcy(300, 100, 200, 300)), EXACT, 50, 100, 150);
    }

    @Test
    void nucleolusOfTheBankruptcyGamesIsTheTalmudRule() {
        assertShares(shares(new AllocationRule.Nucleolus(), Games.bankruptcy(200, 100, 200, 300)), LP, 50, 75, 75);
        assertShares(shares(new AllocationRule.Nucleolus(), Games.bankruptcy(300, 100, 200, 300)), LP, 50, 100, 150);
        // A third Talmud case: estate 100 is split equally, each claimant below half its claim.
        assertShares(shares(new AllocationRule.Nucleolus(), Games.bankruptcy(100, 100, 200, 300)), LP,
                100.0 / 3, 100.0 / 3, 100.0 / 3);
    }

    @Test
    void shapleyCostSharesOfTheAirportGameAreTheSequentialRunwaySplit() {
        CooperativeGame airport = Games.airport(8, 11, 13);
        Allocation savings = new AllocationRule.Shapley().allocate(airport).orElseThrow();

        assertShares(airport.costShares(savings), EXACT, 8.0 / 3, 8.0 / 3 + 3.0 / 2, 8.0 / 3 + 3.0 / 2 + 2);
    }

    @Test
    void nucleolusCostSharesOfTheAirportGameMatchTheTextbook() {
        CooperativeGame airport = Games.airport(8, 11, 13);
        Allocation savings = new AllocationRule.Nucleolus().allocate(airport).orElseThrow();

        assertShares(airport.costShares(savings), LP, 11.0 / 3, 11.0 / 3, 17.0 / 3);
    }

    @Test
    void theMajorityGameIsSplitEquallyByShapleyAndNucleolus() {
        assertShares(shares(new AllocationRule.Shapley(), Games.majority()), EXACT, 1.0 / 3, 1.0 / 3, 1.0 / 3);
        assertShares(shares(new AllocationRule.Nucleolus(), Games.majority()), LP, 1.0 / 3, 1.0 / 3, 1.0 / 3);
    }

    @Test
    void inATwoPlayerGameShapleyAndNucleolusSplitTheSurplusOverStandAloneEqually() {
        CooperativeGame game = CooperativeGame.of(2, List.of(0.0, 10.0, 30.0, 100.0));

        assertShares(shares(new AllocationRule.Shapley(), game), EXACT, 40, 60);
        assertShares(shares(new AllocationRule.Nucleolus(), game), LP, 40, 60);
    }

    @Test
    void aOnePlayerGameGivesTheLonePlayerEverything() {
        CooperativeGame game = CooperativeGame.of(1, List.of(0.0, 7.5));
        for (AllocationRule rule : List.of(new AllocationRule.Shapley(), new AllocationRule.Nucleolus(),
                new AllocationRule.EqualProfit(), new AllocationRule.EqualSplit(),
                new AllocationRule.ProportionalToStandAlone(), new AllocationRule.SampledShapley(10, 1))) {
            assertShares(shares(rule, game), EXACT, 7.5);
        }
    }

    @Test
    void nucleolusOfAVetoPlayerWithTwoSymmetricPartnersBalancesTheLargestExcesses() {
        // v({0,1}) = v({0,2}) = 6, v(N) = 12, else 0. By symmetry x = (12 − 2a, a, a); the largest excesses
        // are a − 6 (the pairs with 0) and −a (players 1, 2 alone), equal at a = 3.
        CooperativeGame game = CooperativeGame.of(3, mask -> mask == 7 ? 12 : (mask == 3 || mask == 5 ? 6 : 0));

        assertShares(shares(new AllocationRule.Nucleolus(), game), LP, 6, 3, 3);
    }

    @Test
    void equalProfitGivesEveryAirportUserTheSameRelativeSavingWhenTheCoreAllowsIt() {
        CooperativeGame airport = Games.airport(8, 11, 13);
        Allocation savings = new AllocationRule.EqualProfit().allocate(airport).orElseThrow();

        double saved = 19.0 / 32; // v(N) = 8 + 11 + 13 − 13 = 19 over stand-alone costs of 32
        assertShares(savings.sharesArray(), LP, 8 * saved, 11 * saved, 13 * saved);
        assertThat(CoreCheck.of(airport, savings).inCore()).isTrue();
    }

    @Test
    void equalProfitStaysInTheCoreWhenEqualRelativeSavingsAreNotStable() {
        // Costs 10, 10, 100; the two small players alone save 8, so equal relative savings (which give them
        // 2 × 10 × 9/120 = 1.5) are blocked: the method gives them 8 together and spreads the rest equally.
        CooperativeGame game = CooperativeGame.fromCosts(3, mask -> switch ((int) mask) {
            case 1, 2 -> 10;
            case 4 -> 100;
            case 3 -> 12;
            case 5, 6 -> 110;
            default -> 111;
        });
        Allocation savings = new AllocationRule.EqualProfit().allocate(game).orElseThrow();

        assertThat(CoreCheck.of(game, savings).inCore()).isTrue();
        assertThat(savings.share(0) + savings.share(1)).isCloseTo(8, LP);
        assertShares(savings.sharesArray(), LP, 4, 4, 1);
    }

    @Test
    void equalProfitRelaxesToTheLeastCoreAndSaysSoWhenTheCoreIsEmpty() {
        Allocation allocation = new AllocationRule.EqualProfit().allocate(Games.majority()).orElseThrow();

        assertShares(allocation.sharesArray(), LP, 1.0 / 3, 1.0 / 3, 1.0 / 3);
        assertThat(allocation.remarks()).anySatisfy(remark -> assertThat(remark).contains("least core"));
    }

    @Test
    void equalProfitOnlyHasTheCoreToChooseFromInTheGloveGame() {
        assertShares(shares(new AllocationRule.EqualProfit(), Games.glove()), LP, 1, 0, 0);
    }

    @Test
    void equalProfitRefusesMixedStandAloneValuesWithoutReferences() {
        CooperativeGame game = CooperativeGame.of(2, List.of(0.0, 0.0, 5.0, 10.0));

        AllocationOutcome outcome = new AllocationRule.EqualProfit().allocate(game);

        assertThat(outcome).isInstanceOfSatisfying(AllocationOutcome.Refused.class, refused -> assertThat(
                refused.reason().reasonCode()).isEqualTo(AllocationRule.EQUAL_PROFIT_NEEDS_REFERENCE_VALUES));
        // Equal references: as equal as the core (x_1 ≥ 5) allows.
        assertShares(shares(new AllocationRule.EqualProfit(List.of(1.0, 1.0)), game), LP, 5, 5);
    }

    @Test
    void proportionalSplitFollowsStandAloneValuesAndFallsBackToEqualWhenTheyAreAllZero() {
        CooperativeGame game = CooperativeGame.of(2, List.of(0.0, 1.0, 3.0, 8.0));

        assertShares(shares(new AllocationRule.ProportionalToStandAlone(), game), EXACT, 2, 6);
        Allocation glove = new AllocationRule.ProportionalToStandAlone().allocate(Games.glove()).orElseThrow();
        assertShares(glove.sharesArray(), EXACT, 1.0 / 3, 1.0 / 3, 1.0 / 3);
        assertThat(glove.remarks()).containsExactly("every stand-alone value is 0: split equally");
    }

    @Test
    void proportionalOnACostGameSharesTheCostInProportionToTheStandAloneCosts() {
        // Littlechild and Owen's airport game, runways costing 8, 11 and 13, by hand: c(N) = 13 and
        // Σ c({i}) = 32, so the cost shares are 13·8/32 = 3.25, 13·11/32 = 4.46875 and 13·13/32 = 5.28125, and
        // the savings v(N) = 32 − 13 = 19 are shared 19·8/32 = 4.75, 19·11/32 = 6.53125 and 19·13/32 = 7.71875.
        CooperativeGame airport = Games.airport(8, 11, 13);
        Allocation savings = new AllocationRule.ProportionalToStandAlone().allocate(airport).orElseThrow();

        assertShares(airport.costShares(savings), EXACT, 3.25, 4.46875, 5.28125);
        assertShares(savings.sharesArray(), EXACT, 4.75, 6.53125, 7.71875);
        assertThat(savings.remarks()).containsExactly("cost shared in proportion to the stand-alone costs");
    }

    @Test
    void proportionalOnAValueGameOfTheSameNumbersSharesTheValueInProportionToTheStandAloneValues() {
        // The same three numbers read as a VALUE game (v({i}) = 8, 11, 13 and v(N) = 40, what each earns alone
        // and together): 40·8/32 = 10, 40·11/32 = 13.75, 40·13/32 = 16.25.
        CooperativeGame game = CooperativeGame.of(3, mask -> switch ((int) mask) {
            case 1 -> 8;
            case 2 -> 11;
            case 4 -> 13;
            case 7 -> 40;
            default -> Long.bitCount(mask) * 10;
        });

        assertShares(shares(new AllocationRule.ProportionalToStandAlone(), game), EXACT, 10, 13.75, 16.25);
    }

    @Test
    void proportionalRefusesANegativeStandAloneCost() {
        CooperativeGame game = CooperativeGame.fromCosts(2, mask -> mask == 1 ? -2 : 5);

        assertThat(new AllocationRule.ProportionalToStandAlone().allocate(game)).isInstanceOfSatisfying(
                AllocationOutcome.Refused.class, refused -> assertThat(refused.reason().reasonCode())
                        .isEqualTo(AllocationRule.PROPORTIONAL_NEEDS_NON_NEGATIVE_STAND_ALONE));
    }

    @Test
    void equalSplitIsNotStableInTheGloveGameAndTheCoreCheckNamesTheBlockingPairs() {
        Allocation equal = new AllocationRule.EqualSplit().allocate(Games.glove()).orElseThrow();

        CoreCheck check = CoreCheck.of(Games.glove(), equal);

        assertThat(check.inCore()).isFalse();
        assertThat(check.efficient()).isTrue();
        assertThat(check.blockingCount()).isEqualTo(2);
        assertThat(check.blocking()).extracting(CoreCheck.BlockingCoalition::coalition).containsExactly(3L, 5L);
        assertThat(check.blocking().getFirst().gap()).isCloseTo(1.0 / 3, EXACT);
        assertThat(check.blocking().getFirst().members()).containsExactly(0, 1);
    }

    @Test
    void theCoreCheckSortsBlockingCoalitionsByGapAndCapsTheList() {
        CooperativeGame game = CooperativeGame.of(3, mask -> Long.bitCount(mask) * (mask == 7 ? 0 : 1.0) + mask / 10.0);
        Allocation nothing = Allocation.exact("test", game.grandCoalitionValue(),
                new double[] {game.grandCoalitionValue(), 0, 0}, List.of());

        CoreCheck check = CoreCheck.of(game, nothing, 1e-9, 2);

        assertThat(check.blockingCount()).isEqualTo(6); // every proper coalition: v(S) > x(S)
        assertThat(check.blocking()).hasSize(2);
        assertThat(check.blocking().get(0).gap()).isGreaterThanOrEqualTo(check.blocking().get(1).gap());
        assertThat(check.blocking()).extracting(CoreCheck.BlockingCoalition::coalition)
                .containsExactly(6L, 5L); // gaps 2.6 − 0 and 2.5 − 0.7
    }

    @Test
    void shadowPricesOfASingleTruckAndLoadShareTheSurplusAndAreStable() {
        AssignmentMarket.Builder builder = AssignmentMarket.builder(3);
        int truck = builder.capacityLane(0);
        int load = builder.loadLane(1);
        int otherLoad = builder.loadLane(2);
        AssignmentMarket market = builder.surplus(truck, load, 500).surplus(truck, otherLoad, 300).build();

        Allocation allocation = new AllocationRule.ShadowPrices().allocate(market).orElseThrow();

        assertThat(allocation.grandCoalitionValue()).isEqualTo(500);
        // Competition from the second load gives the truck at least 300; the losing load gets nothing.
        assertThat(allocation.share(0)).isBetween(300.0, 500.0);
        assertThat(allocation.share(2)).isZero();
        assertThat(CoreCheck.of(market, allocation).inCore()).isTrue();
    }

    @Test
    void shadowPricesAreRefusedForAGameWithoutAMarket() {
        AllocationOutcome outcome = new AllocationRule.ShadowPrices().allocate(Games.glove());

        assertThat(outcome).isEqualTo(new AllocationOutcome.Refused(new Decision.Rejected(
                "shadow-prices-need-a-market", ((AllocationOutcome.Refused) outcome).reason().detail(), null)));
        assertThat(((AllocationOutcome.Refused) outcome).reason().detail()).contains("assignment market");
    }

    @Test
    void theNucleolusIsRefusedWhenNoImputationExists() {
        CooperativeGame game = CooperativeGame.of(2, List.of(0.0, 5.0, 5.0, 8.0));

        AllocationOutcome outcome = new AllocationRule.Nucleolus().allocate(game);

        assertThat(outcome).isInstanceOfSatisfying(AllocationOutcome.Refused.class, refused -> assertThat(
                refused.reason().reasonCode()).isEqualTo(AllocationRule.NUCLEOLUS_NEEDS_IMPUTATIONS));
    }

    @Test
    void exactRulesRefuseOraclesTooLargeToTabulateWhileSamplingCopes() {
        OracleGame large = new OracleGame(30, coalition -> coalition.cardinality() * 2.0);

        assertThat(new AllocationRule.Shapley().allocate(large)).isInstanceOfSatisfying(
                AllocationOutcome.Refused.class, refused -> assertThat(refused.reason().reasonCode())
                        .isEqualTo(AllocationRule.TOO_MANY_PLAYERS_FOR_EXACT));
        Allocation sampled = new AllocationRule.SampledShapley(200, 7).allocate(large).orElseThrow();
        for (int i = 0; i < 30; i++) {
            assertThat(sampled.share(i)).isCloseTo(2.0, EXACT); // additive: every order gives 2
            assertThat(sampled.standardErrors().get(i)).isCloseTo(0.0, EXACT);
        }
    }

    @Test
    void validationListsWrongSizesMissingAndNonFiniteValuesWithPointers() {
        assertThat(CooperativeGame.validate(21, List.of())).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("/players"));
        assertThat(CooperativeGame.validate(2, List.of(0.0, 1.0))).singleElement()
                .satisfies(error -> assertThat(error.detail()).contains("2^2 = 4").contains("held 2"));
        List<Double> values = new ArrayList<>(List.of(1.0, 2.0, Double.NaN, 3.0));
        values.set(1, null);
        assertThat(CooperativeGame.validate(2, values))
                .extracting(com.backhaulexchange.kernel.policy.FieldViolation::field)
                .containsExactly("/values/0", "/values/1", "/values/2");
        assertThat(CooperativeGame.validate(2, List.of(0.0, 1.0, 2.0, 3.0))).isEmpty();
    }

    @Test
    void validationSummarisesBeyondTwentyBadValues() {
        List<Double> values = new ArrayList<>();
        for (int mask = 0; mask < 64; mask++) {
            values.add(mask == 0 ? 0.0 : Double.POSITIVE_INFINITY);
        }

        var errors = CooperativeGame.validate(6, values);

        assertThat(errors).hasSize(21);
        assertThat(errors.getLast().detail()).isEqualTo("43 more coalitions have bad values");
    }

    @Test
    void factoriesRejectInvalidGamesNamingTheFields() {
        assertThatThrownBy(() -> CooperativeGame.of(3, mask -> mask == 5 ? Double.NaN : 1))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CooperativeGame.of(25, mask -> 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shapleyOfAConvexGameIsInTheCore() {
        CooperativeGame game = Games.convex(new Random(42), 8);

        Allocation shapley = new AllocationRule.Shapley().allocate(game).orElseThrow();

        assertThat(CoreCheck.of(game, shapley).inCore()).isTrue();
    }
}
