package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.testing.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.lane.LaneStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing, reading and withdrawing one's own lanes; another partner's lanes are never listed or readable. */
class OwnLanesTest {
    private LanePostingFixture fixture;
    private Caller carrier;
    private Caller someoneElse;

    @BeforeEach
    void freshTableAndQueue() {
        fixture = new LanePostingFixture();
        carrier = Caller.carrierAndShipper();
        someoneElse = Caller.carrierAndShipper();
    }

    @Test
    void aPartnerListsOnlyItsOwnLanesNewestFirstInPages() {
        List<String> own = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            own.add(fixture.post("post-capacity-by-city-names.json", carrier));
            fixture.clock.advance(Duration.ofSeconds(1));
            own.add(fixture.post("post-load-by-city-names.json", carrier));
            fixture.clock.advance(Duration.ofSeconds(1));
        }
        String foreign = fixture.post("post-load-by-city-names.json", someoneElse);

        List<String> listed = new ArrayList<>();
        var page = fixture.send("list-own-lanes-by-status.json", carrier.values("STATUS", "OPEN", "LIMIT", "4"));
        listed.addAll(page.json().path("items").findValuesAsText("laneId"));
        String cursor = page.json().path("nextCursor").asText();
        var event = LaneSampleEvents.load("list-own-lanes-by-status.json", carrier.values("STATUS", "OPEN",
                "LIMIT", "4"));
        event.getQueryStringParameters().put("cursor", cursor);
        var next = fixture.send(event);
        listed.addAll(next.json().path("items").findValuesAsText("laneId"));

        assertThat(page.json().path("items")).hasSize(4);
        assertThat(next.json().has("nextCursor")).isFalse();
        assertThat(listed).isEqualTo(own.reversed()).doesNotContain(foreign);
        assertThat(fixture.send("list-own-lanes.json", someoneElse.values()).json().path("items")
                .findValuesAsText("laneId")).containsExactly(foreign);
    }

    @Test
    void theStatusFilterShowsWithdrawnAndExpiredLanesAsTheyAreNow() {
        String load = fixture.post("post-load-by-city-names.json", carrier);
        String truck = fixture.post("post-capacity-by-city-names.json", carrier);
        String withdrawn = fixture.post("post-capacity-at-coordinates.json", carrier);
        fixture.send("withdraw-own-lane.json", carrier.values("PATH_LANE_ID", withdrawn));
        fixture.clock.advance(Duration.ofDays(3).plusHours(5));

        assertThat(ids(fixture.send("list-own-lanes-by-status.json", carrier.values("STATUS", "OPEN", "LIMIT", "10"))))
                .containsExactly(truck);
        assertThat(ids(fixture.send("list-own-lanes-by-status.json",
                carrier.values("STATUS", "EXPIRED", "LIMIT", "10")))).containsExactly(load);
        assertThat(ids(fixture.send("list-own-lanes-by-status.json",
                carrier.values("STATUS", "WITHDRAWN", "LIMIT", "10")))).containsExactly(withdrawn);
        assertThat(fixture.send("get-own-lane.json", carrier.values("PATH_LANE_ID", load)).json().path("status")
                .asText()).isEqualTo("EXPIRED");
    }

    @Test
    void aBadStatusLimitOrCursorIsA400() {
        assertThat(fixture.send("list-own-lanes-by-status.json", carrier.values("STATUS", "LOST", "LIMIT", "10"))
                .errorPointers()).containsExactly("#/query/status");
        assertThat(fixture.send("list-own-lanes-by-status.json", carrier.values("STATUS", "OPEN", "LIMIT", "500"))
                .errorPointers()).containsExactly("#/query/limit");
        fixture.post("post-load-by-city-names.json", someoneElse);
        fixture.post("post-load-by-city-names.json", someoneElse);
        String foreignCursor = fixture.send("list-own-lanes-by-status.json",
                someoneElse.values("STATUS", "OPEN", "LIMIT", "1")).json().path("nextCursor").asText();
        var event = LaneSampleEvents.load("list-own-lanes.json", carrier.values());
        event.setQueryStringParameters(new java.util.HashMap<>(java.util.Map.of("cursor", foreignCursor)));
        Reply reply = fixture.send(event);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorPointers()).containsExactly("#/query/cursor");
    }

    @Test
    void aPartnerReadsItsOwnLaneAndAnotherPartnersLaneIsNotFound() {
        String lane = fixture.post("post-load-by-city-names.json", carrier);

        Reply own = fixture.send("get-own-lane.json", carrier.values("PATH_LANE_ID", lane));
        Reply foreign = fixture.send("get-own-lane.json", someoneElse.values("PATH_LANE_ID", lane));
        Reply unknown = fixture.send("get-own-lane.json", carrier.values("PATH_LANE_ID",
                "01JDZZZZZZZZZZZZZZZZZZZZZZ"));
        Reply notAnId = fixture.send("get-own-lane.json", carrier.values("PATH_LANE_ID", "lane-1"));

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("laneId").asText()).isEqualTo(lane);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(lane).doesNotContain("St. Louis");
        assertThat(foreign.json().path("detail").asText()).isEqualTo(unknown.json().path("detail").asText());
        assertThat(notAnId.status()).isEqualTo(404);
    }

    @Test
    void anotherPartnerCanNeitherWithdrawALaneNorReadItsMatches() {
        String lane = fixture.post("post-capacity-by-city-names.json", carrier);

        assertThat(fixture.send("withdraw-own-lane.json", someoneElse.values("PATH_LANE_ID", lane)).status())
                .isEqualTo(404);
        assertThat(fixture.send("list-matches-of-own-lane.json", someoneElse.values("PATH_LANE_ID", lane)).status())
                .isEqualTo(404);
        assertThat(fixture.lanes.findLane(lane).orElseThrow().status()).isEqualTo(LaneStatus.OPEN);
    }

    @Test
    void withdrawingIsIdempotentAndAnExpiredLaneCannotBeWithdrawn() {
        String truck = fixture.post("post-capacity-by-city-names.json", carrier);
        String load = fixture.post("post-load-by-city-names.json", carrier);
        fixture.clock.advance(Duration.ofHours(1));

        Reply first = fixture.send("withdraw-own-lane.json", carrier.values("PATH_LANE_ID", truck));
        Reply again = fixture.send("withdraw-own-lane.json", carrier.values("PATH_LANE_ID", truck));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(first.json().path("updatedAt").asText()).isEqualTo(fixture.clock.instant().toString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());

        fixture.clock.advance(Duration.ofDays(4));
        Reply expired = fixture.send("withdraw-own-lane.json", carrier.values("PATH_LANE_ID", load));
        assertThat(expired.status()).isEqualTo(409);
        assertThat(fixture.lanes.findLane(load).orElseThrow().status()).isEqualTo(LaneStatus.OPEN);
    }

    private static List<String> ids(Reply page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().path("items").findValuesAsText("laneId");
    }
}
