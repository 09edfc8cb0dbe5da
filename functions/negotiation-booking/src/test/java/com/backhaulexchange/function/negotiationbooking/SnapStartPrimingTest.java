package com.backhaulexchange.function.negotiationbooking;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.TableContents;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ADR 7: priming before SnapStart's checkpoint compiles and reads, and writes and sends nothing. */
class SnapStartPrimingTest {
    private final DealFixture fixture = new DealFixture();

    private TableContents tables() {
        return TableContents.of(fixture.dynamoDb, fixture.partnersTable, fixture.lanesTable, fixture.negotiationsTable);
    }

    @Test
    void primingTheApiThePublicViewAndTheHousekeepingWritesNothingEvenWithAnOfferToExpire() throws Exception {
        var carrier = fixture.carrier();
        var shipper = fixture.shipper();
        assertThat(fixture.offer(shipper, fixture.matched(carrier, shipper), 180_000).status()).isEqualTo(201);
        fixture.clock.advance(Duration.ofHours(3));
        fixture.notifications();
        var before = tables();
        var housekeeping = fixture.housekeeping();

        var publicTracking = new PublicTrackingHandler(
                new com.backhaulexchange.adapter.lambda.FunctionEnvironment(fixture.environment()), fixture.clock);

        fixture.handler.priming().beforeCheckpoint(null);
        housekeeping.priming().beforeCheckpoint(null);
        publicTracking.priming().beforeCheckpoint(null);

        assertThat(tables()).isEqualTo(before);
        assertThat(fixture.notifications()).isEmpty();
        assertThat(housekeeping.handleRequest(java.util.Map.of(), fixture.context)).as("what priming left undone")
                .containsEntry("expired", 1);
    }
}
