package com.backhaulexchange.localstack;

import com.backhaulexchange.localstack.aws.TableProvisioner;
import com.backhaulexchange.localstack.demo.CapabilityShowcase;
import com.backhaulexchange.localstack.demo.DemoSeeder;
import com.backhaulexchange.localstack.template.ApiDefinition;
import com.backhaulexchange.localstack.template.QueueDefinition;
import com.backhaulexchange.localstack.template.RouteDefinition;
import com.backhaulexchange.localstack.template.ScheduleDefinition;
import com.backhaulexchange.localstack.template.SqsSubscription;
import com.backhaulexchange.localstack.template.StackDefinition;
import java.time.Duration;
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

    /**
     * What {@code --demo} seeded: one ready-to-run command per capability, each under a comment line, so that
     * every line can be pasted into a shell as it is (the keys first, as exports).
     */
    static String showcase(LocalStack stack, CapabilityShowcase.Showcase showcase, Duration took) {
        String api = "localhost:" + stack.httpBaseUrl().getPort();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nDemo: an example of every capability, seeded in %d s (seed %d, dates relative to"
                + " now).%n", seconds(took), LocalStackMain.DEMO_SEED));
        if (showcase.carrier() != null && showcase.shipper() != null) {
            out.append(String.format("Look at each one as the carrier %s and the shipper %s (paste the lines as"
                            + " they are):%n",
                    showcase.carrier().legalName(), showcase.shipper().legalName()));
            out.append(String.format("  export CARRIER=%s SHIPPER=%s%n", showcase.carrier().apiKey(),
                    showcase.shipper().apiKey()));
            String asCarrier = " -H \"Authorization: Bearer $CARRIER\"";
            String asShipper = " -H \"Authorization: Bearer $SHIPPER\"";
            command(out, showcase.loadWithMatches() != null, "a load's ranked, explained matches",
                    "curl -s " + api + "/lanes/" + showcase.loadWithMatches() + "/matches" + asShipper);
            CapabilityShowcase.RoundTrip roundTrip = showcase.roundTrip();
            command(out, roundTrip != null && roundTrip.packageId() != null,
                    "a reload package: the carrier's truck at home filled out and back by both shippers' loads",
                    "curl -s " + api + "/lanes/" + (roundTrip == null ? null : roundTrip.truckId()) + "/packages"
                            + asCarrier);
            command(out, roundTrip != null && roundTrip.packageDealId() != null,
                    "the package's deal: one shipper accepted its load, the other's answer is awaited",
                    "curl -s " + api + "/package-deals/" + (roundTrip == null ? null : roundTrip.packageDealId())
                            + asCarrier);
            command(out, showcase.negotiations().containsKey(CapabilityShowcase.Fate.NEGOTIATION_OPEN)
                            && showcase.negotiations().containsKey(CapabilityShowcase.Fate.NEGOTIATION_COUNTERED),
                    "negotiations: one open, one countered, and those that booked",
                    "curl -s " + api + "/negotiations" + asCarrier);
            command(out, !showcase.bookings().isEmpty(), "bookings: booked, picked up, delivered, cancelled",
                    "curl -s " + api + "/bookings" + asCarrier);
            String delivered = showcase.bookings().get(CapabilityShowcase.Fate.DELIVERED);
            command(out, delivered != null, "a delivered booking's rate confirmation",
                    "curl -s " + api + "/bookings/" + delivered + "/rate-confirmation" + asShipper);
            command(out, showcase.receiverPath() != null, "what the carrier's webhook received, signed",
                    "curl -s " + api + showcase.receiverPath());
            command(out, showcase.settledCollaborationId() != null,
                    "the pool's settled period 0: the carrier's statement (add -H 'Accept: text/csv' for CSV)",
                    "curl -s " + api + "/collaborations/" + showcase.settledCollaborationId()
                            + "/periods/0/statement" + asCarrier);
            command(out, showcase.settledCollaborationId() != null,
                    "the pool's figures: empty miles avoided, money and CO2e, per member, with period 0's emission shares",
                    "curl -s \"" + api + "/collaborations/" + showcase.settledCollaborationId() + "/outcomes?from="
                            + showcase.outcomesDay().minusDays(30) + "&to=" + showcase.outcomesDay() + "\""
                            + asCarrier);
            command(out, delivered != null, "outcomes of today's deliveries: miles, CO2e avoided, money earned",
                    "curl -s \"" + api + "/partners/me/outcomes?from=" + showcase.outcomesDay() + "&to="
                            + showcase.outcomesDay() + "\"" + asCarrier);
        }
        if (showcase.settlementSkipped() != null) {
            out.append("  (the pool is not settled: ").append(showcase.settlementSkipped())
                    .append("; ./bhx local passes it in BHX_OPERATOR_KEY)\n");
        }
        showcase.failures().forEach(failure -> out.append("  refused: ").append(failure).append('\n'));
        stack.consoleUrl().ifPresent(console -> out.append("Or sign in to the console at ").append(console)
                .append(" with $CARRIER's or $SHIPPER's key.\n"));
        return out.toString();
    }

    /** The demo network's line, once it is posted. */
    static String network(DemoSeeder.Outcome network, Duration took) {
        StringBuilder out = new StringBuilder();
        network.failures().forEach(failure -> out.append("  refused: ").append(failure).append('\n'));
        out.append(String.format("And a network of %d partners, %d trucks and %d loads (%d posted on the way of a"
                        + " truck) between US cities, posted in %d s in all;%n  its matches appear in the background"
                        + " within a minute or two.%n", network.partners().size(), network.trucks().size(),
                network.loads().size(), network.loadsOnTheWay().size(), seconds(took)));
        return out.toString();
    }

    private static long seconds(Duration took) {
        return Math.max(1, Math.round(took.toMillis() / 1000.0));
    }

    private static void command(StringBuilder out, boolean seeded, String what, String command) {
        if (seeded) {
            out.append("  # ").append(what).append('\n').append("  ").append(command).append('\n');
        }
    }

    private static String stagesHint(List<ApiDefinition> apis) {
        String stages = apis.stream().map(api -> "/" + api.stageName()).distinct().collect(Collectors.joining(", "));
        return stages.isEmpty() ? "" : "  (no stage prefix needed; " + stages + " is accepted too)";
    }
}
