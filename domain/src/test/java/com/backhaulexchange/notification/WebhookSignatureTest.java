package com.backhaulexchange.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "whsec_0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String BODY = "{\"eventId\":\"01JD0000000000000000000000\",\"type\":\"WEBHOOK_TEST\","
            + "\"occurredAt\":\"2026-11-20T14:00:00Z\",\"data\":{}}";
    private static final Instant SENT = Instant.ofEpochSecond(1795183407L);

    /**
     * Computed independently with OpenSSL:
     * {@code printf '%s' '1795183407.<body>' | openssl dgst -sha256 -hmac '<secret>'}.
     */
    @Test
    void theHeaderIsTheTimestampAndTheHmacOfTimestampDotBodyAsOpenSslComputesIt() {
        assertThat(WebhookSignature.header(BODY, SECRET, SENT)).isEqualTo(
                "t=1795183407,v1=20f21d7081149637268a83064f35278a0357cb35bba67e542121494146e1f62f");
    }

    @Test
    void theBodyIsSignedAsItsUtf8Bytes() {
        assertThat(WebhookSignature.hmacHex(1795183407L, "{\"city\":\"Zürich\"}", SECRET))
                .isEqualTo("14fbcc77b4cdd48e205a28f81e2df78697d9761222591201283df433ce88d911");
    }

    @Test
    void aReceiverVerifiesItsOwnSignatureWithinTheTolerance() {
        String header = WebhookSignature.header(BODY, SECRET, SENT);

        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT.plusSeconds(299), Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT.minusSeconds(60), Duration.ofMinutes(5)))
                .as("a receiver's clock a little behind").isTrue();
    }

    @Test
    void anythingElseIsRejected() {
        String header = WebhookSignature.header(BODY, SECRET, SENT);
        Duration tolerance = WebhookSignature.DEFAULT_TOLERANCE;

        assertThat(WebhookSignature.verify(header, BODY + " ", SECRET, SENT, tolerance)).as("body changed").isFalse();
        assertThat(WebhookSignature.verify(header, BODY, SECRET + "x", SENT, tolerance)).as("other secret").isFalse();
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT.plusSeconds(301), tolerance)).as("replayed late")
                .isFalse();
        assertThat(WebhookSignature.verify(header.replace("t=1795183407", "t=1795183408"), BODY, SECRET, SENT,
                tolerance)).as("timestamp changed").isFalse();
        assertThat(WebhookSignature.verify("v1=" + header.split("v1=")[1], BODY, SECRET, SENT, tolerance))
                .as("no timestamp").isFalse();
        assertThat(WebhookSignature.verify("t=1795183407", BODY, SECRET, SENT, tolerance)).as("no MAC").isFalse();
        assertThat(WebhookSignature.verify("t=soon,v1=00", BODY, SECRET, SENT, tolerance)).isFalse();
        assertThat(WebhookSignature.verify(null, BODY, SECRET, SENT, tolerance)).isFalse();
    }

    @Test
    void oneMatchingV1AmongSeveralIsEnoughAndHexCaseDoesNotMatter() {
        String mac = WebhookSignature.hmacHex(SENT.getEpochSecond(), BODY, SECRET);
        String header = "t=" + SENT.getEpochSecond() + ",v1=" + "0".repeat(64) + ", v1=" + mac.toUpperCase();

        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT, WebhookSignature.DEFAULT_TOLERANCE)).isTrue();
    }
}
