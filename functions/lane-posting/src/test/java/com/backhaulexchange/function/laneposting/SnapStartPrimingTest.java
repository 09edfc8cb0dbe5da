package com.backhaulexchange.function.laneposting;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.TableContents;
import org.junit.jupiter.api.Test;

/** ADR 7: priming before SnapStart's checkpoint reads and compiles, and writes and sends nothing. */
class SnapStartPrimingTest {
    private final LanePostingFixture fixture = new LanePostingFixture();

    @Test
    void primingTheApiAndTheSweeperWritesNothingAndSendsNothing() throws Exception {
        String laneId = fixture.post("post-capacity-by-city-names.json", Caller.carrier());
        assertThat(fixture.queuedMatchRequests()).containsExactly(laneId);
        var before = TableContents.of(fixture.dynamoDb, fixture.tableName);
        var sweeper = fixture.sweeper();

        fixture.handler.priming().beforeCheckpoint(null);
        sweeper.priming().beforeCheckpoint(null);

        assertThat(TableContents.of(fixture.dynamoDb, fixture.tableName)).isEqualTo(before);
        assertThat(before.itemCount()).isPositive();
        assertThat(fixture.queuedMatchRequests()).isEmpty();
    }
}
