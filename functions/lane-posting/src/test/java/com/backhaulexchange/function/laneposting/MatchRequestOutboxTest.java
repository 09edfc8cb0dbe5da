package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.testing.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ADR 10: a posting whose match request cannot be sent is still accepted, and the sweeper sends the request
 * once it has been pending for the resend delay; the match engine's completion stops the resends.
 */
class MatchRequestOutboxTest {
    private LanePostingFixture fixture;
    private MatchRequestSweeperHandler sweeper;

    @BeforeEach
    void freshTableAndQueue() {
        fixture = new LanePostingFixture();
        sweeper = fixture.sweeper();
    }

    private Map<String, Object> sweep() {
        return sweeper.handleRequest(Map.of("source", "aws.events", "detail-type", "Scheduled Event"),
                fixture.context);
    }

    @Test
    void aPostingWhoseQueueIsUnreachableSucceedsAndTheSweeperDeliversItsRequestLater() {
        var carrier = Caller.carrier();
        var unreachable = fixture.handlerWithUnreachableQueue();

        Reply reply = fixture.send(unreachable, LaneSampleEvents.load("post-capacity-by-city-names.json",
                carrier.values()));

        assertThat(reply.status()).isEqualTo(201);
        String laneId = reply.json().path("laneId").asText();
        assertThat(fixture.queuedMatchRequests()).as("the send failed").isEmpty();
        assertThat(fixture.lanes.pendingMatchRequest(laneId)).isPresent();

        fixture.clock.advance(Duration.ofSeconds(LanePostingFixture.RESEND_AFTER_SECONDS - 1));
        assertThat(sweep()).containsEntry("resent", 0);
        assertThat(fixture.queuedMatchRequests()).isEmpty();

        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(sweep()).containsEntry("due", 1).containsEntry("resent", 1);
        assertThat(fixture.queuedMatchRequests()).containsExactly(laneId);
        assertThat(fixture.lanes.pendingMatchRequest(laneId).orElseThrow().sendCount()).isEqualTo(1);

        assertThat(sweep()).as("not due again until another resend delay").containsEntry("resent", 0);
    }

    @Test
    void aRequestTheMatchEngineCompletedIsNeverResent() {
        String laneId = fixture.post("post-load-by-city-names.json", Caller.shipper());
        assertThat(fixture.queuedMatchRequests()).containsExactly(laneId);

        fixture.lanes.complete(laneId);
        fixture.clock.advance(Duration.ofHours(1));

        assertThat(sweep()).containsEntry("due", 0);
        assertThat(fixture.queuedMatchRequests()).isEmpty();
    }

    @Test
    void aRequestResentTooOftenIsAbandonedToTheDeadLetterQueuesOperator() {
        String laneId = fixture.post("post-load-by-city-names.json", Caller.shipper());
        for (int resend = 1; resend <= 3; resend++) {
            fixture.clock.advance(Duration.ofSeconds(LanePostingFixture.RESEND_AFTER_SECONDS));
            assertThat(sweep()).containsEntry("resent", 1);
        }

        fixture.clock.advance(Duration.ofSeconds(LanePostingFixture.RESEND_AFTER_SECONDS));
        assertThat(sweep()).containsEntry("abandoned", 1).containsEntry("resent", 0);
        fixture.clock.advance(Duration.ofHours(1));
        assertThat(sweep()).containsEntry("due", 0);

        assertThat(fixture.queuedMatchRequests()).containsOnly(laneId).hasSize(4);
        assertThat(fixture.context.logLines()).anySatisfy(line -> assertThat(line).contains("ERROR")
                .contains(laneId).contains("abandoned"));
    }

    @Test
    void whileTheQueueStaysUnreachableTheSweeperKeepsTheRequestDue() {
        String laneId = fixture.post("post-capacity-by-city-names.json", Caller.carrier());
        fixture.queuedMatchRequests();
        var environment = new java.util.HashMap<>(fixture.environment());
        environment.put("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9");
        var unreachableSweeper = new MatchRequestSweeperHandler(
                new com.backhaulexchange.adapter.lambda.FunctionEnvironment(environment), fixture.clock);
        fixture.clock.advance(Duration.ofSeconds(LanePostingFixture.RESEND_AFTER_SECONDS));

        var outcome = unreachableSweeper.handleRequest(Map.of(), fixture.context);

        assertThat(outcome).containsEntry("notSent", 1).containsEntry("resent", 0);
        assertThat(fixture.lanes.pendingMatchRequest(laneId).orElseThrow().sendCount()).isZero();
        assertThat(sweep()).containsEntry("resent", 1);
    }
}
