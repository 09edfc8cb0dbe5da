package com.backhaulexchange.benchmarks;

import com.backhaulexchange.benchmarks.probe.ColdStartProbe;
import com.backhaulexchange.benchmarks.probe.JacksonCodec;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts one fresh JVM running {@link ColdStartProbe} with the case's jar, and times it from
 * outside: from just before {@link ProcessBuilder#start()} to reading the FIRST_RESPONSE line.
 * A probe that fails, answers something other than the expected success, or hangs fails the
 * whole benchmark: a failed call is never timed.
 */
final class JvmLauncher implements AutoCloseable {
    private static final Pattern CLOCKS = Pattern.compile(
            ColdStartProbe.CLOCKS + " mainEnteredEpochMillis=(\\d+) jvmStartEpochMillis=(\\d+) loadedClasses=(\\d+)");

    private final Path java;
    private final Path probeJar;
    private final Path logDirectory;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "probe-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    JvmLauncher(Path java, Path probeJar, Path logDirectory, Duration timeout) throws IOException {
        this.java = java;
        this.probeJar = probeJar;
        this.logDirectory = Files.createDirectories(logDirectory);
        this.timeout = timeout;
    }

    Launch launch(ColdStartCase coldStartCase, JitMode jit, int run) throws IOException, InterruptedException {
        PreparedEvent prepared = coldStartCase.events().get();
        Path event = prepared.file();
        Path stderr = logDirectory.resolve(coldStartCase.id() + "-" + jit.id() + "-run" + run + ".stderr.log");
        // The jar under test plus the probe's few classes: nothing else on the classpath.
        var command = new java.util.ArrayList<String>(List.of(java.toString()));
        if (Boolean.getBoolean("bench.coldStart.classLog")) {
            // Which classes a cold start loads, in order and from where: where a function's time above the floor goes.
            command.add("-Xlog:class+load=info:file=" + stderr + ".classes");
        }
        command.addAll(List.of("-cp", coldStartCase.jar() + File.pathSeparator + probeJar,
                ColdStartProbe.class.getName(), coldStartCase.handlerClass(), event.toString(), coldStartCase.eventClass()));
        var builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        // Only what Lambda would give the function: nothing leaks in from the shell or from Maven.
        builder.environment().clear();
        builder.environment().putAll(coldStartCase.environment());
        jit.javaToolOptions().ifPresent(options -> builder.environment().put("JAVA_TOOL_OPTIONS", options));

        long launchedEpochMillis = System.currentTimeMillis();
        long launchedNanos = System.nanoTime();
        Process process = builder.start();
        var kill = watchdog.schedule(process::destroyForcibly, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (BufferedReader stdout = process.inputReader(StandardCharsets.UTF_8)) {
            String response = nextProtocolLine(stdout);
            long answeredNanos = System.nanoTime();
            if (response == null || !response.startsWith(ColdStartProbe.FIRST_RESPONSE + " ")) {
                throw failure(coldStartCase, jit, run, stderr, response == null
                        ? "no response (exited or killed after " + timeout.toSeconds() + " s)" : response);
            }
            String answer = response.substring(ColdStartProbe.FIRST_RESPONSE.length() + 1);
            String summary = answer.startsWith(ColdStartProbe.JSON_ANSWER)
                    ? summarizeJson(answer.substring(ColdStartProbe.JSON_ANSWER.length())) : answer;
            if (!summary.matches(coldStartCase.expectedSummary())) {
                throw failure(coldStartCase, jit, run, stderr,
                        "answered '" + summary + "', expected '" + coldStartCase.expectedSummary() + "'");
            }
            Matcher clocks = CLOCKS.matcher(String.valueOf(nextProtocolLine(stdout)));
            if (!clocks.matches()) {
                throw failure(coldStartCase, jit, run, stderr, "no CLOCKS line after the response");
            }
            long mainEntered = Long.parseLong(clocks.group(1));
            long jvmStarted = Long.parseLong(clocks.group(2));
            int loadedClasses = Integer.parseInt(clocks.group(3));
            if (process.waitFor() != 0) {
                throw failure(coldStartCase, jit, run, stderr, "exit code " + process.exitValue());
            }
            try {
                prepared.check().run();
            } catch (RuntimeException e) {
                throw failure(coldStartCase, jit, run, stderr, "answered '" + summary + "' but " + e.getMessage());
            }
            return new Launch((answeredNanos - launchedNanos) / 1e6, mainEntered - launchedEpochMillis,
                    mainEntered - jvmStarted, loadedClasses, summary);
        } finally {
            kill.cancel(false);
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Skips whatever else a library might print on stdout. */
    private static String nextProtocolLine(BufferedReader stdout) throws IOException {
        String line;
        while ((line = stdout.readLine()) != null) {
            if (line.startsWith(ColdStartProbe.FIRST_RESPONSE) || line.startsWith(ColdStartProbe.PROBE_FAILED)
                    || line.startsWith(ColdStartProbe.CLOCKS)) {
                return line;
            }
        }
        return null;
    }

    private static IllegalStateException failure(ColdStartCase coldStartCase, JitMode jit, int run, Path stderr,
            String what) throws IOException {
        List<String> log = Files.exists(stderr) ? Files.readAllLines(stderr) : List.of();
        String tail = String.join(System.lineSeparator(), log.subList(Math.max(0, log.size() - 25), log.size()));
        return new IllegalStateException("cold start of " + coldStartCase.id() + " (" + jit.id() + ", run " + run
                + ") failed: " + what + System.lineSeparator() + "stderr (" + stderr + "):" + System.lineSeparator() + tail);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    /** A stream handler's JSON answer, summarized here rather than in the JVM under test (ADR 36). */
    private static String summarizeJson(String json) {
        try {
            return JacksonCodec.summarizeJson(json);
        } catch (Exception e) {
            return "unreadable JSON answer: " + json;
        }
    }
}
