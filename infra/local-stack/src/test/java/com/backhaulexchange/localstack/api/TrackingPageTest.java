package com.backhaulexchange.localstack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrackingPageTest {
    private final TrackingPage page = new TrackingPage();

    @Test
    void servesTheSelfContainedPageWithAPolicyThatLoadsNothingFromElsewhere() {
        var response = page.respond("GET", "/track/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("Content-Type")).containsExactly("text/html; charset=utf-8");
        assertThat(response.headers().get("Content-Security-Policy").getFirst()).contains("default-src 'none'",
                "connect-src 'self'");
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("/public/tracking/", "location.hash").doesNotContain("src=\"http", "href=\"http");
    }

    @Test
    void answersOnlyItsOwnPathAndOnlyReads() {
        assertThat(page.respond("GET", "/track").status()).isEqualTo(308);
        assertThat(page.respond("GET", "/track/../partners").status()).isEqualTo(404);
        assertThat(page.respond("POST", "/track/").status()).isEqualTo(405);
        assertThat(page.serves("/trackings")).isFalse();
    }
}
