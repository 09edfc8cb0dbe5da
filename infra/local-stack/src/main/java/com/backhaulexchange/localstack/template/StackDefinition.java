package com.backhaulexchange.localstack.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Everything the local stack runs, read from the template and resolved for a {@link LocalEnvironment}.
 * Reading one starts nothing, so it can also be used to check a template.
 */
public record StackDefinition(
        String templateSource,
        List<TableDefinition> tables,
        List<QueueDefinition> queues,
        List<FunctionDefinition> functions,
        List<ApiDefinition> apis,
        List<RouteDefinition> routes,
        List<SqsSubscription> sqsSubscriptions,
        List<ScheduleDefinition> schedules,
        List<String> warnings) {

    public StackDefinition {
        tables = List.copyOf(tables);
        queues = List.copyOf(queues);
        functions = List.copyOf(functions);
        apis = List.copyOf(apis);
        routes = List.copyOf(routes);
        sqsSubscriptions = List.copyOf(sqsSubscriptions);
        schedules = List.copyOf(schedules);
        warnings = List.copyOf(warnings);
    }

    /** Reads and resolves a template file without starting anything (queue URLs use ElasticMQ's default port). */
    public static StackDefinition load(Path templateFile, Map<String, String> parameterOverrides) {
        return StackDefinitionReader.read(TemplateModel.load(templateFile), LocalEnvironment.offline(parameterOverrides));
    }

    public TableDefinition table(String logicalId) {
        return find(tables, TableDefinition::logicalId, logicalId, "table");
    }

    public QueueDefinition queue(String logicalId) {
        return find(queues, QueueDefinition::logicalId, logicalId, "queue");
    }

    public FunctionDefinition function(String logicalId) {
        return find(functions, FunctionDefinition::logicalId, logicalId, "function");
    }

    public ApiDefinition api(String logicalId) {
        return find(apis, ApiDefinition::logicalId, logicalId, "API");
    }

    public Optional<ScheduleDefinition> schedule(String functionLogicalId, String name) {
        return schedules.stream()
                .filter(s -> s.functionLogicalId().equals(functionLogicalId) && s.name().equals(name))
                .findFirst();
    }

    private <T> T find(List<T> items, java.util.function.Function<T, String> id, String logicalId, String kind) {
        return items.stream().filter(item -> id.apply(item).equals(logicalId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("The template " + templateSource + " has no " + kind
                        + " " + logicalId));
    }
}
