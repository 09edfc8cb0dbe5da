package com.backhaulexchange.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The executed-docs machinery on its own: how pages are read, and that a run fails where it should. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocRunTest {
    private HttpServer server;
    private String url;

    @TempDir
    Path work;

    @BeforeAll
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", exchange -> {
            int status = Integer.parseInt(exchange.getRequestURI().getPath().substring(1));
            byte[] body = ("{\"status\": " + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @Test
    @DisplayName("shell blocks are read in order with their markers; other fences are read past")
    void readsBlocks() {
        var page = DocPage.parse("p.md", """
                # Title
                ```bash
                A=1
                ```
                ```json
                {"a": 1}
                ```
                ```sh expect-4xx
                curl x
                ```
                ```bash no-run
                ./bhx local
                ```
                """);
        assertThat(page.blocks()).extracting(DocBlock::number, DocBlock::line, DocBlock::mode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 2, DocBlock.Mode.RUN),
                org.assertj.core.groups.Tuple.tuple(2, 8, DocBlock.Mode.EXPECT_4XX),
                org.assertj.core.groups.Tuple.tuple(3, 11, DocBlock.Mode.NO_RUN));
        assertThat(page.runnable()).hasSize(2);
        assertThat(page.skipped()).extracting(DocBlock::firstLine).containsExactly("./bhx local");
    }

    @Test
    @DisplayName("a fence left open or an unknown marker is an error, not a page that silently runs less")
    void refusesBrokenPages() {
        assertThatThrownBy(() -> DocPage.parse("p.md", "```bash\ncurl x\n")).hasMessageContaining("p.md:1")
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> DocPage.parse("p.md", "```bash skip\ncurl x\n```\n"))
                .hasMessageContaining("unknown marker 'skip'");
    }

    @Test
    @DisplayName("2xx passes; variables carry from block to block; the body reaches pipes and $(...)")
    void passes() {
        var result = run("```bash\nS=$(curl -s $U/200 | jq -r .status)\n```\n```bash\n[[ $S == 200 ]]\n```\n");
        assertThat(result.passed()).as(result.describe()).isTrue();
    }

    @Test
    @DisplayName("an unmarked block fails on a 4xx, naming the page, block and status, with the body")
    void failsOn4xx() {
        var result = run("```bash\ncurl -s $U/200\n```\n```bash\ncurl -s $U/409 | cat\necho never\n```\n");
        assertThat(result.passed()).isFalse();
        assertThat(result.lastStartedBlock().number()).isEqualTo(2);
        assertThat(result.describe()).contains("p.md: exited 22 in block 2 (line 4)")
                .contains("unexpected HTTP 409").contains("{\"status\": 409}");
        assertThat(result.output()).doesNotContain("\nnever\n");
    }

    @Test
    @DisplayName("expect-4xx lets a 4xx through, still fails on 5xx, and fails when no 4xx came at all")
    void expect4xx() {
        assertThat(run("```bash expect-4xx\ncurl -s $U/404\n```\n```bash\ncurl -s $U/200\n```\n").passed()).isTrue();
        assertThat(run("```bash expect-4xx\ncurl -s $U/503\n```\n").passed()).isFalse();
        var none = run("```bash expect-4xx\ncurl -s $U/200\n```\n");
        assertThat(none.passed()).isFalse();
        assertThat(none.output()).contains("marked expect-4xx but received no 4xx");
        assertThat(run("```bash expect-4xx\ncurl -s $U/404\n```\n```bash\ncurl -s $U/404\n```\n").passed())
                .as("the marker covers its own block only").isFalse();
    }

    @Test
    @DisplayName("a failing command, an unset variable and a block that hangs each fail the page")
    void failsOnShellErrors() {
        assertThat(run("```bash\nfalse\n```\n").passed()).isFalse();
        assertThat(run("```bash\necho $NOT_DEFINED\n```\n").passed()).isFalse();
        var hung = DocRun.run(DocPage.parse("p.md", "```bash\nsleep 30\n```\n"), Map.of(), work.resolve("hung"),
                Duration.ofSeconds(1));
        assertThat(hung.exitCode()).isNull();
        assertThat(hung.describe()).contains("timed out");
    }

    @Test
    @DisplayName("no-run blocks are not run")
    void skips() {
        assertThat(run("```bash no-run\nfalse\n```\n").passed()).isTrue();
    }

    private int runs;

    private DocRun.Result run(String markdown) {
        return DocRun.run(DocPage.parse("p.md", markdown), Map.of("U", url), work.resolve("run" + runs++),
                Duration.ofSeconds(20));
    }
}
