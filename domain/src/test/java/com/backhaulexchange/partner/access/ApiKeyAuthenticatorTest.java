package com.backhaulexchange.partner.access;

import static com.backhaulexchange.partner.PartnerExamples.NOW;
import static com.backhaulexchange.partner.PartnerExamples.newKeyId;
import static com.backhaulexchange.partner.PartnerExamples.newPartnerId;
import static com.backhaulexchange.partner.PartnerExamples.newSecret;
import static com.backhaulexchange.partner.PartnerExamples.registeredCarrier;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.partner.access.AuthenticationResult.Authenticated;
import com.backhaulexchange.partner.access.AuthenticationResult.Denied;
import com.backhaulexchange.partner.access.AuthenticationResult.Unauthenticated;
import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.apikey.ApiKeyStatus;
import com.backhaulexchange.partner.apikey.ApiKeyToken;
import com.backhaulexchange.kernel.id.SecretHashing;
import com.backhaulexchange.kernel.id.RandomTokens;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyAuthenticatorTest {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String OPERATOR_TOKEN = OperatorCredential.generateToken(new RandomTokens(new SecureRandom()));

    /** Keys and partners in memory, found together as the DynamoDB adapter finds them. */
    static final class InMemoryCredentials implements CredentialStore {
        private final Map<String, ApiKey> keys = new HashMap<>();
        private final Map<PartnerId, Partner> partners = new HashMap<>();

        void add(Partner partner) {
            partners.put(partner.id(), partner);
        }

        void add(ApiKey key) {
            keys.put(key.partnerId() + "/" + key.keyId(), key);
        }

        @Override
        public Optional<StoredCredential> find(PartnerId partnerId, ApiKeyId keyId) {
            var key = keys.get(partnerId + "/" + keyId);
            var partner = partners.get(partnerId);
            return key == null || partner == null ? Optional.empty() : Optional.of(new StoredCredential(key, CredentialStore.PartnerStanding.of(partner)));
        }
    }

    private final InMemoryCredentials credentials = new InMemoryCredentials();
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(credentials,
            new OperatorCredential(SecretHashing.sha256Hex(OPERATOR_TOKEN)), CLOCK);

    private Partner partner;
    private String secret;
    private ApiKey key;

    @BeforeEach
    void aCarrierWithOneActiveKey() {
        partner = registeredCarrier();
        secret = newSecret();
        key = new ApiKey(newKeyId(), partner.id(), SecretHashing.sha256Hex(secret), ApiKeyStatus.ACTIVE,
                NOW.minus(Duration.ofDays(30)), null, null, null);
        credentials.add(partner);
        credentials.add(key);
    }

    private String bearer(ApiKey key, String secret) {
        return "Bearer " + new ApiKeyToken(key.partnerId(), key.keyId(), secret).asString();
    }

    private static void assertUnauthenticated(AuthenticationResult result, String reason) {
        assertThat(result).isEqualTo(new Unauthenticated(reason));
    }

    @Nested
    @DisplayName("the Authorization header")
    class Header {
        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc", "Bearerbhx_x"})
        void withoutABearerTokenIsUnauthenticated(String header) {
            assertUnauthenticated(authenticator.authenticate(header), "MISSING_BEARER_TOKEN");
        }

        @Test
        void theSchemeIsCaseInsensitive() {
            String token = new ApiKeyToken(key.partnerId(), key.keyId(), secret).asString();
            assertThat(authenticator.authenticate("bearer " + token)).isInstanceOf(Authenticated.class);
            assertThat(authenticator.authenticate("BEARER " + token)).isInstanceOf(Authenticated.class);
        }

        @Test
        void surroundingWhitespaceAroundTheTokenIsIgnored() {
            String token = new ApiKeyToken(key.partnerId(), key.keyId(), secret).asString();
            assertThat(authenticator.authenticate("Bearer   " + token + "  ")).isInstanceOf(Authenticated.class);
        }

        @Test
        void aBlankTokenIsMalformed() {
            assertUnauthenticated(authenticator.authenticate("Bearer    "), "MALFORMED_KEY");
        }
    }

    @Nested
    @DisplayName("the operator key")
    class OperatorKey {
        @Test
        void theConfiguredOperatorKeyAuthenticatesTheOperator() {
            assertThat(authenticator.authenticate("Bearer " + OPERATOR_TOKEN))
                    .isEqualTo(new Authenticated(new Principal.OperatorPrincipal()));
        }

        @Test
        void anotherOperatorKeyIsUnknown() {
            String other = OperatorCredential.generateToken(new RandomTokens(new SecureRandom()));
            assertUnauthenticated(authenticator.authenticate("Bearer " + other), "UNKNOWN_OPERATOR_KEY");
        }

        @Test
        void withoutAConfiguredOperatorKeyNoOperatorKeyWorks() {
            var unconfigured = new ApiKeyAuthenticator(credentials, new OperatorCredential(""), CLOCK);
            assertUnauthenticated(unconfigured.authenticate("Bearer " + OPERATOR_TOKEN), "UNKNOWN_OPERATOR_KEY");
            assertUnauthenticated(unconfigured.authenticate("Bearer bhxop_"), "UNKNOWN_OPERATOR_KEY");
        }

        @Test
        void theOperatorHashMayBeConfiguredInUpperCaseWithWhitespace() {
            var configured = new OperatorCredential(" " + SecretHashing.sha256Hex(OPERATOR_TOKEN).toUpperCase() + "\n");
            assertThat(configured.isConfigured()).isTrue();
            assertThat(configured.matches(OPERATOR_TOKEN)).isTrue();
        }

        @Test
        void aConfiguredValueThatIsNotAHashIsRefused() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OperatorCredential(OPERATOR_TOKEN))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(new OperatorCredential(null).isConfigured()).isFalse();
        }
    }

    @Nested
    @DisplayName("a partner key")
    class PartnerKey {
        @Test
        void thatIsMalformedIsUnauthenticated() {
            assertUnauthenticated(authenticator.authenticate("Bearer bhx_nonsense"), "MALFORMED_KEY");
            assertUnauthenticated(authenticator.authenticate("Bearer " + secret), "MALFORMED_KEY");
        }

        @Test
        void thatIsUnknownIsUnauthenticated() {
            var unknownKey = new ApiKey(newKeyId(), partner.id(), key.secretSha256Hex(), ApiKeyStatus.ACTIVE, NOW,
                    null, null, null);
            assertUnauthenticated(authenticator.authenticate(bearer(unknownKey, secret)), "UNKNOWN_KEY");
        }

        @Test
        void ofAnUnknownPartnerIsUnauthenticated() {
            var strayKey = new ApiKey(key.keyId(), newPartnerId(), key.secretSha256Hex(), ApiKeyStatus.ACTIVE, NOW,
                    null, null, null);
            assertUnauthenticated(authenticator.authenticate(bearer(strayKey, secret)), "UNKNOWN_KEY");
        }

        @Test
        void withTheWrongSecretIsUnauthenticated() {
            assertUnauthenticated(authenticator.authenticate(bearer(key, newSecret())), "WRONG_SECRET");
        }

        @Test
        void thatWasRevokedIsUnauthenticated() {
            credentials.add(key.revokedAt(NOW.minusSeconds(1)));
            assertUnauthenticated(authenticator.authenticate(bearer(key, secret)), "KEY_REVOKED");
        }

        @Test
        void thatWasRotatedAndWhoseGraceEndedIsUnauthenticated() {
            credentials.add(key.rotatedTo(newKeyId(), NOW));
            assertUnauthenticated(authenticator.authenticate(bearer(key, secret)), "KEY_EXPIRED");
        }

        @Test
        void thatWasRotatedAndIsStillWithinItsGraceAuthenticates() {
            credentials.add(key.rotatedTo(newKeyId(), NOW.plusSeconds(1)));
            assertThat(authenticator.authenticate(bearer(key, secret))).isInstanceOf(Authenticated.class);
        }

        @Test
        void whoseSecretIsWrongIsRejectedForTheSecretBeforeItsStatusIsRevealed() {
            credentials.add(key.revokedAt(NOW.minusSeconds(1)));
            assertUnauthenticated(authenticator.authenticate(bearer(key, newSecret())), "WRONG_SECRET");
        }

        @Test
        void ofASuspendedPartnerIsDeniedButNamesThePrincipal() {
            credentials.add(partner.suspended("unpaid invoices", NOW.minusSeconds(60)));

            var result = authenticator.authenticate(bearer(key, secret));

            assertThat(result).isEqualTo(new Denied("PARTNER_SUSPENDED",
                    new Principal.PartnerPrincipal(partner.id(), partner.profile().roles(), key.keyId())));
        }

        @Test
        void thatIsValidAuthenticatesThePartnerWithItsRolesAndKey() {
            var result = authenticator.authenticate(bearer(key, secret));

            assertThat(result).isInstanceOfSatisfying(Authenticated.class, authenticated ->
                    assertThat(authenticated.principal()).isInstanceOfSatisfying(Principal.PartnerPrincipal.class,
                            principal -> {
                                assertThat(principal.partnerId()).isEqualTo(partner.id());
                                assertThat(principal.keyId()).isEqualTo(key.keyId());
                                assertThat(principal.roles())
                                        .containsExactlyInAnyOrder(PartnerRole.CARRIER, PartnerRole.BROKER);
                                assertThat(principal.hasRole(PartnerRole.CARRIER)).isTrue();
                                assertThat(principal.hasRole(PartnerRole.SHIPPER)).isFalse();
                            }));
        }

        @Test
        void ofAnotherPartnerCannotBeUsedUnderThisPartnersId() {
            var other = registeredCarrier();
            String otherSecret = newSecret();
            var otherKey = new ApiKey(newKeyId(), other.id(), SecretHashing.sha256Hex(otherSecret),
                    ApiKeyStatus.ACTIVE, NOW, null, null, null);
            credentials.add(other);
            credentials.add(otherKey);
            var forged = new ApiKeyToken(partner.id(), otherKey.keyId(), otherSecret).asString();
            assertUnauthenticated(authenticator.authenticate("Bearer " + forged), "UNKNOWN_KEY");
        }
    }
}
