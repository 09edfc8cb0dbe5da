package com.backhaulexchange.localstack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticSiteTest {

    @TempDir
    Path workspace;

    private StaticSite site;

    @BeforeEach
    void buildSite() throws IOException {
        Path root = Files.createDirectories(workspace.resolve("dist"));
        Files.writeString(root.resolve("index.html"), "<!doctype html><title>console</title>");
        Files.createDirectories(root.resolve("assets"));
        Files.writeString(root.resolve("assets/index-abc123.js"), "console.log(1)");
        Files.writeString(workspace.resolve("secret.txt"), "outside the site");
        site = new StaticSite("/console/", root);
    }

    private static String body(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesTheAppAtItsPrefixAndForItsOwnRoutes() throws IOException {
        HttpResponse root = site.respond("GET", "/console/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.headers().get("Content-Type")).containsExactly("text/html; charset=utf-8");
        assertThat(root.headers().get("Cache-Control")).containsExactly("no-cache");
        assertThat(body(root)).contains("<title>console</title>");
        assertThat(body(site.respond("GET", "/console/lanes/ln_123"))).contains("<title>console</title>");
    }

    @Test
    void servesHashedAssetsWithTheirMediaTypeAndForever() throws IOException {
        HttpResponse script = site.respond("GET", "/console/assets/index-abc123.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.headers().get("Content-Type")).containsExactly("text/javascript; charset=utf-8");
        assertThat(script.headers().get("Cache-Control")).containsExactly("public, max-age=31536000, immutable");
        assertThat(body(script)).isEqualTo("console.log(1)");
    }

    @Test
    void aMissingAssetIsNotFoundRatherThanTheApp() throws IOException {
        assertThat(site.respond("GET", "/console/assets/gone.js").status()).isEqualTo(404);
    }

    @Test
    void neverReadsOutsideItsDirectory() throws IOException {
        HttpResponse escape = site.respond("GET", "/console/../secret.txt");
        assertThat(escape.status()).isEqualTo(404);
        assertThat(body(escape)).doesNotContain("outside the site");
        assertThat(site.respond("GET", "/console/assets/../../secret.txt").status()).isEqualTo(404);
    }

    @Test
    void thePrefixWithoutItsSlashRedirectsToIt() throws IOException {
        HttpResponse redirect = site.respond("GET", "/console");
        assertThat(redirect.status()).isEqualTo(308);
        assertThat(redirect.headers().get("Location")).containsExactly("/console/");
    }

    @Test
    void servesItsPrefixAndWhatIsUnderItOnly() {
        assertThat(site.serves("/console")).isTrue();
        assertThat(site.serves("/console/")).isTrue();
        assertThat(site.serves("/console/assets/index-abc123.js")).isTrue();
        assertThat(site.serves("/consoles")).isFalse();
        assertThat(site.serves("/partners")).isFalse();
    }

    @Test
    void onlyReads() throws IOException {
        HttpResponse post = site.respond("POST", "/console/");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.headers().get("Allow")).containsExactly("GET, HEAD");
    }

    @Test
    void anUnbuiltConsoleSaysSo() throws IOException {
        StaticSite unbuilt = new StaticSite("/console/", workspace.resolve("missing"));
        HttpResponse response = unbuilt.respond("GET", "/console/");
        assertThat(response.status()).isEqualTo(404);
        assertThat(body(response)).contains("not built");
    }
}
