package com.backhaulexchange.settlement;

import static com.backhaulexchange.settlement.SettlementExamples.A;
import static com.backhaulexchange.settlement.SettlementExamples.B;
import static com.backhaulexchange.settlement.SettlementExamples.C;
import static com.backhaulexchange.settlement.SettlementExamples.COLLABORATION;
import static com.backhaulexchange.settlement.SettlementExamples.agreement;
import static com.backhaulexchange.settlement.SettlementExamples.booking;
import static com.backhaulexchange.settlement.SettlementExamples.delivered;
import static com.backhaulexchange.settlement.SettlementExamples.in;
import static com.backhaulexchange.settlement.SettlementExamples.period;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The emissions game of a period, shared by the money's rule (ADR 35), on games worked out by hand. */
class EmissionsSettlementTest {

    private static final RiskTerms SHARED = new RiskTerms.SharedFromFirstCent();

    /**
     * A's two trucks; B's load pairs with truck 0 (600 cents, 60 kg CO₂e avoided), C's with truck 1 (400 cents,
     * 40 kg). Both booked. Emissions game: v(AB) = 60,000 g, v(AC) = 40,000 g, v(ABC) = 100,000 g, else 0 —
     * the money's game × 100, so Shapley gives A 50 kg, B 30 kg, C 20 kg.
     */
    static SettlementInputs threeMembersWithEmissions() {
        PeriodPairings.Builder pairings = PeriodPairings.builder(3);
        int truck0 = pairings.capacityLane(0);
        int truck1 = pairings.capacityLane(0);
        int loadB = pairings.loadLane(1);
        int loadC = pairings.loadLane(2);
        pairings.pairing(truck0, loadB, 600, 60_000).pairing(truck1, loadC, 400, 40_000);
        PeriodPairings built = pairings.build();
        return new SettlementInputs(COLLABORATION, period(0), List.of(A, B, C),
                List.of(delivered(1, in(0, 10), A, B, 400, 200), delivered(2, in(0, 30), A, C, 100, 300)), List.of(),
                built.money(), new EmissionsInputs(EmissionsMethod.DEFAULT, built.emissions(),
                        Map.of(booking(1).value(), 60_000L, booking(2).value(), 40_000L)));
    }

    /**
     * A's truck T, B's load (1,000 cents, 10 kg) and C's load (500 cents, 50 kg): the money books T–B, which
     * avoids 10 kg while T–C would have avoided 50 kg. v(AC) = 50,000 g > v(N) = 10,000 g: the emissions core
     * is empty. Shapley by hand: A 80,000/6, B −70,000/6, C 50,000/6 g.
     */
    static SettlementInputs moneyBeatsEmissions() {
        PeriodPairings.Builder pairings = PeriodPairings.builder(3);
        int truck = pairings.capacityLane(0);
        int loadB = pairings.loadLane(1);
        int loadC = pairings.loadLane(2);
        pairings.pairing(truck, loadB, 1_000, 10_000).pairing(truck, loadC, 500, 50_000);
        PeriodPairings built = pairings.build();
        return new SettlementInputs(COLLABORATION, period(0), List.of(A, B, C),
                List.of(delivered(1, in(0, 10), A, B, 600, 400)), List.of(), built.money(),
                new EmissionsInputs(EmissionsMethod.DEFAULT, built.emissions(), Map.of(booking(1).value(), 10_000L)));
    }

    private static EmissionsSettlement.Allocated allocated(SettlementInputs inputs, AllocationRuleName rule) {
        SettlementResult result = PeriodSettlement.settle(inputs, agreement(rule, 10_000, SHARED)).orElseThrow();
        assertThat(result.emissions()).isInstanceOf(EmissionsSettlement.Allocated.class);
        return (EmissionsSettlement.Allocated) result.emissions();
    }

    private static List<Long> grams(EmissionsSettlement.Allocated emissions) {
        return emissions.shares().stream().map(EmissionsSettlement.Share::grams).toList();
    }

    @Test
    void shapleyOnTheEmissionsGameIsWorkedOutByHand() {
        EmissionsSettlement.Allocated emissions = allocated(threeMembersWithEmissions(), AllocationRuleName.SHAPLEY);

        assertThat(grams(emissions)).containsExactly(50_000L, 30_000L, 20_000L);
        assertThat(emissions.rule()).isEqualTo("shapley");
        assertThat(emissions.method()).isEqualTo(EmissionsMethod.DEFAULT);
        assertThat(emissions.realisedGrams()).isEqualTo(100_000);
        assertThat(emissions.optimumGrams()).isEqualTo(100_000);
        assertThat(emissions.stability().stable()).isTrue();
        assertThat(emissions.stability().exhaustive()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(AllocationRuleName.class)
    void theEmissionsAreSharedByTheSameRuleAsTheMoney(AllocationRuleName rule) {
        SettlementResult result = PeriodSettlement.settle(threeMembersWithEmissions(), agreement(rule, 10_000, SHARED))
                .orElseThrow();

        assertThat(result.emissions().rule()).isEqualTo(result.rule());
        // The emissions game is the money's × 100 here, so every rule gives the money's shares × 100 (each rounded
        // on its own: to the cent and to the gram).
        List<Long> grams = grams((EmissionsSettlement.Allocated) result.emissions());
        for (int i = 0; i < 3; i++) {
            assertThat(grams.get(i)).isCloseTo(result.members().get(i).fairShare() * 100,
                    org.assertj.core.data.Offset.offset(100L));
        }
    }

    @Test
    void whenTheMoneyBooksWhatAvoidsLessTheEmissionsCoreIsEmptyAndTheBlockingCoalitionsAreReported() {
        SettlementResult result = PeriodSettlement.settle(moneyBeatsEmissions(),
                agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED)).orElseThrow();
        var emissions = (EmissionsSettlement.Allocated) result.emissions();

        assertThat(emissions.realisedGrams()).isEqualTo(10_000);
        assertThat(emissions.optimumGrams()).isEqualTo(50_000);
        assertThat(grams(emissions).stream().mapToLong(Long::longValue).sum()).isEqualTo(10_000);
        assertThat(grams(emissions).get(0)).isBetween(13_333L, 13_334L);
        assertThat(grams(emissions).get(1)).isBetween(-11_667L, -11_666L);
        assertThat(grams(emissions).get(2)).isBetween(8_333L, 8_334L);
        assertThat(emissions.stability().stable()).isFalse();
        // {A, C} could have avoided 50 kg and was given about 21.7 kg; B alone 0 against about −11.7; {A, B} and {B, C}.
        assertThat(emissions.stability().blockingCount()).isEqualTo(4);
        assertThat(emissions.stability().blocking().get(0).members()).containsExactly(A, C);
        assertThat(emissions.stability().blocking().get(0).gap()).isBetween(28_332.0, 28_334.0);
        assertThat(emissions.remarks()).anyMatch(remark -> remark.contains("differs from the most"));
    }

    @Test
    void aRuleThatCannotShareTheEmissionsGameLeavesThemUnallocatedAndTheMoneySettled() {
        // The booking added 5 kg (a long detour): v(N) = −5,000 g < Σ v({i}) = 0, so there is no imputation and
        // the nucleolus refuses the emissions game; the money's game has one and settles.
        PeriodPairings.Builder pairings = PeriodPairings.builder(2);
        int truck = pairings.capacityLane(0);
        int load = pairings.loadLane(1);
        pairings.pairing(truck, load, 1_000, 0);
        PeriodPairings built = pairings.build();
        SettlementInputs inputs = new SettlementInputs(COLLABORATION, period(0), List.of(A, B),
                List.of(delivered(1, in(0, 10), A, B, 700, 300)), List.of(), built.money(),
                new EmissionsInputs(EmissionsMethod.DEFAULT, built.emissions(), Map.of(booking(1).value(), -5_000L)));

        SettlementResult result = PeriodSettlement.settle(inputs, agreement(AllocationRuleName.NUCLEOLUS, 10_000,
                SHARED)).orElseThrow();

        assertThat(result.realisedTotal()).isEqualTo(1_000);
        assertThat(result.emissions()).isInstanceOfSatisfying(EmissionsSettlement.NotAllocated.class, refused -> {
            assertThat(refused.reason().reasonCode()).isEqualTo(PeriodSettlement.RULE_REFUSED);
            assertThat(refused.realisedGrams()).isEqualTo(-5_000);
            assertThat(refused.rule()).isEqualTo("nucleolus");
        });
    }

    @Test
    void withoutEmissionsInputsTheResultHasNone() {
        SettlementResult result = PeriodSettlement.settle(SettlementExamples.threeMembers(List.of()),
                agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED)).orElseThrow();

        assertThat(result.emissions()).isNull();
        assertThat(Statement.of(result, SettlementExamples.threeMembers(List.of()), A).emissions()).isNull();
    }

    @Test
    void aBookingWithoutItsCo2eIsRefusedWithAPointer() {
        SettlementInputs complete = threeMembersWithEmissions();
        SettlementInputs missing = new SettlementInputs(COLLABORATION, period(0), complete.members(),
                complete.bookings(), List.of(), complete.market(), new EmissionsInputs(EmissionsMethod.DEFAULT,
                        complete.emissions().market(), Map.of(booking(1).value(), 60_000L)));

        var outcome = PeriodSettlement.settle(missing, agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED));

        assertThat(outcome).isInstanceOfSatisfying(SettlementOutcome.Refused.class, refused -> {
            assertThat(refused.reasonCode()).isEqualTo(PeriodSettlement.EMISSIONS_MISSING);
            assertThat(refused.reasons().get(0).field()).isEqualTo("/bookings/1/bookingId");
        });
    }

    @Test
    void theStatementCarriesTheMembersShareTheMethodTheRuleAndTheCoreCheck() {
        SettlementInputs inputs = moneyBeatsEmissions();
        SettlementResult result = PeriodSettlement.settle(inputs, agreement(AllocationRuleName.SHAPLEY, 10_000,
                SHARED)).orElseThrow();

        Statement.Emissions emissions = Statement.of(result, inputs, C).emissions();

        assertThat(emissions.status()).isEqualTo(Statement.Emissions.ALLOCATED);
        assertThat(emissions.scope()).isEqualTo("WELL_TO_WHEEL");
        assertThat(emissions.emissionsMethod()).isEqualTo(new Statement.Method(EmissionsMethod.DEFAULT.factorSetId(),
                EmissionsMethod.DEFAULT.factorSetVersion()));
        assertThat(emissions.rule()).isEqualTo("shapley");
        assertThat(emissions.shareKgCo2e()).isBetween(8.333, 8.334);
        assertThat(emissions.realisedTotalKgCo2e()).isEqualTo(10.0);
        assertThat(emissions.lanesOptimumKgCo2e()).isEqualTo(50.0);
        assertThat(emissions.memberShares()).hasSize(3);
        assertThat(emissions.coreCheck().stable()).isFalse();
        assertThat(emissions.coreCheck().blocking().get(0).members()).containsExactly(A.value(), C.value());
        assertThat(Statement.of(result, inputs, C).toCsv())
                .contains("emissions,,0,,rule,shapley\r\n")
                .contains("emissions,,0,,realisedTotalKgCo2e,10.0\r\n")
                .contains("emissions,,0,,stable,false\r\n")
                .contains("emissions-blocking," + A.value() + " " + C.value() + ",0,,gapKgCo2e,");
    }
}
