package com.backhaulexchange.settlement.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollaborationTest {

    static final PartnerId CREATOR = new PartnerId("01JDPRTA000000000000000001");
    static final PartnerId INVITEE = new PartnerId("01JDPRTB000000000000000002");
    static final PartnerId OTHER = new PartnerId("01JDPRTC000000000000000003");
    static final PartnerId STRANGER = new PartnerId("01JDPRTD000000000000000004");
    static final Currency USD = Currency.getInstance("USD");
    /** Weekly from Wednesday 7 January 2026: period 0 is 7–14 January. */
    static final Agreement AGREEMENT = new Agreement(1, AllocationRuleName.SHAPLEY, 10_000,
            new RiskTerms.AtFaultCapped(Money.of(50_000, "USD")), PeriodKind.WEEKLY, USD, LocalDate.of(2026, 1, 7));
    static final Instant BEFORE_START = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant IN_PERIOD_0 = Instant.parse("2026-01-09T09:00:00Z");
    static final Instant IN_PERIOD_2 = Instant.parse("2026-01-23T09:00:00Z");

    static Collaboration created() {
        return Collaboration.create("col-1", "Midwest backhauls", CREATOR, CreatorRole.MEMBER, AGREEMENT,
                List.of(INVITEE, OTHER), BEFORE_START).orElseThrow();
    }

    private static String refusal(CollaborationOutcome outcome) {
        return ((CollaborationOutcome.Refused) outcome).reasonCode();
    }

    @Test
    void theCreatorIsAMemberFromTheFirstPeriodAndTheInviteesAreInvited() {
        Collaboration collaboration = created();

        assertThat(collaboration.members()).extracting(Member::partner, Member::status, Member::joinsAtPeriod)
                .containsExactly(tuple(CREATOR, MemberStatus.ACTIVE, 0L), tuple(INVITEE, MemberStatus.INVITED, null),
                        tuple(OTHER, MemberStatus.INVITED, null));
        assertThat(collaboration.activeMembers(0)).containsExactly(CREATOR);
    }

    @Test
    void aBrokerOrganisesWithoutBeingAMember() {
        Collaboration collaboration = Collaboration.create("col-2", "Broker pool", STRANGER, CreatorRole.BROKER,
                AGREEMENT, List.of(INVITEE, OTHER), BEFORE_START).orElseThrow();

        assertThat(collaboration.member(STRANGER)).isEmpty();
        assertThat(collaboration.invite(STRANGER, CREATOR)).isInstanceOf(CollaborationOutcome.Changed.class);
        assertThat(refusal(collaboration.leave(STRANGER, IN_PERIOD_0))).isEqualTo(Collaboration.NOT_ACTIVE);
    }

    @Test
    void creationIsRefusedWithAPointerPerBadField() {
        var agreement = new Agreement(1, AllocationRuleName.SHAPLEY, 10_001, new RiskTerms.AtFaultCapped(
                Money.of(-1, "EUR")), PeriodKind.WEEKLY, USD, LocalDate.of(2026, 1, 7));
        var outcome = (CollaborationOutcome.Refused) Collaboration.create("col-3", " ", CREATOR, CreatorRole.MEMBER,
                agreement, List.of(INVITEE, INVITEE, CREATOR), BEFORE_START);

        assertThat(outcome.reasons()).extracting(Decision.Rejected::reasonCode, Decision.Rejected::field)
                .containsExactly(tuple(Collaboration.NAME_REQUIRED, "/name"),
                        tuple(AgreementPolicies.POOLED_SHARE_OUT_OF_RANGE, "/agreement/pooledShareBasisPoints"),
                        tuple(AgreementPolicies.RISK_CAP_NEGATIVE, "/agreement/riskTerms/perMemberCapPerPeriod"),
                        tuple(AgreementPolicies.CURRENCY_MISMATCH, "/agreement/riskTerms/perMemberCapPerPeriod"),
                        tuple(Collaboration.DUPLICATE_INVITEE, "/invitees/1"),
                        tuple(Collaboration.DUPLICATE_INVITEE, "/invitees/2"));
    }

    @Test
    void acceptingMidPeriodMakesAMemberFromTheNextPeriod() {
        Collaboration collaboration = created().accept(INVITEE, IN_PERIOD_0).orElseThrow();

        assertThat(collaboration.member(INVITEE).orElseThrow().joinsAtPeriod()).isEqualTo(1);
        assertThat(collaboration.activeMembers(0)).containsExactly(CREATOR);
        assertThat(collaboration.activeMembers(1)).containsExactly(CREATOR, INVITEE);
    }

    @Test
    void declinedInvitationsCannotBeAcceptedButCanBeRenewed() {
        Collaboration declined = created().decline(OTHER).orElseThrow();

        assertThat(declined.member(OTHER).orElseThrow().status()).isEqualTo(MemberStatus.DECLINED);
        assertThat(refusal(declined.accept(OTHER, IN_PERIOD_0))).isEqualTo(Collaboration.NOT_INVITED);
        Collaboration reinvited = declined.invite(CREATOR, OTHER).orElseThrow();
        assertThat(reinvited.accept(OTHER, IN_PERIOD_0)).isInstanceOf(CollaborationOutcome.Changed.class);
    }

    @Test
    void onlyTheInvitedPartnerAnswersAndOnlyTheOrganiserInvites() {
        Collaboration collaboration = created().accept(INVITEE, IN_PERIOD_0).orElseThrow();

        assertThat(refusal(collaboration.accept(STRANGER, IN_PERIOD_0))).isEqualTo(Collaboration.NOT_FOUND);
        assertThat(refusal(collaboration.accept(INVITEE, IN_PERIOD_0))).isEqualTo(Collaboration.NOT_INVITED);
        assertThat(refusal(collaboration.invite(INVITEE, STRANGER))).isEqualTo(Collaboration.NOT_THE_ORGANISER);
        assertThat(refusal(collaboration.invite(STRANGER, STRANGER))).isEqualTo(Collaboration.NOT_FOUND);
        assertThat(refusal(collaboration.invite(CREATOR, INVITEE))).isEqualTo(Collaboration.ALREADY_A_MEMBER);
    }

    @Test
    void leavingTakesEffectAtTheEndOfTheCurrentPeriod() {
        Collaboration collaboration = created().accept(INVITEE, BEFORE_START).orElseThrow()
                .leave(INVITEE, IN_PERIOD_2).orElseThrow();

        assertThat(collaboration.member(INVITEE).orElseThrow()).extracting(Member::status, Member::leavesAfterPeriod)
                .containsExactly(MemberStatus.LEFT, 2L);
        assertThat(collaboration.activeMembers(2)).contains(INVITEE);
        assertThat(collaboration.activeMembers(3)).doesNotContain(INVITEE);
        assertThat(refusal(collaboration.leave(INVITEE, IN_PERIOD_2))).isEqualTo(Collaboration.NOT_ACTIVE);
        assertThat(refusal(collaboration.leave(OTHER, IN_PERIOD_2))).isEqualTo(Collaboration.NOT_ACTIVE);
    }

    @Test
    void anAgreementChangeAppliesFromTheNextPeriodWithTheNextVersion() {
        Agreement equal = new Agreement(1, AllocationRuleName.EQUAL_SPLIT, 5_000, new RiskTerms.SharedFromFirstCent(),
                PeriodKind.WEEKLY, USD, LocalDate.of(2026, 1, 7));
        Collaboration collaboration = created().proposeAgreement(CREATOR, equal, IN_PERIOD_0).orElseThrow();

        assertThat(collaboration.agreements()).extracting(AgreementVersion::appliesFromPeriod).containsExactly(0L, 1L);
        assertThat(collaboration.agreementFor(0)).isEqualTo(AGREEMENT);
        assertThat(collaboration.agreementFor(1).version()).isEqualTo(2);
        assertThat(collaboration.agreementFor(5).rule()).isEqualTo(AllocationRuleName.EQUAL_SPLIT);

        Collaboration replaced = collaboration.proposeAgreement(CREATOR, AGREEMENT, IN_PERIOD_0).orElseThrow();
        assertThat(replaced.agreements()).hasSize(2);
        assertThat(replaced.agreementFor(1)).isEqualTo(AGREEMENT.withVersion(2));
    }

    @Test
    void aChangeBeforeTheStartReplacesTheFirstVersion() {
        Agreement equal = new Agreement(1, AllocationRuleName.EQUAL_SPLIT, 0, new RiskTerms.SharedFromFirstCent(),
                PeriodKind.WEEKLY, USD, LocalDate.of(2026, 1, 7));
        Collaboration collaboration = created().proposeAgreement(CREATOR, equal, BEFORE_START).orElseThrow();

        assertThat(collaboration.agreements()).hasSize(1);
        assertThat(collaboration.agreementFor(0).rule()).isEqualTo(AllocationRuleName.EQUAL_SPLIT);
    }

    @Test
    void theScheduleAndCurrencyCannotChangeAndOnlyTheOrganiserProposes() {
        Agreement monthly = new Agreement(1, AllocationRuleName.SHAPLEY, 10_000, new RiskTerms.SharedFromFirstCent(),
                PeriodKind.MONTHLY, USD, LocalDate.of(2026, 1, 8));
        var refused = (CollaborationOutcome.Refused) created().proposeAgreement(CREATOR, monthly, IN_PERIOD_0);

        assertThat(refused.reasons()).extracting(Decision.Rejected::reasonCode, Decision.Rejected::field)
                .containsExactly(tuple(AgreementPolicies.SCHEDULE_IS_FIXED, "/periodKind"),
                        tuple(AgreementPolicies.SCHEDULE_IS_FIXED, "/startDate"));
        assertThat(refusal(created().proposeAgreement(INVITEE, AGREEMENT, IN_PERIOD_0)))
                .isEqualTo(Collaboration.NOT_THE_ORGANISER);
    }

    @Test
    void periodsAreDueOnceTheirGraceHasPassedInOrder() {
        Collaboration collaboration = created();

        assertThat(collaboration.periodsDue(Instant.parse("2026-01-14T05:59:59Z"), -1)).isEmpty();
        assertThat(collaboration.periodsDue(Instant.parse("2026-01-14T06:00:00Z"), -1))
                .extracting(SettlementPeriod::index).containsExactly(0L);
        assertThat(collaboration.periodsDue(Instant.parse("2026-01-28T07:00:00Z"), 0))
                .extracting(SettlementPeriod::index).containsExactly(1L, 2L);
        assertThat(DuePeriod.at(Instant.parse("2026-01-21T07:00:00Z"), Map.of(collaboration, 0L)))
                .extracting(DuePeriod::collaborationId, due -> due.period().index())
                .containsExactly(tuple("col-1", 1L));
    }
}
