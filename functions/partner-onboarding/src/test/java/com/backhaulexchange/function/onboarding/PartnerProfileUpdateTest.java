package com.backhaulexchange.function.onboarding;

import com.backhaulexchange.testing.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerProfileUpdateTest {
    private OnboardingFixture onboarding;
    private RegisteredPartner carrier;

    @BeforeEach
    void registeredCarrier() {
        onboarding = OnboardingFixture.fresh();
        carrier = onboarding.registerCarrier();
        onboarding.clock.advance(Duration.ofMinutes(5));
    }

    @Test
    void aMergePatchChangesTheLegalNameRemovesThePhoneAndKeepsEverythingElse() {
        Reply reply = onboarding.send("patch-own-partner.json", carrier.asCaller("IF_MATCH", carrier.etag()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo("\"v2\"");
        var partner = reply.json();
        assertThat(partner.path("legalName").asText()).isEqualTo("Prairie Line Freight Co.");
        assertThat(partner.path("contact").has("phone")).isFalse();
        assertThat(partner.path("contact").path("email").asText()).isEqualTo("dispatch@prairieline.example");
        assertThat(partner.path("operatingCostPerMile").path("amountMinorUnits").asInt()).isEqualTo(212);
        assertThat(partner.path("createdAt").asText()).isEqualTo(OnboardingFixture.START.toString());
        assertThat(partner.path("updatedAt").asText())
                .isEqualTo(OnboardingFixture.START.plus(Duration.ofMinutes(5)).toString());
        Reply reread = onboarding.send("get-own-partner.json", carrier.asCaller());
        assertThat(reread.body()).isEqualTo(reply.body());
        assertThat(reread.header("ETag")).isEqualTo("\"v2\"");
    }

    @Test
    void withoutIfMatchThePatchAppliesToTheCurrentVersion() {
        var event = SampleEvents.load("patch-own-partner.json", carrier.asCaller("IF_MATCH", "unused"));
        event.getHeaders().remove("If-Match");

        Reply reply = onboarding.send(event);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo("\"v2\"");
    }

    @Test
    void applicationJsonIsAcceptedAsAMergePatchToo() {
        var event = SampleEvents.load("patch-own-partner.json", carrier.asCaller("IF_MATCH", "W/\"v1\""));
        event.getHeaders().put("Content-Type", "application/json; charset=utf-8");

        assertThat(onboarding.send(event).status()).isEqualTo(200);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        onboarding.send("patch-own-partner.json", carrier.asCaller("IF_MATCH", carrier.etag()));
        var event = SampleEvents.load("patch-own-partner.json", carrier.asCaller("IF_MATCH", carrier.etag()));
        event.setBody("{\"legalName\": \"Someone Else's Idea LLC\"}");

        Reply reply = onboarding.send(event);

        assertThat(reply.status()).isEqualTo(412);
        assertThat(reply.json().path("type").asText()).isEqualTo("https://backhaul.exchange/problems/precondition-failed");
        assertUnchangedSince("\"v2\"", "Prairie Line Freight Co.");
    }

    @Test
    void anIfMatchThatIsNoETagOfThisApiIs400PointingAtTheHeader() {
        Reply reply = onboarding.send("patch-own-partner.json", carrier.asCaller("IF_MATCH", "v1"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorPointers()).containsExactly("#/header/If-Match");
        assertUnchangedSince("\"v1\"", "Prairie Line Freight LLC");
    }

    @Test
    void aWrongContentTypeIs415AndChangesNothing() {
        Reply reply = onboarding.send("patch-own-partner-wrong-content-type.json", carrier.asCaller());

        assertThat(reply.status()).isEqualTo(415);
        assertUnchangedSince("\"v1\"", "Prairie Line Freight LLC");
    }

    @Test
    void aPatchLeavingAnInvalidProfileIs400AndChangesNothing() {
        Reply reply = onboarding.send("patch-own-partner-removing-operating-cost.json", carrier.asCaller());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorPointers()).containsExactly("/operatingCostPerMile");
        assertUnchangedSince("\"v1\"", "Prairie Line Freight LLC");
    }

    @Test
    void aPatchBreakingTheUpdateSchemaIs400WithOnePointerPerField() {
        var event = SampleEvents.load("patch-own-partner-removing-operating-cost.json", carrier.asCaller());
        event.setBody("{\"legalName\": null, \"roles\": [\"TRUCKER\"], \"nickname\": \"PLF\"}");

        Reply reply = onboarding.send(event);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorPointers()).contains("/legalName", "/roles/0", "/nickname");
        assertUnchangedSince("\"v1\"", "Prairie Line Freight LLC");
    }

    @Test
    void anEmptyPatchIs400() {
        var event = SampleEvents.load("patch-own-partner-removing-operating-cost.json", carrier.asCaller());
        event.setBody("{}");

        assertThat(onboarding.send(event).status()).isEqualTo(400);
        assertUnchangedSince("\"v1\"", "Prairie Line Freight LLC");
    }

    @Test
    void addingTheBrokerRoleKeepsTheCarrierRulesSatisfied() {
        var event = SampleEvents.load("patch-own-partner-removing-operating-cost.json", carrier.asCaller());
        event.setBody("{\"roles\": [\"CARRIER\", \"BROKER\"]}");

        Reply reply = onboarding.send(event);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("roles").toString()).isEqualTo("[\"CARRIER\",\"BROKER\"]");
    }

    private void assertUnchangedSince(String etag, String legalName) {
        Reply current = onboarding.send("get-own-partner.json", carrier.asCaller());
        assertThat(current.header("ETag")).isEqualTo(etag);
        assertThat(current.json().path("legalName").asText()).isEqualTo(legalName);
    }
}
