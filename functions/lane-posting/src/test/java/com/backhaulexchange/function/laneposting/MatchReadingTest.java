package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.testing.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.kernel.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The match routes of the posting function: each party reads the match through its own lane and by id,
 * with the explanation a dispatcher reads; nobody else can, and a withdrawal retracts it for both.
 * (The match engine stores matches; here one is stored as it would, from the evaluation of the two lanes.)
 */
class MatchReadingTest {
    private LanePostingFixture fixture;
    private Caller carrier;
    private Caller shipper;
    private String truckId;
    private String loadId;
    private Match match;

    @BeforeEach
    void twoPostedLanesAndTheirMatch() {
        fixture = new LanePostingFixture();
        carrier = Caller.carrier();
        shipper = Caller.shipper();
        truckId = fixture.post("post-capacity-by-city-names.json", carrier);
        loadId = fixture.post("post-load-by-city-names.json", shipper);
        var truck = (PostedLane.Capacity) fixture.lanes.findLane(truckId).orElseThrow();
        var load = (PostedLane.Load) fixture.lanes.findLane(loadId).orElseThrow();
        var evaluation = MatchEvaluator.evaluate(truck.lane(), Money.of(212, "USD"), load.lane(),
                MatchingConfig.DEFAULT);
        assertThat(evaluation).as("Dallas -> St. Louis is on the way from Dallas to Chicago")
                .isInstanceOf(MatchEvaluation.Feasible.class);
        match = Match.proposed(truck, load, (MatchEvaluation.Feasible) evaluation, fixture.clock.instant());
        assertThat(fixture.matches.save(match, fixture.clock.instant())).isTrue();
    }

    @Test
    void beforeItsMatchingRanALaneSaysPending() {
        String lonely = fixture.post("post-capacity-at-coordinates.json", carrier);

        Reply reply = fixture.send("list-matches-of-own-lane.json", carrier.values("PATH_LANE_ID", lonely));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("matching").path("status").asText()).isEqualTo("PENDING");
        assertThat(reply.json().path("items")).isEmpty();
        assertThat(reply.json().path("nearestRejections")).isEmpty();
    }

    @Test
    void aLaneClosedBeforeItsMatchingRanSaysSkippedNotPendingForever() {
        String lonely = fixture.post("post-capacity-at-coordinates.json", carrier);
        assertThat(fixture.send("withdraw-own-lane.json", carrier.values("PATH_LANE_ID", lonely)).status())
                .isEqualTo(200);

        Reply reply = fixture.send("list-matches-of-own-lane.json", carrier.values("PATH_LANE_ID", lonely));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("laneStatus").asText()).isEqualTo("WITHDRAWN");
        assertThat(reply.json().path("matching").path("status").asText()).isEqualTo("SKIPPED");
    }

    @Test
    void eachPartySeesTheMatchThroughItsOwnLaneWithTheDispatchersExplanation() {
        Reply carrierView = fixture.send("list-matches-of-own-lane.json", carrier.values("PATH_LANE_ID", truckId));
        Reply shipperView = fixture.send("list-matches-of-own-lane.json", shipper.values("PATH_LANE_ID", loadId));

        assertThat(carrierView.status()).isEqualTo(200);
        assertThat(carrierView.json().path("laneStatus").asText()).isEqualTo("OPEN");
        var listed = carrierView.json().path("items").path(0);
        assertThat(listed.path("matchId").asText()).isEqualTo(match.id().value());
        assertThat(shipperView.json().path("items").path(0).path("matchId")).isEqualTo(listed.path("matchId"));
        assertThat(shipperView.json().path("items").path(0).path("route")).isEqualTo(listed.path("route"));
        var explanation = listed.path("explanation");
        assertThat(explanation.path("originDeadheadMiles").asDouble()).isLessThan(2.0);
        assertThat(explanation.path("loadedMiles").asDouble()).isBetween(600.0, 700.0);
        assertThat(explanation.path("emptyMilesAvoided").asDouble()).isPositive();
        // well-to-wheel CO₂e at the empty truck's 12.65 kg per gallon ÷ 8.1 mpg (ADR 24, 26)
        assertThat(explanation.path("co2eAvoidedKg").asDouble())
                .isCloseTo(explanation.path("emptyMilesAvoided").asDouble() * 12.65 / 8.1, org.assertj.core.data.Offset
                        .offset(0.2));
        assertThat(explanation.path("emissionsMethod").path("factorSet").asText()).isEqualTo("GLEC-NA-2019+DESNZ-2024");
        assertThat(explanation.path("emissionsMethod").path("version").asText()).isEqualTo("bhx-default-1");
        assertThat(explanation.path("economics").path("surplus").path("currency").asText()).isEqualTo("USD");
        assertThat(explanation.path("economics").path("priceSource").asText()).as("the carrier's view (MatchViewsTest)")
                .isEqualTo("MARKET_RATE");
        assertThat(explanation.path("economics").path("costSource").asText()).isEqualTo("CARRIER_COST");
        assertThat(shipperView.json().path("items").path(0).path("explanation").path("economics")
                .path("priceSource").asText()).isEqualTo("BUDGET");
        assertThat(explanation.path("schedule").path("pickupSlackMinutes").asLong()).isPositive();
        assertThat(explanation.path("hoursOfServiceStops").findValuesAsText("kind")).contains("BREAK", "REST");
        assertThat(listed.path("route").path("delivery").path("label").asText()).isEqualTo("St. Louis, MO");
    }

    @Test
    void onlyTheTwoPartiesCanReadTheMatch() {
        var stranger = Caller.carrierAndShipper();
        var values = new java.util.HashMap<String, String>();
        values.put("PATH_MATCH_ID", match.id().value());

        Reply byCarrier = fixture.send("get-match.json", carrier.values("PATH_MATCH_ID", match.id().value()));
        Reply byShipper = fixture.send("get-match.json", shipper.values("PATH_MATCH_ID", match.id().value()));
        Reply byStranger = fixture.send("get-match.json", stranger.values("PATH_MATCH_ID", match.id().value()));
        Reply unknown = fixture.send("get-match.json", carrier.values("PATH_MATCH_ID", "0".repeat(32)));

        assertThat(byCarrier.status()).isEqualTo(200);
        assertThat(byCarrier.json().path("status").asText()).isEqualTo("PROPOSED");
        assertThat(byShipper.status()).isEqualTo(200);
        assertThat(byShipper.json().path("matchId")).isEqualTo(byCarrier.json().path("matchId"));
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(byStranger.body()).doesNotContain(truckId).doesNotContain(loadId);
        assertThat(byStranger.json().path("detail").asText()).isEqualTo(unknown.json().path("detail").asText());
        assertThat(fixture.send("list-matches-of-own-lane.json", stranger.values("PATH_LANE_ID", truckId)).status())
                .isEqualTo(404);
    }

    @Test
    void aStrangerGetsForAnotherPartnersLaneOrMatchExactlyTheAnswerOfAnUnknownId() {
        var stranger = Caller.carrierAndShipper();
        String unknownLane = "01HZZZZZZZZZZZZZZZZZZZZZZZ";
        String unknownMatch = "0".repeat(32);
        assertIndistinguishable(fixture.send("get-match.json", stranger.values("PATH_MATCH_ID", match.id().value())),
                fixture.send("get-match.json", stranger.values("PATH_MATCH_ID", unknownMatch)));
        for (String sample : java.util.List.of("get-own-lane.json", "list-matches-of-own-lane.json",
                "withdraw-own-lane.json")) {
            assertIndistinguishable(fixture.send(sample, stranger.values("PATH_LANE_ID", truckId)),
                    fixture.send(sample, stranger.values("PATH_LANE_ID", unknownLane)));
        }
        assertThat(fixture.lanes.findLane(truckId).orElseThrow().status().name()).isEqualTo("OPEN");
    }

    private static void assertIndistinguishable(Reply foreign, Reply unknown) {
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(foreign.json().has("reasonCode")).isFalse();
        assertThat(foreign.problemWithoutRequestIdentity()).isEqualTo(unknown.problemWithoutRequestIdentity());
    }

    @Test
    void aBookedMatchReadsAsBookedAndTheContractListsIt() {
        fixture.dynamoDb.updateItem(request -> request.tableName(fixture.tableName)
                .key(java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                        "MATCH#" + match.id().value()), "sk",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("MATCH")))
                .updateExpression("SET #status = :booked")
                .expressionAttributeNames(java.util.Map.of("#status", "status"))
                .expressionAttributeValues(java.util.Map.of(":booked",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("BOOKED"))));

        // fixture.send checks the response against openapi.yaml: BOOKED must be in the Match status enum.
        Reply byCarrier = fixture.send("get-match.json", carrier.values("PATH_MATCH_ID", match.id().value()));

        assertThat(byCarrier.status()).as(byCarrier.toString()).isEqualTo(200);
        assertThat(byCarrier.json().path("status").asText()).isEqualTo("BOOKED");
    }

    @Test
    void withdrawingALaneRetractsItsMatchForBothParties() {
        Reply withdrawn = fixture.send("withdraw-own-lane.json", shipper.values("PATH_LANE_ID", loadId));

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(fixture.send("list-matches-of-own-lane.json", carrier.values("PATH_LANE_ID", truckId)).json()
                .path("items")).isEmpty();
        assertThat(fixture.send("list-matches-of-own-lane.json", shipper.values("PATH_LANE_ID", loadId)).json()
                .path("items")).isEmpty();
        Reply byCarrier = fixture.send("get-match.json", carrier.values("PATH_MATCH_ID", match.id().value()));
        assertThat(byCarrier.json().path("status").asText()).isEqualTo("RETRACTED");
        assertThat(byCarrier.json().path("retractedAt").asText()).isEqualTo(fixture.clock.instant().toString());
        assertThat(fixture.matches.save(match, fixture.clock.instant())).as("never proposed again").isFalse();
    }
}
