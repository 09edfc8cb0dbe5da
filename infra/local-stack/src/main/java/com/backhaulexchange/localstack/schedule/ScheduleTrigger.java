package com.backhaulexchange.localstack.schedule;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.backhaulexchange.localstack.lambda.FunctionInvocationException;
import com.backhaulexchange.localstack.lambda.LocalFunction;
import com.backhaulexchange.localstack.support.Json;
import com.backhaulexchange.localstack.template.LocalEnvironment;
import com.backhaulexchange.localstack.template.ScheduleDefinition;
import com.backhaulexchange.localstack.template.TemplateModel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Function;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * Fires the template's schedules on demand. The function receives the configured Input if there is one,
 * else the event EventBridge would deliver (as a {@link ScheduledEvent} if that is the handler's type).
 */
public final class ScheduleTrigger {

    private final List<ScheduleDefinition> schedules;
    private final Function<String, LocalFunction> functions;
    private final Clock clock;

    public ScheduleTrigger(List<ScheduleDefinition> schedules, Function<String, LocalFunction> functions, Clock clock) {
        this.schedules = List.copyOf(schedules);
        this.functions = functions;
        this.clock = clock;
    }

    public List<ScheduleDefinition> schedules() {
        return schedules;
    }

    /** Invokes the schedule's function once and returns what it returned. */
    public Object fire(String functionLogicalId, String scheduleName) throws FunctionInvocationException {
        ScheduleDefinition schedule = schedules.stream()
                .filter(s -> s.functionLogicalId().equals(functionLogicalId) && s.name().equals(scheduleName))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(
                        "No schedule " + scheduleName + " of function " + functionLogicalId));
        return fire(schedule);
    }

    public Object fire(ScheduleDefinition schedule) throws FunctionInvocationException {
        LocalFunction function = functions.apply(schedule.functionLogicalId());
        if (schedule.input().isPresent()) {
            return function.invoke(schedule.input().get());
        }
        Instant now = clock.instant();
        if (function.accepts(ScheduledEvent.class)) {
            return function.invoke(scheduledEvent(schedule, now));
        }
        return function.invoke(scheduledEventJson(schedule, now));
    }

    private static ScheduledEvent scheduledEvent(ScheduleDefinition schedule, Instant time) {
        ScheduledEvent event = new ScheduledEvent();
        event.setVersion("0");
        event.setId(UUID.randomUUID().toString());
        event.setDetailType("Scheduled Event");
        event.setSource(source(schedule));
        event.setAccount(LocalEnvironment.ACCOUNT_ID);
        event.setRegion(LocalEnvironment.REGION);
        event.setTime(new DateTime(time.toEpochMilli(), DateTimeZone.UTC));
        event.setResources(List.of(resourceArn(schedule)));
        event.setDetail(Map.of());
        return event;
    }

    /** The same event as EventBridge puts it on the wire, for handlers that take a Map or their own type. */
    private static ObjectNode scheduledEventJson(ScheduleDefinition schedule, Instant time) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", source(schedule));
        event.put("account", LocalEnvironment.ACCOUNT_ID);
        event.put("time", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.put("region", LocalEnvironment.REGION);
        event.putArray("resources").add(resourceArn(schedule));
        event.putObject("detail");
        return event;
    }

    private static boolean isScheduler(ScheduleDefinition schedule) {
        return schedule.kind().equals("ScheduleV2") || schedule.kind().equals(TemplateModel.SCHEDULER_SCHEDULE);
    }

    private static String source(ScheduleDefinition schedule) {
        return isScheduler(schedule) ? "aws.scheduler" : "aws.events";
    }

    private static String resourceArn(ScheduleDefinition schedule) {
        String name = schedule.kind().startsWith("AWS::")
                ? schedule.name()
                : schedule.functionLogicalId() + schedule.name();
        return isScheduler(schedule)
                ? "arn:aws:scheduler:" + LocalEnvironment.REGION + ":" + LocalEnvironment.ACCOUNT_ID + ":schedule/default/" + name
                : "arn:aws:events:" + LocalEnvironment.REGION + ":" + LocalEnvironment.ACCOUNT_ID + ":rule/" + name;
    }
}
