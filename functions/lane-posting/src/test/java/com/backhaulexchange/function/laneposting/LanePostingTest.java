package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.testing.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.lane.LaneStatus;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LanePostingTest {
    private LanePostingFixture fixture;

    @BeforeEach
    void freshTableAndQueue() {
        fixture = new LanePostingFixture();
    }

    @Test
    void aCarrierPostsATruckByCityNamesAndItsMatchRequestIsQueued() {
        var carrier = Caller.carrier();

        Reply reply = fixture.send("post-capacity-by-city-names.json", carrier.values());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        var lane = reply.json();
        String laneId = lane.path("laneId").asText();
        assertThat(reply.header("Location")).isEqualTo("/lanes/" + laneId);
        assertThat(lane.path("kind").asText()).isEqualTo("CAPACITY");
        assertThat(lane.path("status").asText()).isEqualTo("OPEN");
        assertThat(lane.path("ownerPartnerId").asText()).isEqualTo(carrier.partnerId().value());
        assertThat(lane.path("emptyAt").path("label").asText()).isEqualTo("Dallas, TX");
        assertThat(lane.path("emptyAt").path("latitudeDegrees").asDouble()).isEqualTo(32.78306);
        assertThat(lane.path("mustEndAt").path("label").asText()).isEqualTo("Chicago, IL");
        assertThat(lane.path("availableFrom").asText()).isEqualTo("2026-11-23T06:00:00-06:00[America/Chicago]");
        assertThat(lane.path("mustArriveBy").asText()).isEqualTo("2026-11-24T20:00:00-06:00[America/Chicago]");
        assertThat(lane.path("matchableUntil").asText()).isEqualTo("2026-11-25T02:00:00Z");
        assertThat(lane.path("minimumRatePerLoadedMile").path("amountMinorUnits").asLong()).isEqualTo(180);
        assertThat(lane.path("postedAt").asText()).isEqualTo(LanePostingFixture.START.toString());

        assertThat(fixture.lanes.findLane(laneId)).hasValueSatisfying(stored ->
                assertThat(stored.status()).isEqualTo(LaneStatus.OPEN));
        assertThat(fixture.lanes.pendingMatchRequest(laneId)).isPresent();
        assertThat(fixture.queuedMatchRequests()).containsExactly(laneId);
    }

    @Test
    void aTruckWithoutAReloadLimitGetsTheDefaultOf150MilesAndOneWithItKeepsItsOwn() {
        var carrier = Caller.carrier();

        Reply defaulted = fixture.send("post-capacity-by-city-names.json", carrier.values());
        Reply posted = fixture.send("post-round-trip-capacity-with-reload-limit.json",
                carrier.values("RELOAD_MILES", "90"));

        assertThat(defaulted.status()).as(defaulted.toString()).isEqualTo(201);
        assertThat(defaulted.json().path("maxReloadDeadheadMiles").asInt()).isEqualTo(150);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().path("maxReloadDeadheadMiles").asInt()).isEqualTo(90);
        String laneId = posted.json().path("laneId").asText();
        assertThat(fixture.lanes.findLane(laneId)).hasValueSatisfying(stored -> assertThat(
                ((com.backhaulexchange.lane.PostedLane.Capacity) stored).lane().maxReloadDeadheadMiles())
                .isEqualTo(90));
        Reply read = fixture.send("get-own-lane.json", carrier.values("PATH_LANE_ID", laneId));
        assertThat(read.json().path("maxReloadDeadheadMiles").asInt()).isEqualTo(90);
    }

    @Test
    void aReloadLimitBeyond500MilesIsRefusedWithItsPointerAndNothingIsWritten() {
        for (String miles : new String[] {"501", "-1"}) {
            Reply reply = fixture.send("post-round-trip-capacity-with-reload-limit.json",
                    Caller.carrier().values("RELOAD_MILES", miles));

            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.errorPointers()).containsExactly("/maxReloadDeadheadMiles");
        }
        assertThat(fixture.allItems()).isEmpty();
    }

    @Test
    void aShipperPostsALoadWithAStateNameAndADatEquipmentCode() {
        var shipper = Caller.shipper();

        Reply reply = fixture.send("post-load-by-city-names.json", shipper.values());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        var lane = reply.json();
        assertThat(lane.path("kind").asText()).isEqualTo("LOAD");
        assertThat(lane.path("origin").path("label").asText()).isEqualTo("Dallas, TX");
        assertThat(lane.path("destination").path("label").asText()).isEqualTo("St. Louis, MO");
        assertThat(lane.path("equipment").asText()).isEqualTo("DRY_VAN");
        assertThat(lane.path("pickupWindow").path("opensAt").asText())
                .isEqualTo("2026-11-23T07:00:00-06:00[America/Chicago]");
        assertThat(lane.path("budget").path("amountMinorUnits").asLong()).isEqualTo(240_000);
        assertThat(lane.path("matchableUntil").asText()).as("the pickup window's close")
                .isEqualTo("2026-11-23T18:00:00Z");
        assertThat(fixture.queuedMatchRequests()).containsExactly(lane.path("laneId").asText());
    }

    @Test
    void aTruckPostedAtCoordinatesKeepsItsOwnLabels() {
        Reply reply = fixture.send("post-capacity-at-coordinates.json", Caller.carrier().values());

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("emptyAt").path("label").asText()).isEqualTo("Dallas yard, TX");
        assertThat(reply.json().has("minimumRatePerLoadedMile")).isFalse();
    }

    @Test
    void postingCapacityNeedsTheCarrierRoleAndPostingLoadsTheShipperRole() {
        var shipper = Caller.shipper();
        var carrier = Caller.carrier();

        Reply truckByShipper = fixture.send("post-capacity-by-city-names.json", shipper.values());
        Reply loadByCarrier = fixture.send("post-load-by-city-names.json", carrier.values());

        assertThat(truckByShipper.status()).isEqualTo(403);
        assertThat(truckByShipper.json().path("detail").asText()).contains("CARRIER");
        assertThat(loadByCarrier.status()).isEqualTo(403);
        assertThat(fixture.allItems()).isEmpty();
        assertThat(fixture.queuedMatchRequests()).isEmpty();
        var both = Caller.carrierAndShipper();
        assertThat(fixture.send("post-capacity-by-city-names.json", both.values()).status()).isEqualTo(201);
        assertThat(fixture.send("post-load-by-city-names.json", both.values()).status()).isEqualTo(201);
    }

    @Test
    void theOperatorKeyCannotPostLanes() {
        var event = LaneSampleEvents.load("post-capacity-by-city-names.json", Caller.carrier().values());
        event.getRequestContext().setAuthorizer(new java.util.HashMap<>(java.util.Map.of("principalId", "operator",
                "principalType", "OPERATOR")));

        Reply reply = fixture.send(event);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(fixture.allItems()).isEmpty();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAndBodyReplaysTheFirstResponseAndPostsOnce() {
        var carrier = Caller.carrier();
        var values = carrier.values("IDEMPOTENCY_KEY", UUID.randomUUID().toString());
        Reply first = fixture.send("post-capacity-with-idempotency-key.json", values);
        fixture.clock.advance(Duration.ofMinutes(2));

        Reply retry = fixture.send("post-capacity-with-idempotency-key.json", values);
        Reply otherBody = fixture.send("post-capacity-changed-with-idempotency-key.json", values);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(fixture.lanes.listOwnedBy(carrier.partnerId(), null, fixture.clock.instant(), 10, null).items())
                .hasSize(1);
        assertThat(fixture.queuedMatchRequests()).containsExactly(first.json().path("laneId").asText());
    }

    @Test
    void anIdempotencyKeyIsScopedToItsPartner() {
        var key = UUID.randomUUID().toString();
        var one = Caller.carrier();
        var other = Caller.carrier();

        Reply first = fixture.send("post-capacity-with-idempotency-key.json", one.values("IDEMPOTENCY_KEY", key));
        Reply second = fixture.send("post-capacity-with-idempotency-key.json", other.values("IDEMPOTENCY_KEY", key));

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.json().path("laneId").asText()).isNotEqualTo(first.json().path("laneId").asText());
        assertThat(second.json().path("ownerPartnerId").asText()).isEqualTo(other.partnerId().value());
    }

    @Test
    void anInvalidIdempotencyKeyIsRefusedBeforeAnythingIsWritten() {
        Reply reply = fixture.send("post-capacity-with-idempotency-key.json",
                Caller.carrier().values("IDEMPOTENCY_KEY", "short"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorPointers()).containsExactly("#/header/Idempotency-Key");
        assertThat(fixture.allItems()).isEmpty();
    }
}
