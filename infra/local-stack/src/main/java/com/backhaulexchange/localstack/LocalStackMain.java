package com.backhaulexchange.localstack;

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
 * --demo                seed demo data
 * </pre>
 */
public final class LocalStackMain {

    private static final String USAGE = """
            Usage: local-stack [--template PATH] [--port N] [--data-dir DIR] [--parameter Key=Value]... \
            [--run-schedules] [--demo]
              --template PATH        the SAM template to run (default ./template.yaml)
              --port N               port of the local API on localhost (default 3000, 0 = any free port)
              --data-dir DIR         keep DynamoDB data in DIR across restarts (default: in memory)
              --parameter Key=Value  value of a template parameter; repeat for several
              --run-schedules        also run rate(...) schedules on a timer (else fire them by hand)
              --demo                 seed demo data
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
            System.out.println("demo seeding: not available yet");
        }
        stopped.await();
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
        LocalStackOptions.Builder options = LocalStackOptions.builder().httpPort(3000);
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
