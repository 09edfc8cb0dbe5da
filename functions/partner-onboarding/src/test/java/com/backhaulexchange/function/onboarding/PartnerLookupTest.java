package com.backhaulexchange.function.onboarding;

import com.backhaulexchange.testing.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerLookupTest {
    /** A valid ULID no partner has. */
    private static final String UNKNOWN_PARTNER_ID = "01JDB5N4ZQ8W6XKH3M2R7T9V1C";

    private OnboardingFixture onboarding;
    private RegisteredPartner carrier;
    private RegisteredPartner shipper;

    @BeforeEach
    void twoPartners() {
        onboarding = OnboardingFixture.fresh();
        carrier = onboarding.registerCarrier();
        shipper = onboarding.registerShipper();
    }

    @Test
    void aPartnerReadsItsOwnProfileAsRegistered() {
        Reply reply = onboarding.send("get-own-partner.json", carrier.asCaller());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo(carrier.etag());
        assertThat(reply.json()).isEqualTo(carrier.registration().path("partner"));
    }

    @Test
    void aPartnerReadsItselfById() {
        Reply reply = onboarding.send("get-partner-by-id.json", carrier.asCaller("PATH_PARTNER_ID", carrier.partnerId()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("partnerId").asText()).isEqualTo(carrier.partnerId());
    }

    @Test
    void anotherPartnersIdIs404ExactlyLikeAnUnknownIdAndRevealsNothing() {
        Reply other = onboarding.send("get-partner-by-id.json", carrier.asCaller("PATH_PARTNER_ID", shipper.partnerId()));
        Reply unknown = onboarding.send("get-partner-by-id.json", carrier.asCaller("PATH_PARTNER_ID", UNKNOWN_PARTNER_ID));

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Great Lakes").doesNotContain("greatlakeshome")
                .doesNotContain(shipper.partnerId());
        com.fasterxml.jackson.databind.JsonNode otherProblem = other.json().deepCopy();
        com.fasterxml.jackson.databind.JsonNode unknownProblem = unknown.json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) otherProblem).remove("requestId");
        ((com.fasterxml.jackson.databind.node.ObjectNode) unknownProblem).remove("requestId");
        assertThat(otherProblem.toString()).isEqualTo(unknownProblem.toString());
    }

    @Test
    void theOperatorReadsAnyPartnerById() {
        Reply reply = onboarding.send("operator-get-partner-by-id.json",
                OnboardingFixture.asOperator("PATH_PARTNER_ID", shipper.partnerId()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(shipper.registration().path("partner"));
    }

    @Test
    void theOperatorGets404ForAnUnknownOrMalformedId() {
        assertThat(onboarding.send("operator-get-partner-by-id.json",
                OnboardingFixture.asOperator("PATH_PARTNER_ID", UNKNOWN_PARTNER_ID)).status()).isEqualTo(404);
        assertThat(onboarding.send("operator-get-partner-by-id.json",
                OnboardingFixture.asOperator("PATH_PARTNER_ID", "not-a-ulid")).status()).isEqualTo(404);
    }
}
