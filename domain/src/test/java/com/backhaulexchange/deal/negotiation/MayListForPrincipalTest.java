package com.backhaulexchange.deal.negotiation;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NOW;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.OTHER_BROKER_ID;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.SHIPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.partner.PartnerRole;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MayListForPrincipalTest {
    private static final Set<PartnerRole> BROKER = Set.of(PartnerRole.BROKER);

    private static String code(Decision decision) {
        return decision instanceof Decision.Rejected rejected ? rejected.reasonCode() : "ALLOWED";
    }

    @Test
    void aPartnerAlwaysListsItsOwn() {
        assertThat(code(MayListForPrincipal.decide(SHIPPER, Set.of(PartnerRole.SHIPPER), SHIPPER, Optional.empty(),
                NOW))).isEqualTo("ALLOWED");
    }

    @Test
    void aBrokerListsForItsPrincipalFromTheGrantUntilTheRevocation() {
        Delegation granted = Delegation.granted(SHIPPER, OTHER_BROKER_ID, NOW);

        assertThat(code(MayListForPrincipal.decide(OTHER_BROKER_ID, BROKER, SHIPPER, Optional.of(granted),
                NOW.minusSeconds(1)))).as("before the grant").isEqualTo("DELEGATION_MISSING");
        assertThat(code(MayListForPrincipal.decide(OTHER_BROKER_ID, BROKER, SHIPPER, Optional.of(granted), NOW)))
                .isEqualTo("ALLOWED");
        Delegation revoked = granted.revoked(NOW.plusSeconds(60));
        assertThat(code(MayListForPrincipal.decide(OTHER_BROKER_ID, BROKER, SHIPPER, Optional.of(revoked),
                NOW.plusSeconds(59)))).isEqualTo("ALLOWED");
        assertThat(code(MayListForPrincipal.decide(OTHER_BROKER_ID, BROKER, SHIPPER, Optional.of(revoked),
                NOW.plusSeconds(60)))).isEqualTo("DELEGATION_MISSING");
    }

    @Test
    void withoutADelegationOrWithAnotherPrincipalsOrWithoutTheBrokerRoleItIsRefused() {
        assertThat(code(MayListForPrincipal.decide(OTHER_BROKER_ID, BROKER, SHIPPER, Optional.empty(), NOW)))
                .isEqualTo("DELEGATION_MISSING");
        assertThat(code(MayListForPrincipal.decide(OTHER_BROKER_ID, BROKER, CARRIER,
                Optional.of(Delegation.granted(SHIPPER, OTHER_BROKER_ID, NOW)), NOW)))
                .as("a delegation of another principal").isEqualTo("DELEGATION_MISSING");
        assertThat(code(MayListForPrincipal.decide(OTHER_BROKER_ID, Set.of(PartnerRole.SHIPPER), SHIPPER,
                Optional.of(Delegation.granted(SHIPPER, OTHER_BROKER_ID, NOW)), NOW))).isEqualTo("NOT_A_BROKER");
    }
}
