package com.backhaulexchange.localstack.schedule;

import com.backhaulexchange.localstack.lambda.FunctionInvocationException;
import com.backhaulexchange.localstack.support.ConsoleLog;
import com.backhaulexchange.localstack.template.ScheduleDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the enabled {@code rate(...)} schedules on a timer (opt-in: {@code --run-schedules}); the first run is
 * one period after start, as with EventBridge. {@code cron(...)} and {@code at(...)} schedules are only fired
 * by hand.
 */
public final class RateScheduleRunner implements AutoCloseable {

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

    private final ScheduledExecutorService timer;
    private final List<ScheduleDefinition> running;

    private RateScheduleRunner(ScheduledExecutorService timer, List<ScheduleDefinition> running) {
        this.timer = timer;
        this.running = running;
    }

    public static RateScheduleRunner start(ScheduleTrigger trigger) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "local-schedules");
            thread.setDaemon(true);
            return thread;
        });
        List<ScheduleDefinition> running = new ArrayList<>();
        for (ScheduleDefinition schedule : trigger.schedules()) {
            Optional<Duration> period = rate(schedule.expression());
            if (!schedule.enabled() || period.isEmpty()) {
                continue;
            }
            long millis = period.get().toMillis();
            timer.scheduleAtFixedRate(() -> fire(trigger, schedule), millis, millis, TimeUnit.MILLISECONDS);
            running.add(schedule);
        }
        return new RateScheduleRunner(timer, List.copyOf(running));
    }

    /** The schedules that run on the timer. */
    public List<ScheduleDefinition> running() {
        return running;
    }

    /** The period of a {@code rate(...)} expression; empty for any other expression. */
    public static Optional<Duration> rate(String expression) {
        Matcher rate = RATE.matcher(expression.trim().toLowerCase(Locale.ROOT));
        if (!rate.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(rate.group(1));
        return Optional.of(switch (rate.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(amount);
            case "hour", "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    private static void fire(ScheduleTrigger trigger, ScheduleDefinition schedule) {
        try {
            trigger.fire(schedule);
        } catch (FunctionInvocationException e) {
            // The function's own log already has the error; EventBridge would retry, which is not emulated.
            ConsoleLog.warn("Schedule " + schedule.name() + " of " + schedule.functionLogicalId() + " failed: "
                    + e.getMessage());
        } catch (RuntimeException e) {
            ConsoleLog.error("Schedule " + schedule.name() + " of " + schedule.functionLogicalId() + " failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
