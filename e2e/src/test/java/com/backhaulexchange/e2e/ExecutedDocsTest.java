package com.backhaulexchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.e2e.docs.DocBlock;
import com.backhaulexchange.e2e.docs.DocPage;
import com.backhaulexchange.e2e.docs.DocRun;
import com.backhaulexchange.localstack.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Documentation that runs (issue 15): the shell blocks of every page of {@code docs/guide/} and of the
 * README run, in order, one bash per page with {@code set -euo pipefail}, against one local stack started from
 * template.yaml, as a reader would run them against {@code ./bhx local}. Each page gets {@code BHX_URL} (the
 * stack) and {@code BHX_OPERATOR_KEY}, and nothing from any other page: every page is its own journey.
 *
 * <p>Any HTTP status of 400 or more fails the page, unless its block is marked {@code ```bash expect-4xx}
 * (which must then receive a 4xx, and never a 5xx). Blocks for humans only ({@code ./bhx local}, deploying)
 * are marked {@code ```bash no-run}; they are listed, never silently dropped. The machinery is
 * {@link DocPage} and {@link DocRun}, tested on its own in {@code DocRunTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutedDocsTest {
    private static final String OPERATOR_KEY = "bhxop_" + "E2eDocsOperatorKey0123456789abcdefghijklmnop".substring(0, 43);
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

    private LocalStack stack;
    private Path work;

    @BeforeAll
    void start() throws IOException {
        stack = LocalStack.builder()
                .templatePath(ROOT.resolve("template.yaml"))
                .httpPort(0)
                .parameter("OperatorKeySha256", Journeys.sha256Hex(OPERATOR_KEY))
                // As ./bhx local does: webhooks may point at a receiver on this machine.
                .environment("WEBHOOK_ALLOW_LOOPBACK_URLS", "true")
                .start();
        work = Files.createDirectories(ROOT.resolve("e2e/target/executed-docs"));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** The walkthroughs: each must keep blocks that run, or a page marked no-run wholesale would pass unseen. */
    private static final List<String> WALKTHROUGHS = List.of("README.md", "docs/guide/partners.md",
            "docs/guide/lanes-and-matching.md", "docs/guide/packages.md", "docs/guide/negotiation-and-booking.md", "docs/guide/tracking.md", "docs/guide/webhooks.md",
            "docs/guide/allocation-preview.md", "docs/guide/collaborations-and-settlement.md",
            "docs/guide/local-stack.md");

    @TestFactory
    Stream<DynamicTest> everyPageRunsAsWritten() throws IOException {
        return pages().stream().map(file -> {
            String name = ROOT.relativize(file).toString();
            return DynamicTest.dynamicTest(name, () -> runPage(DocPage.read(file, name)));
        });
    }

    private void runPage(DocPage page) {
        for (DocBlock skipped : page.skipped()) {
            System.out.printf("[executed-docs] %s: block %d (line %d) is marked no-run: %s%n", page.name(),
                    skipped.number(), skipped.line(), skipped.firstLine());
        }
        if (page.runnable().isEmpty()) {
            assertThat(WALKTHROUGHS).as(page.name() + " is a walkthrough but has no block that runs")
                    .doesNotContain(page.name());
            System.out.printf("[executed-docs] %s: no runnable block%n", page.name());
            return;
        }
        String base = stack.httpBaseUrl().toString().replaceAll("/+$", "");
        var result = DocRun.run(page, Map.of("BHX_URL", base, "BHX_OPERATOR_KEY", OPERATOR_KEY),
                work.resolve(page.name().replace('/', '_').replace(".md", "")), PAGE_TIMEOUT);
        System.out.printf("[executed-docs] %s: %d block(s) in %d ms%n", page.name(), page.runnable().size(),
                result.took().toMillis());
        assertThat(result.passed()).as(result::describe).isTrue();
    }

    /** README.md, then the guide's pages by name. */
    private static List<Path> pages() throws IOException {
        try (Stream<Path> guide = Files.list(ROOT.resolve("docs/guide"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")),
                    guide.filter(file -> file.toString().endsWith(".md")).sorted()).toList();
        }
    }
}
