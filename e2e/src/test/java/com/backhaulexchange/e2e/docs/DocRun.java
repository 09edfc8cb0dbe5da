package com.backhaulexchange.e2e.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the runnable blocks of one page, in order, in one {@code bash} with {@code set -euo pipefail}, in a
 * fresh working directory, with the given environment (the stack's URL and operator key). Before each block
 * the script announces it; a curl wrapper fails the script on an HTTP status the block does not expect (see
 * {@code executed-docs/prelude.sh}).
 */
public final class DocRun {
    private static final Pattern STARTED = Pattern.compile("\\[executed-docs] block (\\d+)\\n");

    /** How a page ended: the exit code (or null when it timed out), the combined output, the block it was in. */
    public record Result(DocPage page, Integer exitCode, String output, Duration took) {
        public boolean passed() {
            return exitCode != null && exitCode == 0;
        }

        /** The block that was running when the script stopped, or null before the first one. */
        public DocBlock lastStartedBlock() {
            Matcher matcher = STARTED.matcher(output);
            Integer number = null;
            while (matcher.find()) {
                number = Integer.valueOf(matcher.group(1));
            }
            if (number == null) {
                return null;
            }
            int wanted = number;
            return page.blocks().stream().filter(block -> block.number() == wanted).findFirst().orElse(null);
        }

        /** The output from the start of the failing block on. */
        public String outputOfLastBlock() {
            int at = output.lastIndexOf("[executed-docs] block ");
            return at < 0 ? output : output.substring(at);
        }

        public String describe() {
            DocBlock block = lastStartedBlock();
            StringBuilder text = new StringBuilder();
            text.append(page.name()).append(exitCode == null ? ": timed out" : ": exited " + exitCode);
            if (block != null) {
                text.append(" in block ").append(block.number()).append(" (line ").append(block.line())
                        .append(")\n--- block ---\n").append(block.source());
            }
            text.append("--- output of that block ---\n").append(tail(outputOfLastBlock(), 6_000));
            return text.toString();
        }
    }

    private DocRun() {
    }

    public static String script(DocPage page) {
        StringBuilder script = new StringBuilder(prelude());
        for (DocBlock block : page.runnable()) {
            script.append("\n__doc_block ").append(block.number()).append(' ').append(block.mode()).append('\n')
                    .append("# ").append(page.name()).append(", line ").append(block.line()).append('\n')
                    .append(block.source())
                    .append("\n__doc_block_end ").append(block.number()).append('\n');
        }
        return script.toString();
    }

    public static Result run(DocPage page, Map<String, String> environment, Path workDirectory, Duration timeout) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(workDirectory);
            Path scriptFile = workDirectory.resolve(".executed-docs.sh");
            Files.writeString(scriptFile, script(page));
            ProcessBuilder builder = new ProcessBuilder("bash", scriptFile.toString())
                    .directory(workDirectory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            Path log = workDirectory.resolve(".executed-docs.log");
            Thread drain = Thread.ofVirtual().start(() -> copy(process.getInputStream(), log));
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            drain.join(Duration.ofSeconds(5));
            String output = Files.exists(log) ? Files.readString(log) : "";
            return new Result(page, finished ? process.exitValue() : null, output,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void copy(InputStream from, Path to) {
        try (from) {
            Files.write(to, from.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String prelude() {
        try (InputStream in = DocRun.class.getResourceAsStream("/executed-docs/prelude.sh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
    }
}
