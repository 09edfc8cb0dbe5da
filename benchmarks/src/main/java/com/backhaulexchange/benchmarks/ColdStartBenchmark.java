package com.backhaulexchange.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.backhaulexchange.benchmarks.probe.ColdStartProbe;
import com.backhaulexchange.benchmarks.probe.JacksonCodec;
import com.backhaulexchange.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Cold start of every function of template.yaml, side by side with a floor (one DynamoDB GetItem with the
 * functions' SDK client) and a hello-world: N fresh JVMs per case, each timed from launch to the handler's first
 * response on a realistic event against DynamoDB Local and ElasticMQ. Prints a Markdown table and writes it to
 * target/cold-start.md. See docs/benchmarks.md.
 */
public final class ColdStartBenchmark {
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run();
            System.exit(0); // DynamoDB Local's and ElasticMQ's server threads would keep the JVM alive
        } catch (Exception | Error failure) {
            System.err.println("benchmark FAILED: " + failure.getMessage());
            failure.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Instant started = Instant.now();
        var settings = BenchmarkSettings.fromSystemProperties();
        List<JitMode> jitModes = jitModes(settings);

        Path workDirectory = emptied(settings.outputDirectory().resolve("cold-start"));
        var events = new SampleEvents(settings.eventsDirectory(), workDirectory.resolve("events"), started);
        progress("starting DynamoDB Local and ElasticMQ, creating the template's tables and queues, seeding");
        var stack = ColdStartStack.start(settings.template(), Map.of(
                "OperatorKeySha256", ColdStartScenarios.unusedOperatorKeyHash(),
                "WebhookAllowLoopbackUrls", "true"));
        var cases = ColdStartScenarios.build(settings, stack, events);
        for (var coldStartCase : cases) {
            checkInProcess(coldStartCase);
        }

        String loadBefore = MachineInfo.loadAverage();
        var results = measure(settings, cases, jitModes, workDirectory.resolve("logs"));

        Map<String, JarInfo> jars = new LinkedHashMap<>();
        for (var coldStartCase : cases) {
            jars.computeIfAbsent(coldStartCase.jarLabel(), label -> JarInfo.of(label, coldStartCase.jar()));
        }
        jars.put("probe", JarInfo.of("probe (added to every classpath)", settings.probeJar()));
        Instant finished = Instant.now();
        var report = new ColdStartReport(MachineInfo.collect(settings.javaExecutable()), List.copyOf(jars.values()),
                results, settings.runs(), finished, Duration.between(started, finished), loadBefore,
                MachineInfo.loadAverage(), events.weeksAhead());
        String markdown = BenchmarkTable.markdown(report);
        System.out.println(markdown);
        Path output = Files.writeString(settings.outputDirectory().resolve("cold-start.md"), markdown);
        progress("written to " + output);
    }

    private static List<JitMode> jitModes(BenchmarkSettings settings) {
        List<JitMode> modes = new ArrayList<>();
        for (String mode : settings.jitModes()) {
            modes.add(BenchmarkSettings.TEMPLATE_JIT.equals(mode)
                    ? JitMode.template(TemplateFunction.globalJavaToolOptions(settings.template()).orElseThrow(
                            () -> new IllegalStateException("template.yaml sets no Globals JAVA_TOOL_OPTIONS")))
                    : JitMode.jvmDefault());
        }
        return modes;
    }

    /**
     * Sends a prepared event through the case's handler in this JVM, with the same environment, before anything is
     * timed: a wrong event, a missing variable or seeding the request does not find fails here, and DynamoDB
     * Local's and ElasticMQ's own code paths are warm (the real services have no cold start to add to the function's).
     */
    @SuppressWarnings("unchecked")
    private static void checkInProcess(ColdStartCase coldStartCase) throws Exception {
        var prepared = coldStartCase.events().get();
        Object handler;
        try {
            handler = Class.forName(coldStartCase.handlerClass()).getConstructor(Map.class)
                    .newInstance(coldStartCase.environment());
        } catch (NoSuchMethodException e) {
            handler = Class.forName(coldStartCase.handlerClass()).getConstructor().newInstance();
        }
        String summary;
        if (handler instanceof RequestStreamHandler streamed) {
            summary = JacksonCodec.summarizeJson(((ColdStartProbe.StreamedAnswer) ColdStartProbe.invokeStreamed(
                    streamed, prepared.file())).json());
        } else {
            String text = Files.readString(prepared.file());
            Object event = String.class.getName().equals(coldStartCase.eventClass()) ? text.strip()
                    : JacksonCodec.read(text, Class.forName(coldStartCase.eventClass()));
            Object response = ((RequestHandler<Object, Object>) handler).handleRequest(event, new RecordingContext());
            summary = response instanceof String string ? "body=" + string : JacksonCodec.summarize(response);
        }
        if (!summary.matches(coldStartCase.expectedSummary())) {
            throw new IllegalStateException("in-process check of " + coldStartCase.id() + ": answered '" + summary
                    + "', expected '" + coldStartCase.expectedSummary() + "'");
        }
        prepared.check().run();
        progress(String.format(Locale.ROOT, "checked in-process  %-26s %s", coldStartCase.id(), summary));
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
                    progress(String.format(Locale.ROOT, "run %d/%d  %-26s %-8s %6.0f ms  %5d classes  %s", run,
                            settings.runs(), result.coldStartCase().id(), result.jit().id(), launch.totalMillis(),
                            launch.loadedClasses(), launch.summary()));
                }
            }
        }
        return results;
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

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
