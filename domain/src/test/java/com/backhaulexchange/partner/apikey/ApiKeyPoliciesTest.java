package com.backhaulexchange.partner.apikey;

import static com.backhaulexchange.partner.PartnerExamples.NOW;
import static com.backhaulexchange.partner.PartnerExamples.activeKey;
import static com.backhaulexchange.partner.PartnerExamples.newKeyId;
import static com.backhaulexchange.partner.PartnerExamples.registeredCarrier;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiKeyPoliciesTest {

    private static Partner withActiveKeys(int count) {
        var p = registeredCarrier();
        return new Partner(p.id(), p.profile(), p.status(), p.suspension(), count, p.version(), p.createdAt(),
                p.updatedAt());
    }

    private static void assertRejected(Decision decision, String reasonCode, String pointer) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
            assertThat(rejected.reasonCode()).isEqualTo(reasonCode);
            assertThat(rejected.field()).isEqualTo(pointer);
            assertThat(rejected.detail()).isNotBlank();
        });
    }

    @Nested
    @DisplayName("at most five active keys")
    class MaximumKeys {
        @Test
        void aPartnerWithFourActiveKeysMayCreateAFifth() {
            assertThat(ApiKeyPolicies.mayCreateAnotherKey(withActiveKeys(4))).isInstanceOf(Decision.Allowed.class);
        }

        @Test
        void aPartnerWithFiveActiveKeysMayNotCreateASixth() {
            assertRejected(ApiKeyPolicies.mayCreateAnotherKey(withActiveKeys(ApiKeyPolicies.MAX_ACTIVE_KEYS)),
                    "TOO_MANY_ACTIVE_KEYS", null);
        }

        @Test
        void aCountAboveTheMaximumIsAlsoRejected() {
            assertRejected(ApiKeyPolicies.mayCreateAnotherKey(withActiveKeys(7)), "TOO_MANY_ACTIVE_KEYS", null);
        }
    }

    @Nested
    @DisplayName("the last active key cannot be revoked")
    class LastActiveKey {
        @Test
        void revokingTheOnlyActiveKeyIsRejected() {
            var partner = withActiveKeys(1);
            assertRejected(ApiKeyPolicies.mayRevoke(partner, activeKey(partner.id())), "LAST_ACTIVE_KEY", null);
        }

        @Test
        void revokingOneOfTwoActiveKeysIsAllowed() {
            var partner = withActiveKeys(2);
            assertThat(ApiKeyPolicies.mayRevoke(partner, activeKey(partner.id()))).isInstanceOf(Decision.Allowed.class);
        }

        @Test
        void revokingAnExpiringKeyIsAllowedBesideTheOnlyActiveOne() {
            var partner = withActiveKeys(1);
            var expiring = activeKey(partner.id()).rotatedTo(newKeyId(), NOW.plusSeconds(60));
            assertThat(ApiKeyPolicies.mayRevoke(partner, expiring)).isInstanceOf(Decision.Allowed.class);
        }
    }

    @Nested
    @DisplayName("only ACTIVE keys rotate")
    class Rotation {
        @Test
        void anActiveKeyMayBeRotated() {
            assertThat(ApiKeyPolicies.mayRotate(activeKey(registeredCarrier().id())))
                    .isInstanceOf(Decision.Allowed.class);
        }

        @Test
        void anExpiringKeyMayNotBeRotatedAgain() {
            var expiring = activeKey(registeredCarrier().id()).rotatedTo(newKeyId(), NOW.plusSeconds(60));
            assertRejected(ApiKeyPolicies.mayRotate(expiring), "KEY_NOT_ACTIVE", null);
        }

        @Test
        void aRevokedKeyMayNotBeRotated() {
            var revoked = activeKey(registeredCarrier().id()).revokedAt(NOW);
            assertRejected(ApiKeyPolicies.mayRotate(revoked), "KEY_NOT_ACTIVE", null);
        }
    }

    @Nested
    @DisplayName("the grace period is between 0 and 7 days")
    class GracePeriod {
        @Test
        void noGraceAtAllIsAllowed() {
            assertThat(ApiKeyPolicies.gracePeriodAllowed(Duration.ZERO)).isInstanceOf(Decision.Allowed.class);
        }

        @Test
        void exactlySevenDaysIsAllowed() {
            assertThat(ApiKeyPolicies.gracePeriodAllowed(Duration.ofDays(7))).isInstanceOf(Decision.Allowed.class);
        }

        @Test
        void oneSecondMoreThanSevenDaysIsRejectedWithPointerToTheField() {
            assertRejected(ApiKeyPolicies.gracePeriodAllowed(Duration.ofDays(7).plusSeconds(1)),
                    "GRACE_PERIOD_OUT_OF_RANGE", "/gracePeriodSeconds");
        }

        @Test
        void aNegativeGraceIsRejectedWithPointerToTheField() {
            assertRejected(ApiKeyPolicies.gracePeriodAllowed(Duration.ofSeconds(-1)),
                    "GRACE_PERIOD_OUT_OF_RANGE", "/gracePeriodSeconds");
        }

        @Test
        void theLimitMatchesTheContractsMaximum() {
            // infra/openapi/openapi.yaml RotateApiKeyRequest.gracePeriodSeconds maximum
            assertThat(ApiKeyPolicies.MAX_ROTATION_GRACE.toSeconds()).isEqualTo(604_800);
        }
    }
}
