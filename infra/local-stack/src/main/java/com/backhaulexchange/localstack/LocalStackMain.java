package com.backhaulexchange.localstack;

import com.backhaulexchange.localstack.demo.CapabilityShowcase;
import com.backhaulexchange.localstack.demo.DemoSeeder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Command line entry point: runs the stack until Ctrl-C.
 *
 * <pre>
 * --template PATH       the SAM template (default ./template.yaml)
 * --port N              port of the local API (default 3000)
 * --data-dir DIR        keep DynamoDB data in DIR across restarts (default: in memory)
 * --parameter Key=Value a template parameter (repeatable)
 * --run-schedules       also run rate(...) schedules on a timer
 * --demo                seed one example of every capability (CapabilityShowcase), then a network of partners
 *                       in US cities, their trucks and loads (DemoSeeder)
 * --console-dir DIR     serve the built partner console in DIR under /console/ (ADR 28)
 * </pre>
 */
public final class LocalStackMain {

    private static final String USAGE = """
            Usage: local-stack [--template PATH] [--port N] [--data-dir DIR] [--parameter Key=Value]... \
            [--run-schedules] [--demo] [--console-dir DIR]
              --template PATH        the SAM template to run (default ./template.yaml)
              --port N               port of the local API on localhost (default 3000, 0 = any free port)
              --data-dir DIR         keep DynamoDB data in DIR across restarts (default: in memory)
              --parameter Key=Value  value of a template parameter; repeat for several
              --run-schedules        also run rate(...) schedules on a timer (else fire them by hand)
              --demo                 seed an example of every capability and a network of partners, trucks and
                                     loads between US cities (BHX_OPERATOR_KEY settles its collaboration)
              --console-dir DIR      serve the built partner console in DIR at /console/ (./bhx local builds it)
            """;

    private LocalStackMain() {
    }

    /** The parsed command line. */
    record Arguments(LocalStackOptions options, boolean demo, boolean help) {
    }

    public static void main(String[] args) throws InterruptedException {
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.print(USAGE);
            return;
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(arguments.options());
        } catch (RuntimeException e) {
            System.err.println("The local stack did not start: " + describe(e));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local stack...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.print(StartupBanner.render(stack));
        if (arguments.demo()) {
            seedDemo(stack, System.getenv("BHX_OPERATOR_KEY"), DemoSeeder.Size.DEFAULT, System.out::print);
        }
        stopped.await();
    }

    /** A fixed seed: every newcomer sees the same demo (on dates relative to now). */
    static final long DEMO_SEED = 20_261_123L;

    /** What {@code --demo} seeded, how long the showcase took, and how long it all took. */
    record DemoSeeding(CapabilityShowcase.Showcase showcase, DemoSeeder.Outcome network, Duration showcaseTook,
            Duration took) {
    }

    /**
     * The showcase of every capability first, so that its matching is not queued behind the network's 300
     * postings, and its commands are printed to {@code out} as soon as it is there; then the network.
     * {@code operatorKey} (./bhx local passes it in BHX_OPERATOR_KEY) moves the settlement clock to settle the
     * showcase's pool.
     */
    static DemoSeeding seedDemo(LocalStack stack, String operatorKey, DemoSeeder.Size networkSize,
            Consumer<String> out) {
        long started = System.nanoTime();
        out.accept("Seeding the demo: an example of every capability (15 to 20 s), then a network...\n");
        var showcase = new CapabilityShowcase(stack.httpBaseUrl(), new Random(DEMO_SEED), Clock.systemUTC(),
                operatorKey).seed();
        Duration showcaseTook = Duration.ofNanos(System.nanoTime() - started);
        out.accept(StartupBanner.showcase(stack, showcase, showcaseTook));
        var network = new DemoSeeder(stack.httpBaseUrl(), new Random(DEMO_SEED), Clock.systemUTC())
                .seed(networkSize);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        out.accept(StartupBanner.network(network, took));
        return new DemoSeeding(showcase, network, showcaseTook, took);
    }

    /** The failure and its causes, one per line: enough to act on without a stack trace. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            text.append(System.lineSeparator()).append("  caused by ").append(cause);
        }
        return text.toString();
    }

    static Arguments parse(String[] args) {
        // Webhooks on this machine are receivers on localhost (ADR 16); in AWS, WebhookAllowLoopbackUrls is false.
        LocalStackOptions.Builder options = LocalStackOptions.builder().httpPort(3000)
                .environment("WEBHOOK_ALLOW_LOOPBACK_URLS", "true");
        // Local only: shifts the settlement functions' clock to form and close collaboration periods (ADR 20).
        String settlementClockOffset = System.getenv("BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS");
        if (settlementClockOffset != null && !settlementClockOffset.isBlank()) {
            options.environment("BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS", settlementClockOffset.trim());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        boolean demo = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            switch (argument) {
                case "--template" -> options.templatePath(Path.of(value(args, ++i, argument)));
                case "--port" -> options.httpPort(port(value(args, ++i, argument)));
                case "--data-dir" -> options.dataDirectory(Path.of(value(args, ++i, argument)));
                case "--parameter" -> {
                    String pair = value(args, ++i, argument);
                    int equals = pair.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("--parameter needs Key=Value but got " + pair);
                    }
                    parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
                case "--run-schedules" -> options.runSchedules(true);
                case "--demo" -> demo = true;
                case "--console-dir" -> options.consoleDirectory(Path.of(value(args, ++i, argument)));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown argument " + argument);
            }
        }
        return new Arguments(options.parameterOverrides(parameters).build(), demo, help);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number but got " + text);
        }
    }
}
