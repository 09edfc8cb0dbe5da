package com.backhaulexchange.settlement;

import static com.backhaulexchange.settlement.SettlementExamples.A;
import static com.backhaulexchange.settlement.SettlementExamples.B;
import static com.backhaulexchange.settlement.SettlementExamples.C;
import static com.backhaulexchange.settlement.SettlementExamples.COLLABORATION;
import static com.backhaulexchange.settlement.SettlementExamples.agreement;
import static com.backhaulexchange.settlement.SettlementExamples.delivered;
import static com.backhaulexchange.settlement.SettlementExamples.in;
import static com.backhaulexchange.settlement.SettlementExamples.period;
import static com.backhaulexchange.settlement.SettlementExamples.threeMembers;
import static com.backhaulexchange.settlement.SettlementExamples.tonu;
import static com.backhaulexchange.settlement.SettlementExamples.booking;
import static com.backhaulexchange.settlement.SettlementExamples.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.backhaulexchange.settlement.allocation.AssignmentMarket;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.backhaulexchange.partner.PartnerId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodSettlementTest {

    private static final RiskTerms SHARED = new RiskTerms.SharedFromFirstCent();
    private static final RiskTerms CAPPED_AT_100 = new RiskTerms.AtFaultCapped(usd(100));

    private static SettlementInputs pair() {
        return new SettlementInputs(COLLABORATION, period(0), List.of(A, B),
                List.of(delivered(1, in(0, 10), A, B, 700, 300)), List.of(), SettlementExamples.pairMarket());
    }

    private static List<Long> finals(SettlementResult result) {
        return result.members().stream().map(MemberResult::finalResult).toList();
    }

    @Test
    void fullPoolingGivesEachOfTwoPartnersItsShapleyShare() {
        SettlementResult result = PeriodSettlement.settle(pair(), agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED))
                .orElseThrow();

        assertThat(result.members()).extracting(MemberResult::realisedGain, MemberResult::fairShare,
                MemberResult::transfer, MemberResult::finalResult)
                .containsExactly(tuple(700L, 500L, -200L, 500L), tuple(300L, 500L, 200L, 500L));
        assertThat(result.rule()).isEqualTo("shapley");
        assertThat(result.realisedTotal()).isEqualTo(1_000);
        assertThat(result.marketOptimum()).isEqualTo(1_000);
        assertThat(result.stability().stable()).isTrue();
        assertThat(result.stability().exhaustive()).isTrue();
    }

    @Test
    void zeroPoolingLeavesEachPartnerWithWhatItRealised() {
        SettlementResult result = PeriodSettlement.settle(pair(), agreement(AllocationRuleName.SHAPLEY, 0, SHARED))
                .orElseThrow();

        assertThat(result.members()).extracting(MemberResult::fairShare, MemberResult::transfer,
                MemberResult::finalResult).containsExactly(tuple(500L, 0L, 700L), tuple(500L, 0L, 300L));
    }

    @Test
    void halfPoolingMovesHalfTheGapToTheFairShare() {
        SettlementResult result = PeriodSettlement.settle(pair(), agreement(AllocationRuleName.SHAPLEY, 5_000, SHARED))
                .orElseThrow();

        assertThat(finals(result)).containsExactly(600L, 400L);
    }

    @Test
    void threeMembersWithFullPoolingAndNoRiskEndAtTheirShapleyValues() {
        SettlementResult result = PeriodSettlement.settle(threeMembers(List.of()),
                agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED)).orElseThrow();

        assertThat(result.members()).extracting(MemberResult::realisedGain, MemberResult::fairShare,
                MemberResult::transfer)
                .containsExactly(tuple(500L, 500L, 0L), tuple(200L, 300L, 100L), tuple(300L, 200L, -100L));
        assertThat(finals(result)).containsExactly(500L, 300L, 200L);
    }

    @Test
    void theMemberAtFaultBearsItsRiskCostUpToTheCapAndTheExcessIsSharedEqually() {
        SettlementResult result = PeriodSettlement.settle(threeMembers(List.of(tonu(3, in(0, 50), 250))),
                agreement(AllocationRuleName.SHAPLEY, 10_000, CAPPED_AT_100)).orElseThrow();

        // C bears 100 (the cap) + 50 of the 150 excess; A and B 50 each. A is made whole for the 250 fee.
        assertThat(result.members()).extracting(MemberResult::riskLoss, MemberResult::riskRecovery,
                MemberResult::riskCharge)
                .containsExactly(tuple(250L, 250L, 50L), tuple(0L, 0L, 50L), tuple(0L, 0L, 150L));
        assertThat(finals(result)).containsExactly(450L, 250L, 50L);
        assertThat(result.finalTotal()).isEqualTo(1_000 - 250);
    }

    @Test
    void aDeliverysConfirmedDetentionIsARiskEventBesideItsGainAndASecondRiskEventOfItIsRefused() {
        // Booking 1 (A carried B's load) had detention confirmed: B at fault towards A for 120, shared from the
        // first cent, so each member bears 40 and A is made whole.
        var detention = new RiskEvent(booking(1), RiskEvent.Kind.DETENTION, in(0, 10), B, A, usd(120));
        SettlementResult result = PeriodSettlement.settle(threeMembers(List.of(detention)),
                agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED)).orElseThrow();

        assertThat(result.members()).extracting(MemberResult::riskLoss, MemberResult::riskRecovery,
                MemberResult::riskCharge)
                .containsExactly(tuple(120L, 120L, 40L), tuple(0L, 0L, 40L), tuple(0L, 0L, 40L));
        assertThat(result.finalTotal()).isEqualTo(1_000 - 120);

        var twice = (SettlementOutcome.Refused) PeriodSettlement.settle(threeMembers(List.of(detention, detention)),
                agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED));
        assertThat(twice.reasons()).extracting(r -> r.reasonCode()).contains("DUPLICATE_BOOKING");
        var tonuOfADelivery = (SettlementOutcome.Refused) PeriodSettlement.settle(threeMembers(List.of(
                new RiskEvent(booking(1), RiskEvent.Kind.TONU, in(0, 10), B, A, usd(120)))),
                agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED));
        assertThat(tonuOfADelivery.reasons()).extracting(r -> r.reasonCode()).contains("DUPLICATE_BOOKING");
    }

    @Test
    void theCapIsPerMemberPerPeriodAcrossAllItsEvents() {
        SettlementResult result = PeriodSettlement.settle(threeMembers(List.of(tonu(3, in(0, 50), 60),
                tonu(4, in(0, 60), 60))), agreement(AllocationRuleName.SHAPLEY, 0, CAPPED_AT_100)).orElseThrow();

        // First event: C bears 60. Second: 40 up to the cap, the 20 excess split 7/7/6 (ties to the first).
        assertThat(result.members()).extracting(MemberResult::riskCharge).containsExactly(7L, 7L, 106L);
    }

    @Test
    void riskCostsSharedFromTheFirstCentAreSplitEquallyWithTheRemainderToTheFirstMembers() {
        SettlementResult result = PeriodSettlement.settle(threeMembers(List.of(tonu(3, in(0, 50), 250))),
                agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED)).orElseThrow();

        assertThat(result.members()).extracting(MemberResult::riskCharge).containsExactly(84L, 83L, 83L);
        assertThat(finals(result)).containsExactly(416L, 217L, 117L);
    }

    @Test
    void zeroPoolingWithCappedRiskKeepsRealisedGainsAndChargesOnlyTheRisk() {
        SettlementResult result = PeriodSettlement.settle(threeMembers(List.of(tonu(3, in(0, 50), 250))),
                agreement(AllocationRuleName.SHAPLEY, 0, CAPPED_AT_100)).orElseThrow();

        assertThat(finals(result)).containsExactly(450L, 150L, 150L);
    }

    @Test
    void theLedgerBalancesAndEachMembersLinesSumToItsFinalResult() {
        SettlementResult result = PeriodSettlement.settle(threeMembers(List.of(tonu(3, in(0, 50), 250))),
                agreement(AllocationRuleName.SHAPLEY, 10_000, CAPPED_AT_100)).orElseThrow();
        Ledger ledger = result.ledger();

        assertThat(ledger.balance()).isZero();
        assertThat(ledger.postings()).extracting(Posting::kind).containsExactly(Posting.Kind.REALISED_GAIN,
                Posting.Kind.REALISED_GAIN, Posting.Kind.RISK_EVENT, Posting.Kind.POOL_TRANSFER);
        for (MemberResult member : result.members()) {
            assertThat(ledger.memberTotal(member.member())).isEqualTo(member.finalResult());
            assertThat(ledger.accountTotal(Account.POOL_TRANSFER, member.member())).isEqualTo(member.transfer());
        }
        assertThat(ledger.accountTotal(Account.CLEARING, null)).isEqualTo(-(1_000 - 250));
        assertThat(ledger.lines()).extracting(LedgerLine::id).doesNotHaveDuplicates();
    }

    @Test
    void settlingTheSameInputsTwiceGivesTheIdenticalLedger() {
        var agreement = agreement(AllocationRuleName.NUCLEOLUS, 7_500, CAPPED_AT_100);
        Ledger first = PeriodSettlement.settle(threeMembers(List.of(tonu(3, in(0, 50), 250))), agreement)
                .orElseThrow().ledger();
        Ledger second = PeriodSettlement.settle(threeMembers(List.of(tonu(3, in(0, 50), 250))), agreement)
                .orElseThrow().ledger();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aLateBookingOfAClosedPeriodIsSettledAsAnAdjustmentMarkedWithItsPeriod() {
        var inputs = new SettlementInputs(COLLABORATION, period(1), List.of(A, B),
                List.of(delivered(1, in(1, 10), A, B, 700, 300), delivered(9, in(0, 100), A, B, 50, 50)), List.of(),
                SettlementExamples.pairMarket());

        SettlementResult result = PeriodSettlement.settle(inputs, agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED))
                .orElseThrow();

        Posting late = result.ledger().postings().get(0);
        assertThat(late.reference()).isEqualTo(SettlementExamples.booking(9).value());
        assertThat(late.adjustment()).isTrue();
        assertThat(late.originalPeriod()).isZero();
        assertThat(late.lines()).allSatisfy(line -> assertThat(line.originalPeriod()).isZero());
        assertThat(result.ledger().postings().get(1).adjustment()).isFalse();
        assertThat(result.realisedTotal()).isEqualTo(1_100);
        assertThat(result.remarks()).anySatisfy(remark -> assertThat(remark).contains("differs from the optimum"));
        assertThat(finals(result)).containsExactly(550L, 550L);
    }

    @Test
    void equalSplitRoundsSoTheSharesSumExactlyToTheRealisedTotal() {
        SettlementResult result = PeriodSettlement.settle(threeMembers(List.of()),
                agreement(AllocationRuleName.EQUAL_SPLIT, 10_000, SHARED)).orElseThrow();

        assertThat(result.members()).extracting(MemberResult::fairShare).containsExactly(334L, 333L, 333L);
        assertThat(result.members().stream().mapToLong(MemberResult::transfer).sum()).isZero();
    }

    @Test
    void shadowPricesAreInTheCoreAndScaledToTheRealisedTotal() {
        SettlementResult result = PeriodSettlement.settle(threeMembers(List.of()),
                agreement(AllocationRuleName.SHADOW_PRICES, 10_000, SHARED)).orElseThrow();

        assertThat(result.rule()).isEqualTo("shadow-prices");
        assertThat(result.members().stream().mapToLong(MemberResult::fairShare).sum()).isEqualTo(1_000);
        assertThat(result.stability().stable()).isTrue();
    }

    @Test
    void anUnstableSplitReportsEveryBlockingCoalitionWithItsGap() {
        SettlementResult result = PeriodSettlement.settle(threeMembers(List.of()),
                agreement(AllocationRuleName.EQUAL_SPLIT, 10_000, SHARED)).orElseThrow();

        // A and B together would earn 600 alone but get 334 + 333 = 667: fine; A and C: 400 ≤ 667. Stable.
        assertThat(result.stability().stable()).isTrue();

        SettlementResult zeroPooling = PeriodSettlement.settle(new SettlementInputs(COLLABORATION, period(0),
                List.of(A, B, C), List.of(delivered(1, in(0, 10), B, C, 0, 0)), List.of(),
                SettlementExamples.threeMarket()), agreement(AllocationRuleName.EQUAL_SPLIT, 10_000, SHARED))
                .orElseThrow();
        // Nothing was realised although A+B could make 600 and A+C 400: both block, largest gap first.
        assertThat(zeroPooling.stability().blockingCount()).isEqualTo(2);
        assertThat(zeroPooling.stability().blocking()).extracting(Stability.Blocking::members,
                Stability.Blocking::gap).containsExactly(tuple(List.of(A, B), 600.0), tuple(List.of(A, C), 400.0));
    }

    @Test
    void aBookingWithAPartnerOutsideThePeriodIsRefusedWithAPointer() {
        var inputs = new SettlementInputs(COLLABORATION, period(0), List.of(A, B),
                List.of(delivered(1, in(0, 10), A, C, 700, 300)), List.of(), SettlementExamples.pairMarket());

        var outcome = (SettlementOutcome.Refused) PeriodSettlement.settle(inputs,
                agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED));

        assertThat(outcome.reasons()).extracting(r -> r.reasonCode(), r -> r.field())
                .containsExactly(tuple(PeriodSettlement.NOT_A_MEMBER, "/bookings/0/shipper"));
    }

    @Test
    void eventsAfterThePeriodAndNegativeRiskCostsAreRefused() {
        var inputs = new SettlementInputs(COLLABORATION, period(0), List.of(A, B, C),
                List.of(delivered(1, in(1, 1), A, B, 1, 1)), List.of(tonu(2, in(0, 1), -5)),
                SettlementExamples.threeMarket());

        var outcome = (SettlementOutcome.Refused) PeriodSettlement.settle(inputs,
                agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED));

        assertThat(outcome.reasons()).extracting(r -> r.reasonCode()).containsExactly(
                PeriodSettlement.EVENT_AFTER_PERIOD, PeriodSettlement.RISK_COST_NEGATIVE);
    }

    /** Thirteen members: six truck owners, seven load owners, truck i fits load i and i + 1. */
    private static SettlementInputs thirteen() {
        return chain(6);
    }

    /** 2·trucks + 1 members: truck owners 0.., load owners after them; truck i fits load i and i + 1. */
    private static SettlementInputs chain(int trucks) {
        int n = 2 * trucks + 1;
        List<PartnerId> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(new PartnerId(String.format("01JDPRTM%018d", i)));
        }
        AssignmentMarket.Builder market = AssignmentMarket.builder(n);
        for (int i = 0; i < trucks; i++) {
            market.capacityLane(i);
        }
        for (int i = trucks; i < n; i++) {
            market.loadLane(i);
        }
        for (int i = 0; i < trucks; i++) {
            market.surplus(i, i, 100 + 10 * i);
            market.surplus(i, i + 1, 90 + 5 * i);
        }
        List<RealisedBooking> bookings = new ArrayList<>();
        for (int i = 0; i < trucks; i++) {
            bookings.add(delivered(i + 1, in(0, i), members.get(i), members.get(i + trucks), 60, 40 + 10 * i));
        }
        return new SettlementInputs(COLLABORATION, period(0), members, bookings, List.of(), market.build());
    }

    @Test
    void elevenMembersAreSettledByTheExactShapleyValueWithEveryCoalitionChecked() {
        SettlementResult result = PeriodSettlement.settle(chain(5),
                agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED)).orElseThrow();

        assertThat(result.rule()).isEqualTo("shapley");
        assertThat(result.members()).allSatisfy(member -> assertThat(member.fairShareStandardError()).isNull());
        assertThat(result.stability().exhaustive()).isTrue();
        assertThat(result.stability().coalitionsChecked()).isEqualTo((1L << 11) - 2);
    }

    @Test
    void membersOutOfPartnerIdOrderAreRefusedSoMarketPlayersCannotBeMisread() {
        var inputs = new SettlementInputs(COLLABORATION, period(0), List.of(B, A),
                List.of(delivered(1, in(0, 10), A, B, 700, 300)), List.of(), SettlementExamples.pairMarket());

        var outcome = (SettlementOutcome.Refused) PeriodSettlement.settle(inputs,
                agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED));

        assertThat(outcome.reasons()).extracting(r -> r.reasonCode(), r -> r.field())
                .containsExactly(tuple(PeriodSettlement.MEMBERS_NOT_ORDERED, "/members/1"));
    }

    @Test
    void aboveTwelveMembersShapleyIsSampledWithAStandardErrorPerMember() {
        SettlementResult result = PeriodSettlement.settle(thirteen(),
                agreement(AllocationRuleName.SHAPLEY, 10_000, SHARED)).orElseThrow();

        assertThat(result.rule()).isEqualTo("sampled-shapley");
        assertThat(result.members()).allSatisfy(member -> assertThat(member.fairShareStandardError()).isNotNull());
        assertThat(result.members().stream().mapToLong(MemberResult::transfer).sum()).isZero();
        assertThat(result.stability().exhaustive()).isFalse();
        assertThat(result.stability().coalitionsChecked()).isEqualTo(26);
        assertThat(result.ledger().balance()).isZero();
    }

    @Test
    void aboveTwelveMembersTheNucleolusIsRefusedWithAClearReason() {
        var outcome = (SettlementOutcome.Refused) PeriodSettlement.settle(thirteen(),
                agreement(AllocationRuleName.NUCLEOLUS, 10_000, SHARED));

        assertThat(outcome.reasonCode()).isEqualTo(PeriodSettlement.RULE_NEEDS_EXACT_GAME);
        assertThat(outcome.reasons().get(0).field()).isEqualTo("/rule");
        assertThat(outcome.reasons().get(0).detail()).contains("at most 12");
    }

    @Test
    void transfersAreRoundedToSumToZeroExactly() {
        long[] transfers = PeriodSettlement.transfers(new long[] {334, 333, 333}, new long[] {1000, 0, 0}, 3_333);

        assertThat(transfers).containsExactly(-222, 111, 111);
    }
}
