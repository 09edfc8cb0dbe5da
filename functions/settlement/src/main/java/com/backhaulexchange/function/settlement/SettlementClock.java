package com.backhaulexchange.function.settlement;

import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The settlement functions' clock: the system UTC clock, shifted by {@code BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS}
 * when that is set. The template never sets it; the local stack's journeys do, to form a collaboration "in the
 * past" and close its period "in the future" over real HTTP, since membership and agreements take effect only
 * at period boundaries (ADR 18, 20). Other functions keep the real clock.
 *
 * <p>On the local stack only ({@code BHX_LOCAL_STACK=true}), {@code BHX_LOCAL_SETTLEMENT_CLOCK_FILE} names a file
 * that the local stack's operator control ({@code PUT /_local/settlement-clock}) writes: while it holds an offset
 * in seconds, that offset replaces the one from the environment, read on every tick, so a period can be formed
 * and settled without a restart (ADR 27). Outside the local stack the variable is ignored.
 */
final class SettlementClock {
    static final String OFFSET_VARIABLE = "BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS";
    static final String LOCAL_CONTROL_VARIABLE = "BHX_LOCAL_SETTLEMENT_CLOCK_FILE";
    static final String LOCAL_STACK_FLAG = "BHX_LOCAL_STACK";

    private SettlementClock() {
    }

    static Clock of(FunctionEnvironment environment) {
        long offset = environment.longValue(OFFSET_VARIABLE, 0);
        boolean local = environment.optional(LOCAL_STACK_FLAG).map("true"::equals).orElse(false);
        var control = environment.optional(LOCAL_CONTROL_VARIABLE).filter(path -> local && !path.isBlank());
        if (control.isPresent()) {
            return new ControlledClock(Clock.systemUTC(), Path.of(control.get()), offset);
        }
        return offset == 0 ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), Duration.ofSeconds(offset));
    }

    /** {@code base} shifted by the offset in {@code file}, or by {@code defaultOffsetSeconds} while it has none. */
    static final class ControlledClock extends Clock {
        private final Clock base;
        private final Path file;
        private final long defaultOffsetSeconds;

        ControlledClock(Clock base, Path file, long defaultOffsetSeconds) {
            this.base = base;
            this.file = file;
            this.defaultOffsetSeconds = defaultOffsetSeconds;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the settlement clock is UTC");
        }

        @Override
        public Instant instant() {
            return base.instant().plusSeconds(offsetSeconds());
        }

        long offsetSeconds() {
            try {
                String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
                return text.isEmpty() ? defaultOffsetSeconds : Long.parseLong(text);
            } catch (NoSuchFileException e) {
                return defaultOffsetSeconds;
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("Unreadable settlement clock control " + file + ": " + e, e);
            }
        }
    }
}
