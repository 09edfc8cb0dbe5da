package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.testing.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a 400 problem+json with a pointer to each bad field, and nothing is written or queued. */
class RejectedPostingTest {
    private static final String PROBLEMS = "https://backhaul.exchange/problems/";
    private LanePostingFixture fixture;

    @BeforeEach
    void freshTableAndQueue() {
        fixture = new LanePostingFixture();
    }

    private Reply rejected(String sample) {
        Reply reply = fixture.send(sample, Caller.shipper().values());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(fixture.allItems()).as("nothing written").isEmpty();
        assertThat(fixture.queuedMatchRequests()).as("nothing queued").isEmpty();
        return reply;
    }

    @Test
    void anUnknownCityIsRejectedWithTheClosestNames() {
        Reply reply = rejected("post-load-from-an-unknown-city.json");

        assertThat(reply.json().path("type").asText()).isEqualTo(PROBLEMS + "validation-failed");
        assertThat(reply.errorPointers()).containsExactly("/origin/name");
        assertThat(reply.json().path("errors").path(0).path("detail").asText())
                .contains("No known city is called \"Dallas Fort Worth\"").contains("UNKNOWN_PLACE");
    }

    @Test
    void anAmbiguousCityIsRejectedListingEveryCandidate() {
        Reply reply = rejected("post-load-to-an-ambiguous-city.json");

        assertThat(reply.errorPointers()).containsExactly("/destination/name");
        assertThat(reply.json().path("errors").path(0).path("detail").asText())
                .contains("AMBIGUOUS_PLACE")
                .contains("Springfield, MO", "Springfield, MA", "Springfield, IL", "Springfield, OR");
    }

    @Test
    void windowsInTheWrongOrderAndUnknownEquipmentAreAllReportedAtOnce() {
        Reply reply = rejected("post-load-with-broken-rules.json");

        assertThat(reply.errorPointers()).as(reply.body()).containsExactlyInAnyOrder(
                "/equipment",
                "/pickupWindow/closesAt",
                "/deliveryWindow/closesAt",
                "/pickupWindow/opensAt");
        assertThat(reply.body()).contains("UNSUPPORTED_EQUIPMENT", "WINDOW_ENDS_BEFORE_IT_STARTS",
                "PICKUP_AFTER_DELIVERY", "LANE_IN_THE_PAST");
    }

    @Test
    void coordinatesOutOfRangeMalformedTimesAndUnknownFieldsFailTheSchema() {
        Reply reply = rejected("post-load-with-invalid-fields.json");

        assertThat(reply.errorPointers()).contains("/origin/latitudeDegrees", "/pickupWindow/opensAt", "/hazmat");
    }

    @Test
    void anAbsurdWeightIsOutOfRangeNotAnOverflow() {
        Reply reply = rejected("post-load-with-an-absurd-weight.json");

        // The schema states the posting rules' range (LanePostingPolicies.MAX_PAYLOAD_LBS), so it answers first.
        assertThat(reply.errorPointers()).containsExactly("/weightLbs");
        assertThat(reply.body()).contains("48000");
    }

    @Test
    void anUnknownTimeZoneIsPointedAt() {
        Reply reply = rejected("post-load-in-an-unknown-time-zone.json");

        assertThat(reply.errorPointers()).containsExactly("/pickupWindow/closesAt");
    }

    @Test
    void aBodyThatIsNotJsonOrNotJsonAtAllIsRefused() {
        var event = LaneSampleEvents.load("post-capacity-by-city-names.json", Caller.carrier().values());
        event.setBody("{\"emptyAt\": ");
        assertThat(fixture.send(event).status()).isEqualTo(400);
        event.getHeaders().put("Content-Type", "text/plain");
        assertThat(fixture.send(event).status()).isEqualTo(415);
        assertThat(fixture.allItems()).isEmpty();
    }
}
