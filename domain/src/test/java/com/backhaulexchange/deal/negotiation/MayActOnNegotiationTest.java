package com.backhaulexchange.deal.negotiation;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NOW;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.OTHER_BROKER_ID;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.SHIPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MayActOnNegotiationTest {

    private static Decision decide(ActingPartner acting, Side side) {
        return MayActOnNegotiation.decide(CARRIER, SHIPPER, side, acting, NOW);
    }

    private static String code(Decision decision) {
        return decision instanceof Decision.Rejected rejected ? rejected.reasonCode() : "ALLOWED";
    }

    @Test
    void aBrokerActsFromTheGrantUntilTheRevocation() {
        Delegation granted = Delegation.granted(SHIPPER, OTHER_BROKER_ID, NOW);
        Delegation revoked = granted.revoked(NOW.plus(Duration.ofHours(1)));

        assertThat(granted.isActiveAt(NOW.minusMillis(1))).isFalse();
        assertThat(granted.isActiveAt(NOW)).isTrue();
        assertThat(revoked.isActiveAt(NOW.plus(Duration.ofMinutes(59)))).isTrue();
        assertThat(revoked.isActiveAt(NOW.plus(Duration.ofHours(1)))).isFalse();
        assertThat(revoked.revoked(NOW.plus(Duration.ofDays(1)))).as("revoking again keeps the first time")
                .isEqualTo(revoked);
        assertThat(code(MayActOnNegotiation.decide(CARRIER, SHIPPER, Side.SHIPPER,
                ActingPartner.broker(OTHER_BROKER_ID, List.of(revoked)), NOW.plus(Duration.ofHours(2)))))
                .as("with no delegation in force the broker may not see the negotiation at all")
                .isEqualTo("NOT_A_PARTY");
    }

    @Test
    void aBrokerWithoutAnyDelegationFromEitherPartyIsToldNothingExists() {
        var rejected = (Decision.Rejected) decide(ActingPartner.broker(OTHER_BROKER_ID, List.of()), Side.SHIPPER);
        assertThat(rejected.reasonCode()).isEqualTo("NOT_A_PARTY");
        assertThat(rejected.detail()).as("the detail of an unknown id: nothing names a party")
                .isEqualTo(MayActOnNegotiation.NO_SUCH_NEGOTIATION);
    }

    @Test
    void aNonBrokerHoldingTheOtherPartysDelegationMaySeeAndIsToldTheDelegationIsMissing() {
        var holder = new ActingPartner(OTHER_BROKER_ID, Set.of(PartnerRole.CARRIER),
                List.of(Delegation.granted(SHIPPER, OTHER_BROKER_ID, NOW.minusSeconds(1))));
        assertThat(code(decide(holder, Side.CARRIER))).isEqualTo("DELEGATION_MISSING");
    }

    @Test
    void aDelegationFromOneSideDoesNotLetTheBrokerActForTheOther() {
        var broker = ActingPartner.broker(OTHER_BROKER_ID, List.of(Delegation.granted(SHIPPER, OTHER_BROKER_ID,
                NOW.minusSeconds(1))));
        assertThat(code(decide(broker, Side.SHIPPER))).isEqualTo("ALLOWED");
        assertThat(code(decide(broker, Side.CARRIER))).isEqualTo("DELEGATION_MISSING");
    }

    @Test
    void aDelegationHeldByAPartnerWithoutTheBrokerRoleDoesNotCount() {
        var holder = new ActingPartner(OTHER_BROKER_ID, Set.of(PartnerRole.CARRIER),
                List.of(Delegation.granted(SHIPPER, OTHER_BROKER_ID, NOW.minusSeconds(1))));
        assertThat(code(decide(holder, Side.SHIPPER))).isEqualTo("NOT_A_BROKER");
    }

    @Test
    void aPartyActsForItsOwnSideOnlyAndAStrangerIsNotFound() {
        assertThat(code(decide(ActingPartner.party(CARRIER, PartnerRole.CARRIER), Side.CARRIER))).isEqualTo("ALLOWED");
        assertThat(code(decide(ActingPartner.party(CARRIER, PartnerRole.CARRIER), Side.SHIPPER)))
                .isEqualTo("NOT_YOUR_SIDE");
        assertThat(code(decide(ActingPartner.party(OTHER_BROKER_ID, PartnerRole.SHIPPER), Side.SHIPPER)))
                .isEqualTo("NOT_A_PARTY");
        assertThat(ReasonCode.NOT_A_PARTY.kind()).isEqualTo(RefusalKind.NOT_FOUND);
        assertThat(ReasonCode.DELEGATION_MISSING.kind()).isEqualTo(RefusalKind.FORBIDDEN);
    }

    @Test
    void aDelegationNamesTwoDifferentPartnersAndBelongsToItsBroker() {
        assertThatThrownBy(() -> Delegation.granted(SHIPPER, SHIPPER, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActingPartner.broker(CARRIER, List.of(Delegation.granted(SHIPPER, OTHER_BROKER_ID,
                NOW)))).isInstanceOf(IllegalArgumentException.class);
    }
}
