package com.backhaulexchange.settlement;

import static com.backhaulexchange.settlement.SettlementExamples.COLLABORATION;
import static com.backhaulexchange.settlement.SettlementExamples.agreement;
import static com.backhaulexchange.settlement.SettlementExamples.delivered;
import static com.backhaulexchange.settlement.SettlementExamples.in;
import static com.backhaulexchange.settlement.SettlementExamples.period;
import static com.backhaulexchange.settlement.SettlementExamples.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.settlement.allocation.AssignmentMarket;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.backhaulexchange.partner.PartnerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** What every settlement guarantees, on random members, lanes, bookings, risk events and agreements. */
class SettlementPropertiesTest {

    record Case(SettlementInputs inputs, Agreement agreement) {
    }

    static Case randomCase(long seed, int members) {
        Random random = new Random(seed);
        List<PartnerId> partners = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            partners.add(new PartnerId(String.format("01JDPRTR%018d", i)));
        }
        AssignmentMarket.Builder market = AssignmentMarket.builder(members);
        int trucks = 1 + random.nextInt(2 * members);
        int loads = 1 + random.nextInt(2 * members);
        for (int i = 0; i < trucks; i++) {
            market.capacityLane(random.nextInt(members));
        }
        for (int i = 0; i < loads; i++) {
            market.loadLane(random.nextInt(members));
        }
        for (int truck = 0; truck < trucks; truck++) {
            for (int load = 0; load < loads; load++) {
                if (random.nextInt(3) == 0) {
                    market.surplus(truck, load, random.nextInt(5_000));
                }
            }
        }
        int number = 1;
        List<RealisedBooking> bookings = new ArrayList<>();
        int periodIndex = 1;
        for (int i = random.nextInt(6); i > 0; i--) {
            int origin = random.nextInt(5) == 0 ? 0 : periodIndex;
            bookings.add(delivered(number++, in(origin, random.nextInt(160)), partners.get(random.nextInt(members)),
                    partners.get(random.nextInt(members)), random.nextInt(4_000) - 500, random.nextInt(4_000) - 500));
        }
        List<RiskEvent> risks = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0 && members > 1; i--) {
            int atFault = random.nextInt(members);
            int affected = (atFault + 1 + random.nextInt(members - 1)) % members;
            risks.add(new RiskEvent(SettlementExamples.booking(number++), random.nextBoolean() ? RiskEvent.Kind.TONU
                    : RiskEvent.Kind.DRY_RUN, in(periodIndex, random.nextInt(160)), partners.get(atFault),
                    partners.get(affected), usd(random.nextInt(3_000))));
        }
        AllocationRuleName rule = AllocationRuleName.values()[random.nextInt(AllocationRuleName.values().length)];
        RiskTerms terms = random.nextBoolean() ? new RiskTerms.SharedFromFirstCent()
                : new RiskTerms.AtFaultCapped(usd(random.nextInt(2_000)));
        return new Case(new SettlementInputs(COLLABORATION, period(periodIndex), partners, bookings, risks,
                market.build()), agreement(rule, random.nextInt(10_001), terms));
    }

    @Property(tries = 200)
    @Label("the ledger balances, transfers sum to zero, members' lines are their results, Σ final = R − risk costs")
    void everySettlementBalancesAndAddsUp(@ForAll @IntRange(min = 1, max = 5) int members, @ForAll long seed) {
        Case example = randomCase(seed, members);
        SettlementOutcome outcome = PeriodSettlement.settle(example.inputs(), example.agreement());
        if (outcome instanceof SettlementOutcome.Refused refused) {
            // Only a library rule's documented refusal (e.g. the nucleolus without imputations).
            assertThat(refused.reasonCode()).isEqualTo(PeriodSettlement.RULE_REFUSED);
            return;
        }
        SettlementResult result = outcome.orElseThrow();
        Ledger ledger = result.ledger();

        assertThat(ledger.balance()).isZero();
        assertThat(ledger.postings()).allSatisfy(posting -> assertThat(posting.lines().stream()
                .mapToLong(LedgerLine::amountMinorUnits).sum()).isZero());
        assertThat(result.members().stream().mapToLong(MemberResult::transfer).sum()).isZero();
        assertThat(result.members().stream().mapToLong(MemberResult::fairShare).sum())
                .isEqualTo(result.realisedTotal());
        assertThat(result.finalTotal()).isEqualTo(result.realisedTotal() - result.riskCostTotal());
        long riskCosts = example.inputs().riskEvents().stream().mapToLong(e -> e.cost().amountMinorUnits()).sum();
        assertThat(result.riskCostTotal()).isEqualTo(riskCosts);
        assertThat(result.members().stream().mapToLong(MemberResult::riskCharge).sum()).isEqualTo(riskCosts);
        for (MemberResult member : result.members()) {
            assertThat(ledger.memberTotal(member.member())).isEqualTo(member.finalResult());
            Statement statement = Statement.of(result, example.inputs(), member.member());
            assertThat(statement.finalResult()).isEqualTo(ledger.memberTotal(member.member()));
            assertThat(statement.bookings().stream().mapToLong(Statement.BookingEntry::realisedGain).sum())
                    .isEqualTo(member.realisedGain());
            assertThat(statement.riskEvents().stream().mapToLong(Statement.RiskEntry::charge).sum())
                    .isEqualTo(member.riskCharge());
        }
        assertThat(ledger.lines()).extracting(LedgerLine::id).doesNotHaveDuplicates();
    }

    @Property(tries = 60)
    @Label("transfers differ from pooled share × (fair share − realised gain) by less than one minor unit")
    void transfersAreTheExactPooledGapRounded(@ForAll @IntRange(min = 1, max = 5) int members, @ForAll long seed) {
        Case example = randomCase(seed, members);
        if (!(PeriodSettlement.settle(example.inputs(), example.agreement())
                instanceof SettlementOutcome.Settled settled)) {
            return;
        }
        for (MemberResult member : settled.result().members()) {
            double exact = example.agreement().pooledShareBasisPoints() / 10_000.0
                    * (member.fairShare() - member.realisedGain());
            assertThat(Math.abs(member.transfer() - exact)).isLessThan(1.0);
        }
    }

    @Property(tries = 60)
    @Label("the same inputs settle to the identical ledger and statements")
    void settlementIsDeterministic(@ForAll @IntRange(min = 1, max = 5) int members, @ForAll long seed) {
        SettlementOutcome first = PeriodSettlement.settle(randomCase(seed, members).inputs(),
                randomCase(seed, members).agreement());
        SettlementOutcome second = PeriodSettlement.settle(randomCase(seed, members).inputs(),
                randomCase(seed, members).agreement());

        assertThat(second).isEqualTo(first);
    }

    @Property(tries = 60)
    @Label("with full pooling each member ends at its fair share less its net risk cost")
    void fullPoolingEndsAtTheFairShare(@ForAll @IntRange(min = 1, max = 5) int members, @ForAll long seed) {
        Case example = randomCase(seed, members);
        Agreement full = new Agreement(1, example.agreement().rule(), Agreement.FULL_POOLING_BASIS_POINTS,
                example.agreement().riskTerms(), example.agreement().periodKind(), example.agreement().currency(),
                example.agreement().startDate());
        if (!(PeriodSettlement.settle(example.inputs(), full) instanceof SettlementOutcome.Settled settled)) {
            return;
        }
        for (MemberResult member : settled.result().members()) {
            assertThat(member.finalResult()).isEqualTo(member.fairShare() - member.riskLoss() + member.riskRecovery()
                    - member.riskCharge());
        }
    }

    @Property(tries = 60)
    @Label("shadow prices with full pooling of a period that realised the lanes' optimum are always stable")
    void shadowPricesOfTheOptimumAreStable(@ForAll @IntRange(min = 1, max = 6) int members, @ForAll long seed) {
        Case example = randomCase(seed, members);
        long optimum = (long) example.inputs().market().grandCoalitionValue();
        Random random = new Random(seed);
        long carrierGain = optimum == 0 ? 0 : random.nextLong(optimum + 1);
        List<PartnerId> partners = example.inputs().members();
        SettlementInputs realisedOptimum = new SettlementInputs(COLLABORATION, period(1), partners,
                List.of(delivered(1, in(1, 5), partners.get(random.nextInt(members)),
                        partners.get(random.nextInt(members)), carrierGain, optimum - carrierGain)),
                List.of(), example.inputs().market());

        SettlementResult result = PeriodSettlement.settle(realisedOptimum,
                agreement(AllocationRuleName.SHADOW_PRICES, 10_000, new RiskTerms.SharedFromFirstCent())).orElseThrow();

        assertThat(result.stability().stable()).as("%s", result.stability().blocking()).isTrue();
    }
}
