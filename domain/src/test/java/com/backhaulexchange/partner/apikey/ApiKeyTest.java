package com.backhaulexchange.partner.apikey;

import static com.backhaulexchange.partner.PartnerExamples.NOW;
import static com.backhaulexchange.partner.PartnerExamples.activeKey;
import static com.backhaulexchange.partner.PartnerExamples.newKeyId;
import static com.backhaulexchange.partner.PartnerExamples.newPartnerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    private static final Instant END_OF_GRACE = NOW.plus(Duration.ofHours(1));

    private final ApiKey active = activeKey(newPartnerId());
    private final ApiKeyId successor = newKeyId();

    @Nested
    @DisplayName("an ACTIVE key")
    class Active {
        @Test
        void isUsableAtAnyTime() {
            assertThat(active.isUsableAt(NOW)).isTrue();
            assertThat(active.isUsableAt(NOW.plus(Duration.ofDays(3650)))).isTrue();
        }

        @Test
        void reportsItselfAsActive() {
            assertThat(active.effectiveStatusAt(NOW.plus(Duration.ofDays(3650)))).isEqualTo("ACTIVE");
        }
    }

    @Nested
    @DisplayName("an EXPIRING key (rotated)")
    class Expiring {
        private final ApiKey rotated = active.rotatedTo(successor, END_OF_GRACE);

        @Test
        void rotationKeepsTheKeysIdentityAndSecretAndNamesItsSuccessor() {
            assertThat(rotated.status()).isEqualTo(ApiKeyStatus.EXPIRING);
            assertThat(rotated.expiresAt()).isEqualTo(END_OF_GRACE);
            assertThat(rotated.replacedBy()).isEqualTo(successor);
            assertThat(rotated.keyId()).isEqualTo(active.keyId());
            assertThat(rotated.partnerId()).isEqualTo(active.partnerId());
            assertThat(rotated.secretSha256Hex()).isEqualTo(active.secretSha256Hex());
            assertThat(rotated.createdAt()).isEqualTo(active.createdAt());
            assertThat(rotated.revokedAt()).isNull();
        }

        @Test
        void isUsableUntilJustBeforeItsEnd() {
            assertThat(rotated.isUsableAt(NOW)).isTrue();
            assertThat(rotated.isUsableAt(END_OF_GRACE.minusMillis(1))).isTrue();
            assertThat(rotated.effectiveStatusAt(END_OF_GRACE.minusMillis(1))).isEqualTo("EXPIRING");
        }

        @Test
        void isNotUsableFromItsEndOnAndReportsItselfAsExpired() {
            assertThat(rotated.isUsableAt(END_OF_GRACE)).isFalse();
            assertThat(rotated.isUsableAt(END_OF_GRACE.plusSeconds(1))).isFalse();
            assertThat(rotated.effectiveStatusAt(END_OF_GRACE)).isEqualTo("EXPIRED");
        }

        @Test
        void withoutAnEndItIsNeverUsable() {
            var noEnd = new ApiKey(active.keyId(), active.partnerId(), active.secretSha256Hex(),
                    ApiKeyStatus.EXPIRING, NOW, null, null, successor);
            assertThat(noEnd.isUsableAt(NOW)).isFalse();
            assertThat(noEnd.effectiveStatusAt(NOW)).isEqualTo("EXPIRED");
        }
    }

    @Nested
    @DisplayName("a REVOKED key")
    class Revoked {
        @Test
        void isNeverUsableAndRecordsWhenItWasRevoked() {
            var revoked = active.revokedAt(NOW.plusSeconds(10));
            assertThat(revoked.status()).isEqualTo(ApiKeyStatus.REVOKED);
            assertThat(revoked.revokedAt()).isEqualTo(NOW.plusSeconds(10));
            assertThat(revoked.isUsableAt(NOW)).isFalse();
            assertThat(revoked.effectiveStatusAt(NOW)).isEqualTo("REVOKED");
        }

        @Test
        void revokingARotatedKeyKeepsItsEndAndSuccessor() {
            var revoked = active.rotatedTo(successor, END_OF_GRACE).revokedAt(NOW.plusSeconds(10));
            assertThat(revoked.status()).isEqualTo(ApiKeyStatus.REVOKED);
            assertThat(revoked.replacedBy()).isEqualTo(successor);
            assertThat(revoked.expiresAt()).isEqualTo(END_OF_GRACE);
            assertThat(revoked.isUsableAt(NOW)).isFalse();
            assertThat(revoked.effectiveStatusAt(END_OF_GRACE.plusSeconds(1))).isEqualTo("REVOKED");
        }
    }

    @Test
    void aKeyNeedsItsIdentityHashStatusAndCreationTime() {
        assertThatThrownBy(() -> new ApiKey(null, active.partnerId(), "h", ApiKeyStatus.ACTIVE, NOW, null, null,
                null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ApiKey(active.keyId(), null, "h", ApiKeyStatus.ACTIVE, NOW, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ApiKey(active.keyId(), active.partnerId(), null, ApiKeyStatus.ACTIVE, NOW,
                null, null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ApiKey(active.keyId(), active.partnerId(), "h", null, NOW, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ApiKey(active.keyId(), active.partnerId(), "h", ApiKeyStatus.ACTIVE, null,
                null, null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aKeyIdIsTwelveBase62Characters() {
        assertThat(ApiKeyId.isValid("abcDEF123456")).isTrue();
        assertThat(ApiKeyId.isValid("abcDEF12345")).isFalse();
        assertThatThrownBy(() -> new ApiKeyId("abcDEF12345_")).isInstanceOf(IllegalArgumentException.class);
    }
}
