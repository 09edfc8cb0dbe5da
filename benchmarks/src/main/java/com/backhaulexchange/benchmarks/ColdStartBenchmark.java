package com.backhaulexchange.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.benchmarks.hello.HelloWorldHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Cold start of each function jar, side by side with a hello-world: N fresh JVMs per case, each
 * timed from launch to the handler's first response on a realistic event against DynamoDB Local.
 * Prints a Markdown table and writes it to target/cold-start.md. See docs/benchmarks.md.
 */
public final class ColdStartBenchmark {
    static final String HELLO_WORLD = "hello-world";
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);
    /** Set by Lambda itself in every function's environment; the endpoint is the local stand-in. */
    private static final List<String> RUNTIME_VARIABLES = List.of(
            "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL_DYNAMODB");

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run();
            System.exit(0); // DynamoDB Local's server threads would keep the JVM alive
        } catch (Exception | Error failure) {
            System.err.println("benchmark FAILED: " + failure.getMessage());
            failure.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Instant started = Instant.now();
        var settings = BenchmarkSettings.fromSystemProperties();
        var authorizer = TemplateFunction.read(settings.template(), "ApiKeyAuthorizerFunction").requireJar();
        var onboarding = TemplateFunction.read(settings.template(), "PartnerOnboardingFunction").requireJar();
        var jitModes = List.of(
                JitMode.template(TemplateFunction.globalJavaToolOptions(settings.template()).orElseThrow(
                        () -> new IllegalStateException("template.yaml sets no Globals JAVA_TOOL_OPTIONS"))),
                JitMode.jvmDefault());

        Path workDirectory = emptied(settings.outputDirectory().resolve("cold-start"));
        var events = new BenchmarkEvents(workDirectory.resolve("events"));
        progress("starting DynamoDB Local, creating PartnersTable, registering a partner in-process");
        var table = SeededPartnersTable.start(events);

        var cases = casesToMeasure(settings, authorizer, onboarding, events, table);
        String loadBefore = MachineInfo.loadAverage();
        var results = measure(settings, cases, jitModes, workDirectory.resolve("logs"));

        var jars = List.of(
                JarInfo.of("hello-world", settings.helloWorldJar()),
                JarInfo.of("api-key-authorizer", authorizer.jar()),
                JarInfo.of("partner-onboarding", onboarding.jar()),
                JarInfo.of("probe (added to every classpath)", settings.probeJar()));
        Instant finished = Instant.now();
        var report = new ColdStartReport(MachineInfo.collect(settings.javaExecutable()), jars, results,
                settings.runs(), finished, Duration.between(started, finished), loadBefore, MachineInfo.loadAverage());
        String markdown = BenchmarkTable.markdown(report);
        System.out.println(markdown);
        Path output = Files.writeString(settings.outputDirectory().resolve("cold-start.md"), markdown);
        progress("written to " + output);
    }

    private static List<ColdStartCase> casesToMeasure(BenchmarkSettings settings, TemplateFunction authorizer,
            TemplateFunction onboarding, BenchmarkEvents events, SeededPartnersTable table) {
        return List.of(
                new ColdStartCase(HELLO_WORLD, "hello-world (aws-lambda-java-core only)", "a String",
                        settings.helloWorldJar(), HelloWorldHandler.class.getName(), String.class.getName(),
                        same(events.write(BenchmarkEvents.HELLO_WORLD, Map.of())), Map.of(), "body=Hello, "),
                new ColdStartCase("api-key-authorizer", "api-key-authorizer", "REQUEST authorizer event, valid partner key",
                        authorizer.jar(), authorizer.handlerClass(), APIGatewayCustomAuthorizerEvent.class.getName(),
                        same(events.write(BenchmarkEvents.AUTHORIZER_GET_PARTNERS_ME, table.partner())),
                        environmentOf(authorizer, table), "effect=Allow"),
                new ColdStartCase("partner-onboarding-get", "partner-onboarding", "`GET /partners/me`",
                        onboarding.jar(), onboarding.handlerClass(), APIGatewayProxyRequestEvent.class.getName(),
                        same(events.write(BenchmarkEvents.ONBOARDING_GET_PARTNERS_ME, table.partner())),
                        environmentOf(onboarding, table), "statusCode=200"),
                new ColdStartCase("partner-onboarding-post", "partner-onboarding", "`POST /partners` (registration)",
                        onboarding.jar(), onboarding.handlerClass(), APIGatewayProxyRequestEvent.class.getName(),
                        () -> events.write(BenchmarkEvents.ONBOARDING_POST_PARTNERS, SeededPartnersTable.freshIdempotencyKey()),
                        environmentOf(onboarding, table), "statusCode=201"));
    }

    /** Every case under every JIT mode, {@code runs} fresh JVMs each. */
    private static List<CaseResult> measure(BenchmarkSettings settings, List<ColdStartCase> cases, List<JitMode> jitModes,
            Path logDirectory) throws IOException, InterruptedException {
        List<CaseResult> results = new ArrayList<>();
        for (var coldStartCase : cases) {
            for (var jit : jitModes) {
                results.add(new CaseResult(coldStartCase, jit));
            }
        }
        try (var launcher = new JvmLauncher(settings.javaExecutable(), settings.probeJar(), logDirectory, LAUNCH_TIMEOUT)) {
            // Run by run across all rows, so drift on the machine (other load, thermal) spreads evenly.
            for (int run = 1; run <= settings.runs(); run++) {
                for (var result : results) {
                    var launch = launcher.launch(result.coldStartCase(), result.jit(), run);
                    result.launches().add(launch);
                    progress(String.format(Locale.ROOT, "run %d/%d  %-24s %-8s %6.0f ms  %s", run, settings.runs(),
                            result.coldStartCase().id(), result.jit().id(), launch.totalMillis(), launch.summary()));
                }
            }
        }
        return results;
    }

    /** The template's variables for this function (with local values) plus those Lambda itself sets. */
    private static Map<String, String> environmentOf(TemplateFunction function, SeededPartnersTable table) {
        Map<String, String> environment = new HashMap<>();
        var available = table.functionEnvironment();
        for (String name : concat(function.environmentVariableNames(), RUNTIME_VARIABLES)) {
            String value = available.get(name);
            if (value == null) {
                throw new IllegalStateException(function.logicalId() + " needs " + name
                        + " (template.yaml) but the benchmark has no local value for it");
            }
            environment.put(name, value);
        }
        return environment;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Events and logs of an earlier run must not be mistaken for this one's. */
    private static Path emptied(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> tree = Files.walk(directory)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(directory);
    }

    private static Supplier<Path> same(Path event) {
        return () -> event;
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
