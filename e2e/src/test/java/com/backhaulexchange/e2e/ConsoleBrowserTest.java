package com.backhaulexchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.backhaulexchange.localstack.LocalStack;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The partner console (ADR 28) in a real browser over the real local stack: builds the console with npm, starts
 * the stack from template.yaml serving it at /console/, and runs its Playwright tests (console/tests) with
 * Debian's Chromium. A missing Node.js or Chromium fails the test with what to install: CI must never pass
 * without having run them. A developer without them may skip the test with {@code BHX_SKIP_BROWSER_TESTS=true}
 * (docs/guide/console.md).
 */
class ConsoleBrowserTest {

    private static final String OPERATOR_KEY = "bhxop_" + "ConsoleBrowserOperatorKey0123456789abcdefghij".substring(0, 43);
    private static final Path CONSOLE = Path.of("..", "console").toAbsolutePath().normalize();
    private static final Path OUTPUT = Path.of("target", "console-browser").toAbsolutePath();
    private static final Duration NPM_CI_LIMIT = Duration.ofMinutes(5);
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(2);
    private static final Duration BROWSER_TESTS_LIMIT = Duration.ofMinutes(4);

    @Test
    @DisplayName("the console's unit and browser tests pass over the local stack in Debian's Chromium")
    void consoleWorksInARealBrowser() throws Exception {
        Assumptions.assumeFalse("true".equalsIgnoreCase(System.getenv("BHX_SKIP_BROWSER_TESTS")),
                "BHX_SKIP_BROWSER_TESTS=true: the console's browser tests are skipped on this machine");
        String npm = onPath("npm").orElseGet(() -> fail("""
                Node.js 20.19+ with npm is needed for the console's browser tests (ADR 28) but npm is not on the PATH.
                Install Node.js, or set BHX_SKIP_BROWSER_TESTS=true to skip them on this machine."""));
        Path chromium = Path.of(System.getenv().getOrDefault("BHX_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("""
                    Chromium is needed for the console's browser tests but %s is not there. Install Debian's \
                    (apt-get install -y chromium; .ci/run does), point BHX_CHROMIUM at another Chromium, or set \
                    BHX_SKIP_BROWSER_TESTS=true to skip them on this machine.""".formatted(chromium));
        }
        Files.createDirectories(OUTPUT);

        Path installed = CONSOLE.resolve("node_modules/.package-lock.json");
        if (!Files.isRegularFile(installed) || Files.getLastModifiedTime(CONSOLE.resolve("package-lock.json"))
                .compareTo(Files.getLastModifiedTime(installed)) > 0) {
            run("npm-ci", NPM_CI_LIMIT, Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
                    npm, "ci", "--no-audit", "--no-fund");
        }
        run("npm-build", BUILD_LIMIT, Map.of(), npm, "run", "build");

        try (LocalStack stack = LocalStack.builder()
                .templatePath(Path.of("..", "template.yaml").toAbsolutePath().normalize())
                .httpPort(0)
                .parameter("OperatorKeySha256", sha256Hex(OPERATOR_KEY))
                // As ./bhx local: the webhook journey adds a receiver on localhost.
                .parameter("WebhookAllowLoopbackUrls", "true")
                .consoleDirectory(CONSOLE.resolve("dist"))
                .start()) {
            String consoleUrl = stack.consoleUrl().orElseThrow().toString();
            run("playwright", BROWSER_TESTS_LIMIT, Map.of(
                            "BHX_CONSOLE_URL", consoleUrl,
                            // The statement journey settles a period with the operator's settlement clock control.
                            "BHX_OPERATOR_KEY", OPERATOR_KEY,
                            "BHX_CHROMIUM", chromium.toString(),
                            "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                            "CI", "1"),
                    Path.of(npm).resolveSibling("npx").toString(), "--no-install", "playwright", "test", "--output", OUTPUT.resolve("results").toString());
        }
    }

    /** Runs a command in console/; its output goes to target/console-browser/NAME.log and, on failure, into the message. */
    private static void run(String name, Duration limit, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Path log = OUTPUT.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(CONSOLE.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("%s took longer than %s; its output is in %s:%n%s", String.join(" ", command), limit, log, tail(log));
        }
        assertThat(process.exitValue())
                .as("%s failed; its output is in %s:%n%s", String.join(" ", command), log, tail(log))
                .isZero();
        System.out.println(tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    private static java.util.Optional<String> onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate.toString());
            }
        }
        return java.util.Optional.empty();
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
