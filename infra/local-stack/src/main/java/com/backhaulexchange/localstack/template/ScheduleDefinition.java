package com.backhaulexchange.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A schedule that invokes a function: a {@code Schedule}/{@code ScheduleV2} event of the function, or an
 * {@code AWS::Events::Rule}/{@code AWS::Scheduler::Schedule} resource targeting it (then {@code name} is the
 * resource's logical id). {@code input} is the constant JSON input, if configured.
 */
public record ScheduleDefinition(
        String functionLogicalId, String name, String kind, String expression, Optional<JsonNode> input,
        boolean enabled) {
}
