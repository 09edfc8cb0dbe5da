package com.backhaulexchange.localstack;

import com.backhaulexchange.localstack.aws.TableProvisioner;
import com.backhaulexchange.localstack.template.ApiDefinition;
import com.backhaulexchange.localstack.template.QueueDefinition;
import com.backhaulexchange.localstack.template.RouteDefinition;
import com.backhaulexchange.localstack.template.ScheduleDefinition;
import com.backhaulexchange.localstack.template.SqsSubscription;
import com.backhaulexchange.localstack.template.StackDefinition;
import java.util.List;
import java.util.stream.Collectors;

/** What the command line prints once the stack is up: where everything is and how to use it. */
final class StartupBanner {

    private StartupBanner() {
    }

    static String render(LocalStack stack) {
        StackDefinition definition = stack.definition();
        StringBuilder out = new StringBuilder();
        String base = stack.httpBaseUrl().toString();
        out.append("Local stack is up (template ").append(definition.templateSource()).append(")\n\n");
        out.append(String.format("  API       %s%s%n", base, stagesHint(definition.apis())));
        out.append(String.format("  DynamoDB  %s  (%s)%n", stack.dynamoDbEndpoint(), stack.options().dataDirectoryIfAny()
                .map(directory -> "data kept in " + directory.toAbsolutePath().resolve("dynamodb"))
                .orElse("in memory")));
        out.append(String.format("  SQS       %s  (in memory)%n", stack.sqsEndpoint()));
        out.append(String.format("  Health    %s/_local/health%n", base));
        stack.consoleUrl().ifPresent(console -> out.append(String.format("  Console   %s%n", console)));

        List<RouteDefinition> routes = stack.routeDefinitions();
        out.append("\nRoutes\n");
        int pathWidth = routes.stream().mapToInt(route -> route.path().length()).max().orElse(0);
        for (RouteDefinition route : routes) {
            out.append(String.format("  %-7s %-" + pathWidth + "s  -> %s  [%s]%n", route.method(), route.path(),
                    route.functionLogicalId(), route.authorizerName().map(name -> "authorizer " + name).orElse("no auth")));
        }

        out.append("\nTables\n");
        for (TableProvisioner.Outcome table : stack.tables()) {
            out.append(String.format("  %s  (%s)%n", table.tableName(), table.created() ? "created" : "kept from data directory"));
        }

        out.append("\nQueues\n");
        for (QueueDefinition queue : definition.queues()) {
            out.append("  ").append(queue.queueUrl());
            queue.deadLetterQueueLogicalId().ifPresent(dlq -> out.append("  (to ").append(dlq).append(" after ")
                    .append(queue.maxReceiveCount().orElseThrow()).append(" receives)"));
            out.append('\n');
            for (SqsSubscription subscription : definition.sqsSubscriptions()) {
                if (subscription.queueLogicalId().equals(queue.logicalId())) {
                    out.append(String.format("      -> %s (batch %d, window %d s%s%s)%n", subscription.functionLogicalId(),
                            subscription.batchSize(), subscription.maximumBatchingWindowSeconds(),
                            subscription.reportBatchItemFailures() ? ", ReportBatchItemFailures" : "",
                            subscription.enabled() ? "" : ", DISABLED"));
                }
            }
        }

        out.append("\nSchedules");
        out.append(stack.scheduleRunner().isPresent() ? " (rate schedules also run on a timer)\n" : " (fire by hand)\n");
        for (ScheduleDefinition schedule : definition.schedules()) {
            out.append(String.format("  %-40s %s%s%n    curl -X POST %s/_local/schedules/%s/%s%n",
                    schedule.functionLogicalId() + "/" + schedule.name(), schedule.expression(),
                    schedule.enabled() ? "" : " (disabled)", base, schedule.functionLogicalId(), schedule.name()));
        }
        if (definition.schedules().isEmpty()) {
            out.append("  (none)\n");
        }

        if (!definition.warnings().isEmpty()) {
            out.append("\nNot emulated\n");
            definition.warnings().forEach(warning -> out.append("  ").append(warning).append('\n'));
        }
        out.append("\nStop with Ctrl-C.\n");
        return out.toString();
    }

    private static String stagesHint(List<ApiDefinition> apis) {
        String stages = apis.stream().map(api -> "/" + api.stageName()).distinct().collect(Collectors.joining(", "));
        return stages.isEmpty() ? "" : "  (no stage prefix needed; " + stages + " is accepted too)";
    }
}
