package com.backhaulexchange.function.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.function.settlement.CollaborationFixture.Caller;
import com.backhaulexchange.testing.TableContents;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ADR 7: priming before SnapStart's checkpoint compiles, previews and reads, and writes and sends nothing, even
 * with a period closed and due that the schedule would queue and the settler would settle.
 */
class SnapStartPrimingTest {
    private final PeriodFixture fixture = new PeriodFixture();

    private TableContents tables() {
        return TableContents.of(fixture.api.dynamoDb, fixture.api.collaborationsTable, fixture.negotiationsTable,
                fixture.lanesTable);
    }

    @Test
    void primingTheApiTheScheduleAndTheSettlerWritesNothingAndSendsNothing() throws Exception {
        Caller ames = CollaborationFixture.partner();
        Caller brook = CollaborationFixture.partner();
        Caller cedar = CollaborationFixture.partner();
        String id = fixture.api.create(ames, "MEMBER", "2026-11-16", brook, cedar).json().path("collaborationId")
                .asText();
        assertThat(fixture.api.act("accept-collaboration-invitation.json", brook, id).status()).isEqualTo(200);
        assertThat(fixture.api.act("accept-collaboration-invitation.json", cedar, id).status()).isEqualTo(200);
        fixture.delivered(fixture.match(ames.id(), brook.id()), 185_000, Instant.parse("2026-11-18T14:00:00Z"));
        fixture.api.clock.set(PeriodCloseTest.AFTER_CLOSE_0);
        var before = tables();
        var schedule = fixture.schedule();
        var settler = fixture.settler();

        fixture.api.handler.priming().beforeCheckpoint(null);
        schedule.priming().beforeCheckpoint(null);
        settler.priming().beforeCheckpoint(null);

        assertThat(tables()).isEqualTo(before);
        assertThat(before.itemCount()).isPositive();
        assertThat(fixture.api.sqs.receiveMessage(request -> request.queueUrl(fixture.api.settlementQueueUrl)
                .maxNumberOfMessages(10)).messages()).isEmpty();
        assertThat(schedule.handleRequest(Map.of(), fixture.api.context)).as("what priming left undone")
                .containsEntry("periodsDue", 1);
    }

    @Test
    void thePrimingMessageIsASettlementMessageForACollaborationNothingHas() {
        var due = SettlementMessages.decode(Json.newMapper(), PeriodSettlerHandler.PRIMING_MESSAGE);
        assertThat(due.collaborationId()).isEqualTo(com.backhaulexchange.adapter.lambda.Priming.ABSENT_ID);
        assertThat(due.periodIndex()).isZero();
    }
}
