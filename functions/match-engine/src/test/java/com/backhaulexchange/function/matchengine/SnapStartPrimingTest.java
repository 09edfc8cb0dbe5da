package com.backhaulexchange.function.matchengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.sqs.MatchRequestMessages;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.TableContents;
import org.junit.jupiter.api.Test;

/** ADR 7: priming before SnapStart's checkpoint decodes and reads, and writes and sends nothing. */
class SnapStartPrimingTest {
    private final MatchEngineFixture fixture = new MatchEngineFixture();

    @Test
    void primingWritesNothingAndSendsNothing() throws Exception {
        var carrier = fixture.carrier();
        fixture.postings.post(Postings.truck(carrier.id()));
        var before = TableContents.of(fixture.dynamoDb, fixture.lanesTable, fixture.partnersTable);

        fixture.handler.priming().beforeCheckpoint(null);

        assertThat(TableContents.of(fixture.dynamoDb, fixture.lanesTable, fixture.partnersTable)).isEqualTo(before);
        assertThat(before.itemCount()).isPositive();
        assertThat(fixture.notifications()).isEmpty();
    }

    @Test
    void thePrimingMessageIsAMatchRequestForALaneNothingHas() {
        assertThat(MatchRequestMessages.decode(MatchEngineHandler.PRIMING_MESSAGE).laneId())
                .isEqualTo(Priming.ABSENT_ID);
    }
}
