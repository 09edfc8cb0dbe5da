package com.backhaulexchange.function.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.TableContents;
import org.junit.jupiter.api.Test;

/** ADR 7: priming before SnapStart's checkpoint reads and compiles, and writes nothing. */
class SnapStartPrimingTest {
    private final OnboardingFixture fixture = OnboardingFixture.fresh();

    @Test
    void primingWritesNothingAndLeavesTheHandlerServing() throws Exception {
        fixture.registerCarrier();
        var before = TableContents.of(fixture.dynamoDb, fixture.tableName);

        fixture.handler.priming().beforeCheckpoint(null);
        fixture.handler.priming().afterRestore(null);

        assertThat(TableContents.of(fixture.dynamoDb, fixture.tableName)).isEqualTo(before);
        assertThat(before.itemCount()).isPositive();
        assertThat(fixture.registerShipper().partnerId()).isNotBlank();
    }
}
