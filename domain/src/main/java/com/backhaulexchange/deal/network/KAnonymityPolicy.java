package com.backhaulexchange.deal.network;

/**
 * No network figure is shown that rests on fewer than k distinct partners: below that, an aggregate could be
 * one or two partners' own lanes, volumes or prices. The figure is withheld with the reason, not answered as an
 * error, so a caller can tell "too few partners" from "nothing happened".
 */
public record KAnonymityPolicy(int k) {
    public static final int DEFAULT_K = 5;
    public static final String FEWER_THAN_K_PARTNERS = "FEWER_THAN_K_PARTNERS";

    public KAnonymityPolicy {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2: " + k);
        }
    }

    /** k from the environment's text, the default when absent or not a whole number of at least 2. */
    public static KAnonymityPolicy fromSetting(String setting) {
        try {
            int k = setting == null ? DEFAULT_K : Integer.parseInt(setting.strip());
            return new KAnonymityPolicy(k < 2 ? DEFAULT_K : k);
        } catch (NumberFormatException e) {
            return new KAnonymityPolicy(DEFAULT_K);
        }
    }

    public Decision check(int distinctPartners) {
        return distinctPartners >= k ? new Decision.Shown()
                : new Decision.Withheld(FEWER_THAN_K_PARTNERS);
    }

    public sealed interface Decision {
        record Shown() implements Decision {
        }

        record Withheld(String reasonCode) implements Decision {
        }
    }
}
