package com.backhaulexchange.function.laneposting;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.dynamodb.DynamoDbPartnerRepository;
import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.emissions.Fuel;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.Reply;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A capacity posting copies its carrier's fleet fuel economy from the profile onto the lane (ADR 47): the lane's
 * CO₂e figures use it for the lane's life, and a lane keeps what it was posted with when the profile changes.
 */
class FleetFuelEconomyPostingTest {
    private static final FleetFuelEconomy OWN = FleetFuelEconomy.byLoad(Fuel.DIESEL, 7.4, 5.6);

    private LanePostingFixture fixture;
    private DynamoDbPartnerRepository partners;

    @BeforeEach
    void freshTables() {
        fixture = new LanePostingFixture();
        partners = new DynamoDbPartnerRepository(fixture.dynamoDb, fixture.partnersTable);
    }

    private Partner registered(Caller caller, FleetFuelEconomy economy) {
        var partner = Partner.registered(caller.partnerId(),
                PartnerExamples.carrierProfile().withFleetFuelEconomy(economy), LanePostingFixture.START);
        partners.register(partner, PartnerExamples.activeKey(partner.id()), null);
        return partner;
    }

    private Optional<FleetFuelEconomy> storedEconomy(String laneId) {
        return ((PostedLane.Capacity) fixture.lanes.findLane(laneId).orElseThrow()).lane().fleet();
    }

    @Test
    void aTruckPostedByACarrierWithItsOwnFuelEconomyCarriesItAndItsOwnerSeesIt() {
        var carrier = Caller.carrier();
        registered(carrier, OWN);

        Reply reply = fixture.send("post-capacity-by-city-names.json", carrier.values());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().path("fleetFuelEconomy").toString())
                .isEqualTo("{\"fuel\":\"DIESEL\",\"emptyMpg\":7.4,\"fullyLadenMpg\":5.6}");
        String laneId = reply.json().path("laneId").asText();
        assertThat(storedEconomy(laneId)).contains(OWN);
        Reply read = fixture.send("get-own-lane.json", carrier.values("PATH_LANE_ID", laneId));
        assertThat(read.json().path("fleetFuelEconomy")).isEqualTo(reply.json().path("fleetFuelEconomy"));
    }

    @Test
    void aLaneKeepsWhatItWasPostedWithAndALaterOneFollowsTheProfile() {
        var carrier = Caller.carrier();
        var partner = registered(carrier, OWN);
        String before = fixture.post("post-capacity-by-city-names.json", carrier);

        partners.save(partner.withProfile(partner.profile().withFleetFuelEconomy(null), LanePostingFixture.START),
                partner.version());
        Reply after = fixture.send("post-capacity-by-city-names.json", carrier.values());

        assertThat(storedEconomy(before)).contains(OWN);
        assertThat(after.json().has("fleetFuelEconomy")).isFalse();
        assertThat(storedEconomy(after.json().path("laneId").asText())).isEmpty();
    }

    @Test
    void aCarrierWithoutOneAndALoadGetNone() {
        var carrier = Caller.carrier();
        registered(carrier, null);

        Reply truck = fixture.send("post-capacity-by-city-names.json", carrier.values());

        assertThat(truck.status()).isEqualTo(201);
        assertThat(truck.json().has("fleetFuelEconomy")).isFalse();
        assertThat(storedEconomy(truck.json().path("laneId").asText())).isEmpty();
    }
}
