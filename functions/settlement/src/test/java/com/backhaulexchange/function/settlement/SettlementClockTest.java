package com.backhaulexchange.function.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettlementClockTest {
    @TempDir
    Path directory;

    @Test
    void theLocalControlFileMovesTheClockWhileItRunsAndTheEnvironmentOffsetAppliesUntilItIsWritten() throws Exception {
        Path control = directory.resolve("settlement-clock");
        Instant fixed = Instant.parse("2026-12-01T00:00:00Z");
        var clock = new SettlementClock.ControlledClock(Clock.fixed(fixed, ZoneOffset.UTC), control, 60);

        assertThat(clock.instant()).isEqualTo(fixed.plusSeconds(60));
        Files.writeString(control, Long.toString(Duration.ofDays(12).toSeconds()));
        assertThat(clock.instant()).isEqualTo(fixed.plus(Duration.ofDays(12)));
        Files.writeString(control, "-3600\n");
        assertThat(clock.instant()).isEqualTo(fixed.minusSeconds(3600));
    }

    @Test
    void theControlIsHonouredOnTheLocalStackOnly() throws Exception {
        Path control = directory.resolve("settlement-clock");
        Files.writeString(control, Long.toString(Duration.ofDays(400).toSeconds()));
        var deployed = SettlementClock.of(new FunctionEnvironment(Map.of(
                SettlementClock.LOCAL_CONTROL_VARIABLE, control.toString())));
        var local = SettlementClock.of(new FunctionEnvironment(Map.of(
                SettlementClock.LOCAL_CONTROL_VARIABLE, control.toString(), SettlementClock.LOCAL_STACK_FLAG, "true")));

        assertThat(Duration.between(Instant.now(), deployed.instant()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(Duration.between(Instant.now(), local.instant()).toDays()).isBetween(399L, 400L);
    }
}
