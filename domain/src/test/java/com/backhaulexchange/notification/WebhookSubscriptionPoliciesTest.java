package com.backhaulexchange.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.policy.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookSubscriptionPoliciesTest {
    private static final String SECRET = "s".repeat(32);

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/bhx", "https://hooks.example.com:8443/a/b?x=1",
            "https://8.8.8.8/hook", "https://[2001:4860:4860::8888]/hook"})
    void publicHttpsUrlsAreAccepted(String url) {
        assertThat(WebhookSubscriptionPolicies.urlAcceptable(url, false)).isEqualTo(Decision.allowed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/hook", "http://127.0.0.1:9000/hook", "http://[::1]:9000/x",
            "https://localhost/hook", "http://127.1.2.3/x", "http://api.localhost/x"})
    void loopbackUrlsAreAcceptedOverHttpOrHttpsWhereLoopbackIsAllowed(String url) {
        assertThat(WebhookSubscriptionPolicies.urlAcceptable(url, true)).isEqualTo(Decision.allowed());
        assertThat(WebhookSubscriptionPolicies.urlAcceptable(url, false)).isInstanceOfSatisfying(
                Decision.Rejected.class, rejected -> assertThat(rejected.reasonCode()).isEqualTo("url-loopback"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://hooks.example.com/bhx, url-not-https",
            "ftp://hooks.example.com/bhx, url-not-https",
            "hooks.example.com/bhx, url-not-absolute",
            "https:///bhx, url-not-absolute",
            "mailto:ops@example.com, url-not-absolute",
            "https://user:pass@hooks.example.com/, url-user-info",
            "https://hooks.example.com/#frag, url-fragment",
            "https://hooks example.com/, url-malformed",
            "https://10.0.0.7/hook, url-private-address",
            "https://192.168.1.1/hook, url-private-address",
            "https://172.16.0.1/hook, url-private-address",
            "https://169.254.169.254/latest/meta-data, url-private-address",
            "https://100.64.0.1/hook, url-private-address",
            "https://0.0.0.0/hook, url-private-address",
            "https://[fd00::1]/hook, url-private-address",
            "https://[fe80::1]/hook, url-private-address",
            "http://10.0.0.7/hook, url-not-https",
    })
    void otherUrlsAreRejectedWithTheirReasonAtUrl(String url, String reasonCode) {
        assertThat(WebhookSubscriptionPolicies.urlAcceptable(url, true)).isInstanceOfSatisfying(Decision.Rejected.class,
                rejected -> {
                    assertThat(rejected.reasonCode()).isEqualTo(reasonCode);
                    assertThat(rejected.field()).isEqualTo("/url");
                });
    }

    @Test
    void aMissingOrOverlongUrlIsRejected() {
        assertThat(WebhookSubscriptionPolicies.urlAcceptable("  ", true)).isInstanceOf(Decision.Rejected.class);
        assertThat(WebhookSubscriptionPolicies.urlAcceptable("https://h.example.com/" + "a".repeat(2048), true))
                .isInstanceOfSatisfying(Decision.Rejected.class,
                        rejected -> assertThat(rejected.reasonCode()).isEqualTo("url-too-long"));
    }

    @Test
    void secretsAre32To256VisibleAsciiCharacters() {
        assertThat(WebhookSubscriptionPolicies.secretAcceptable("x".repeat(32))).isEqualTo(Decision.allowed());
        assertThat(WebhookSubscriptionPolicies.secretAcceptable("~!".repeat(128))).isEqualTo(Decision.allowed());
        for (String bad : new String[] {"x".repeat(31), "x".repeat(257), "x".repeat(31) + " ", "é".repeat(40), null}) {
            assertThat(WebhookSubscriptionPolicies.secretAcceptable(bad)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(Decision.Rejected.class,
                            rejected -> assertThat(rejected.field()).isEqualTo("/secret"));
        }
    }

    @Test
    void rejectionsListEveryBrokenRule() {
        assertThat(WebhookSubscriptionPolicies.rejections("http://hooks.example.com", "short", false))
                .extracting(Decision.Rejected::field).containsExactly("/url", "/secret");
        assertThat(WebhookSubscriptionPolicies.rejections("https://hooks.example.com", SECRET, false)).isEmpty();
    }

    @Test
    void aPartnerHasAtMostThreeWebhooks() {
        assertThat(WebhookSubscriptionPolicies.mayAddAnother(2)).isEqualTo(Decision.allowed());
        assertThat(WebhookSubscriptionPolicies.mayAddAnother(3)).isInstanceOfSatisfying(Decision.Rejected.class,
                rejected -> assertThat(rejected.reasonCode()).isEqualTo("webhook-limit"));
    }
}
