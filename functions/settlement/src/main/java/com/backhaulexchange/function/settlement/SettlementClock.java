package com.backhaulexchange.function.settlement;

import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import java.time.Clock;
import java.time.Duration;

/**
 * The settlement functions' clock: the system UTC clock, shifted by {@code BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS}
 * when that is set. The template never sets it; the local stack's journeys do, to form a collaboration "in the
 * past" and close its period "in the future" over real HTTP, since membership and agreements take effect only
 * at period boundaries (ADR 18, 20). Other functions keep the real clock.
 */
final class SettlementClock {
    static final String OFFSET_VARIABLE = "BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS";

    private SettlementClock() {
    }

    static Clock of(FunctionEnvironment environment) {
        long offset = environment.longValue(OFFSET_VARIABLE, 0);
        return offset == 0 ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), Duration.ofSeconds(offset));
    }
}
