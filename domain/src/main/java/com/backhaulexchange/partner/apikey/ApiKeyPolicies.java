package com.backhaulexchange.partner.apikey;

import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.Duration;

/** The rules of a partner's key ring. */
public final class ApiKeyPolicies {
    /** Enough for a production, a staging and a couple of integration keys. */
    public static final int MAX_ACTIVE_KEYS = 5;
    public static final Duration MAX_ROTATION_GRACE = Duration.ofDays(7);

    private ApiKeyPolicies() {
    }

    public static Decision mayCreateAnotherKey(Partner partner) {
        return partner.activeApiKeyCount() >= MAX_ACTIVE_KEYS
                ? Decision.rejected("TOO_MANY_ACTIVE_KEYS",
                        "A partner may hold at most " + MAX_ACTIVE_KEYS + " active keys; revoke one first.", null)
                : Decision.allowed();
    }

    public static Decision mayRotate(ApiKey key) {
        return key.status() == ApiKeyStatus.ACTIVE
                ? Decision.allowed()
                : Decision.rejected("KEY_NOT_ACTIVE",
                        "Only an ACTIVE key can be rotated; this key is " + key.status() + ".", null);
    }

    /** Revoking the last ACTIVE key would lock the partner out for good: rotate it instead. */
    public static Decision mayRevoke(Partner partner, ApiKey key) {
        if (key.status() == ApiKeyStatus.ACTIVE && partner.activeApiKeyCount() <= 1) {
            return Decision.rejected("LAST_ACTIVE_KEY",
                    "This is the partner's last active key; rotate it instead of revoking it.", null);
        }
        return Decision.allowed();
    }

    public static Decision gracePeriodAllowed(Duration gracePeriod) {
        return gracePeriod.isNegative() || gracePeriod.compareTo(MAX_ROTATION_GRACE) > 0
                ? Decision.rejected("GRACE_PERIOD_OUT_OF_RANGE",
                        "The grace period must be between 0 and " + MAX_ROTATION_GRACE.toSeconds() + " seconds.",
                        "/gracePeriodSeconds")
                : Decision.allowed();
    }
}
