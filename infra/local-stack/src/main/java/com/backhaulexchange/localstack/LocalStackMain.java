package com.backhaulexchange.localstack;

import com.backhaulexchange.localstack.demo.DemoSeeder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command line entry point: runs the stack until Ctrl-C.
 *
 * <pre>
 * --template PATH       the SAM template (default ./template.yaml)
 * --port N              port of the local API (default 3000)
 * --data-dir DIR        keep DynamoDB data in DIR across restarts (default: in memory)
 * --parameter Key=Value a template parameter (repeatable)
 * --run-schedules       also run rate(...) schedules on a timer
 * --demo                seed a demo network: partners in US cities, their trucks and loads (DemoSeeder)
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
              --demo                 seed a demo network of partners, trucks and loads between US cities
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
            seedDemoNetwork(stack);
        }
        stopped.await();
    }

    /** A fixed seed: every newcomer sees the same network (on dates relative to today). */
    static final long DEMO_SEED = 20_261_123L;

    private static void seedDemoNetwork(LocalStack stack) {
        System.out.println("Seeding the demo network...");
        var outcome = new DemoSeeder(stack.httpBaseUrl(), new java.util.Random(DEMO_SEED), java.time.Clock.systemUTC())
                .seed(DemoSeeder.Size.DEFAULT);
        outcome.failures().forEach(failure -> System.out.println("  refused: " + failure));
        System.out.printf("Demo network: %d partners, %d trucks, %d loads (%d posted on the way of a truck).%n",
                outcome.partners().size(), outcome.trucks().size(), outcome.loads().size(),
                outcome.loadsOnTheWay().size());
        System.out.println("Matching runs in the background: the first matches appear within seconds, all within"
                + " a minute or two. Try, as one of the shippers:");
        outcome.loadsOnTheWay().stream().findFirst().ifPresent(load -> {
            int port = stack.httpBaseUrl().getPort();
            System.out.printf("  KEY=%s%n", load.ownerApiKey());
            System.out.println("  curl -s localhost:" + port + "/lanes -H \"Authorization: Bearer $KEY\"");
            System.out.println("  curl -s localhost:" + port + "/lanes/" + load.laneId()
                    + "/matches -H \"Authorization: Bearer $KEY\"");
        });
        stack.consoleUrl().ifPresent(console -> {
            System.out.println("Or sign in to the console at " + console + " with one of these keys:");
            outcome.loadsOnTheWay().stream().findFirst()
                    .ifPresent(load -> System.out.println("  a shipper:  " + load.ownerApiKey()));
            outcome.partners().stream().filter(partner -> partner.carrier() && !partner.shipper()).findFirst()
                    .ifPresent(carrier -> System.out.println("  a carrier:  " + carrier.apiKey()
                            + "  (" + carrier.legalName() + ")"));
        });
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
