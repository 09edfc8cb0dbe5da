package com.backhaulexchange.function.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.TableContents;
import org.junit.jupiter.api.Test;

/** ADR 7: priming before SnapStart's checkpoint compiles and reads, and writes nothing. */
class SnapStartPrimingTest {
    private final OptimiserFixture fixture = new OptimiserFixture();

    @Test
    void primingTheApiAndTheScheduleWritesNothing() throws Exception {
        fixture.postings.post(Postings.truck(fixture.carrier().id()));
        fixture.postings.post(Postings.load(fixture.shipper().id()));
        var before = TableContents.of(fixture.dynamoDb, fixture.lanesTable, fixture.partnersTable);

        fixture.apiHandler().priming().beforeCheckpoint(null);
        fixture.scheduledHandler().priming().beforeCheckpoint(null);

        assertThat(TableContents.of(fixture.dynamoDb, fixture.lanesTable, fixture.partnersTable)).isEqualTo(before);
        assertThat(before.itemCount()).isPositive();
        assertThat(fixture.context.logLines()).isEmpty();
    }
}
