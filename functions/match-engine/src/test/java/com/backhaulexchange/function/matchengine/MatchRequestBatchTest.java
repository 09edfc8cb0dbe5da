package com.backhaulexchange.function.matchengine;

import com.backhaulexchange.testing.Postings;

import static com.backhaulexchange.function.matchengine.MatchEngineFixture.failedMessageIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.partner.Partner;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** ADR 11: each message of a batch stands alone; only the ones that failed are reported. */
class MatchRequestBatchTest {
    private static final String MALFORMED = "9c3e1f2a-4b5d-4c6e-8f70-1a2b3c4d5e22";
    private static final String FIRST = "5b2a7c1e-0d3f-4e8a-9b61-2c4d6e8f0a11";
    private static final String LAST = "d4f6a8b0-c2e4-4f60-a1b3-c5d7e9f1a333";
    private MatchEngineFixture fixture;
    private Partner carrier;
    private Partner shipper;

    @BeforeEach
    void freshTables() {
        fixture = new MatchEngineFixture();
        carrier = fixture.carrier();
        shipper = fixture.shipper();
    }

    private Map<String, String> batchOf(PostedLane first, String lastLaneId, String lastKind) {
        return Map.of("LANE_ID_1", first.laneId(), "LANE_KIND_1", first.kind().name(),
                "LANE_ID_2", lastLaneId, "LANE_KIND_2", lastKind);
    }

    @Test
    void aMalformedMessageIsReportedAloneAndTheRestOfTheBatchIsMatched() {
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        var load = fixture.postings.post(Postings.load(shipper.id()));

        var response = fixture.deliver(fixture.event("match-requests-with-a-malformed-one.json",
                batchOf(load, truck.laneId(), "CAPACITY")));

        assertThat(failedMessageIds(response)).containsExactly(MALFORMED);
        assertThat(fixture.matches.findRun(load.laneId())).isPresent();
        assertThat(fixture.matches.findRun(truck.laneId())).isPresent();
        assertThat(fixture.matchItems()).isEqualTo(1);
        assertThat(fixture.context.logLines()).anySatisfy(line -> assertThat(line).contains("ERROR")
                .contains("malformed match request").contains(MALFORMED));
    }

    @Test
    void aLaneThatCannotBeReadFailsOnlyItsOwnMessageAndKeepsItsRequestPending() {
        var load = fixture.postings.post(Postings.load(shipper.id()));
        var broken = fixture.postings.post(Postings.truck(carrier.id()));
        // A lane item no code version can read (as after a bad manual edit): its matching must fail, visibly.
        fixture.dynamoDb.updateItem(request -> request.tableName(fixture.lanesTable)
                .key(Map.of("pk", AttributeValue.fromS("LANE#" + broken.laneId()), "sk", AttributeValue.fromS("LANE")))
                .updateExpression("SET #status = :bogus")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":bogus", AttributeValue.fromS("MISLAID"))));

        var response = fixture.deliver(fixture.event("match-requests-with-a-malformed-one.json",
                batchOf(load, broken.laneId(), "CAPACITY")));

        assertThat(failedMessageIds(response)).containsExactlyInAnyOrder(MALFORMED, LAST);
        assertThat(fixture.matches.findRun(load.laneId())).isPresent();
        assertThat(fixture.lanes.pendingMatchRequest(load.laneId())).isEmpty();
        assertThat(fixture.lanes.pendingMatchRequest(broken.laneId())).as("left to the retries and the sweeper")
                .isPresent();
        assertThat(fixture.context.logLines()).anySatisfy(line -> assertThat(line).contains("match request failed")
                .contains(LAST));
    }

    @Test
    void aRequestForALaneThatDoesNotExistIsDoneNotFailed() {
        var response = fixture.deliver(fixture.event("match-request.json", Map.of("LANE_ID",
                "01JDZZZZZZZZZZZZZZZZZZZZZZ", "LANE_KIND", "LOAD", "MESSAGE_ID", FIRST)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(fixture.context.logLines()).anySatisfy(line -> assertThat(line).contains("no such lane"));
    }
}
