package com.backhaulexchange.function.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.Reply;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A carrier sets, reads, changes and removes its fleet fuel economy on its profile (ADR 47), by JSON Merge Patch of
 * {@code PATCH /partners/me}; a bad one is a 400 with the pointer of the field to change and writes nothing.
 */
class FleetFuelEconomyProfileTest {
    private static final String SET = "patch-own-partner-setting-fleet-fuel-economy.json";

    private OnboardingFixture onboarding;
    private RegisteredPartner carrier;

    @BeforeEach
    void registeredCarrier() {
        onboarding = OnboardingFixture.fresh();
        carrier = onboarding.registerCarrier();
        onboarding.clock.advance(Duration.ofMinutes(5));
    }

    private Reply patch(RegisteredPartner partner, String body) {
        var event = SampleEvents.load(SET, partner.asCaller());
        event.setBody(body);
        return onboarding.send(event);
    }

    private String ownProfile() {
        return onboarding.send("get-own-partner.json", carrier.asCaller()).json().path("fleetFuelEconomy").toString();
    }

    @Test
    void aCarrierSetsItsEmptyAndFullyLadenFiguresAndReadsThemBack() {
        Reply reply = onboarding.send(SET, carrier.asCaller("IF_MATCH", carrier.etag()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("fleetFuelEconomy").toString())
                .isEqualTo("{\"fuel\":\"DIESEL\",\"emptyMpg\":8.4,\"fullyLadenMpg\":5.9}");
        assertThat(reply.json().path("operatingCostPerMile").path("amountMinorUnits").asInt()).isEqualTo(212);
        assertThat(ownProfile()).isEqualTo("{\"fuel\":\"DIESEL\",\"emptyMpg\":8.4,\"fullyLadenMpg\":5.9}");
    }

    @Test
    void itSwitchesToOneAverageFigureByRemovingTheOtherFormAndIsRemovedWithNull() {
        onboarding.send(SET, carrier.asCaller());

        Reply average = patch(carrier, "{\"fleetFuelEconomy\": {\"averageMpg\": 6.9, \"emptyMpg\": null,"
                + " \"fullyLadenMpg\": null}}");
        assertThat(average.status()).as(average.toString()).isEqualTo(200);
        assertThat(ownProfile()).isEqualTo("{\"fuel\":\"DIESEL\",\"averageMpg\":6.9}");

        Reply removed = patch(carrier, "{\"fleetFuelEconomy\": null}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().has("fleetFuelEconomy")).isFalse();
        assertThat(onboarding.send("get-own-partner.json", carrier.asCaller()).json().has("fleetFuelEconomy"))
                .isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // laden burning less than empty would make CO2e fall with load
            "{\"fleetFuelEconomy\": {\"fuel\": \"DIESEL\", \"emptyMpg\": 6.0, \"fullyLadenMpg\": 7.5}}"
                    + " | /fleetFuelEconomy/fullyLadenMpg",
            // outside a class-8 truck's 2-20 mpg: a unit mix-up (km per litre, litres per 100 km) or a typo
            "{\"fleetFuelEconomy\": {\"fuel\": \"DIESEL\", \"emptyMpg\": 35, \"fullyLadenMpg\": 5.9}}"
                    + " | /fleetFuelEconomy/emptyMpg",
            "{\"fleetFuelEconomy\": {\"fuel\": \"DIESEL\", \"averageMpg\": 1.5}} | /fleetFuelEconomy/averageMpg",
            "{\"fleetFuelEconomy\": {\"fuel\": \"LNG\", \"averageMpg\": 6.9}} | /fleetFuelEconomy/fuel",
            "{\"fleetFuelEconomy\": {\"fuel\": \"DIESEL\", \"emptyMpg\": 8.4}} | /fleetFuelEconomy/fullyLadenMpg",
            "{\"fleetFuelEconomy\": {\"fuel\": \"DIESEL\"}} | /fleetFuelEconomy/emptyMpg",
            "{\"fleetFuelEconomy\": {\"averageMpg\": 6.9}} | /fleetFuelEconomy/fuel",
            "{\"fleetFuelEconomy\": {\"fuel\": \"DIESEL\", \"averageMpg\": 6.9, \"emptyMpg\": 8.4,"
                    + " \"fullyLadenMpg\": 5.9}} | /fleetFuelEconomy/averageMpg"})
    void aBadFleetFuelEconomyIs400PointingAtTheFieldAndWritesNothing(String body, String pointer) {
        Reply reply = patch(carrier, body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.errorPointers()).as(reply.toString()).contains(pointer);
        Reply current = onboarding.send("get-own-partner.json", carrier.asCaller());
        assertThat(current.header("ETag")).isEqualTo("\"v1\"");
        assertThat(current.json().has("fleetFuelEconomy")).isFalse();
    }

    @Test
    void anAverageMergedOntoTheEmptyAndLadenFiguresIsBothFormsAndIsRefused() {
        onboarding.send(SET, carrier.asCaller());

        Reply reply = patch(carrier, "{\"fleetFuelEconomy\": {\"averageMpg\": 6.9}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorPointers()).containsExactly("/fleetFuelEconomy/averageMpg");
        assertThat(ownProfile()).isEqualTo("{\"fuel\":\"DIESEL\",\"emptyMpg\":8.4,\"fullyLadenMpg\":5.9}");
    }

    @Test
    void aCarrierMayGiveItWhenItRegisters() throws Exception {
        var event = SampleEvents.load("register-carrier.json", java.util.Map.of());
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(event.getBody());
        body.putObject("fleetFuelEconomy").put("fuel", "DIESEL").put("averageMpg", 6.9);
        event.setBody(body.toString());

        Reply reply = onboarding.send(event);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().path("partner").path("fleetFuelEconomy").toString())
                .isEqualTo("{\"fuel\":\"DIESEL\",\"averageMpg\":6.9}");
    }

    @Test
    void aShipperHasNoFleetAndIsRefusedAsForFleetEquipment() {
        RegisteredPartner shipper = onboarding.registerShipper();

        Reply reply = onboarding.send(SET, shipper.asCaller());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("type").asText()).isEqualTo("https://backhaul.exchange/problems/validation-failed");
        assertThat(reply.errorPointers()).containsExactly("/fleetFuelEconomy");
        assertThat(reply.json().path("errors").get(0).path("detail").asText())
                .contains("FLEET_FUEL_ECONOMY_WITHOUT_CARRIER_ROLE");
    }
}
