package com.backhaulexchange.settlement.collaboration;

import java.util.Objects;

/** An agreement version and the first period it governs. */
public record AgreementVersion(Agreement agreement, long appliesFromPeriod) {
    public AgreementVersion {
        Objects.requireNonNull(agreement, "agreement");
        if (appliesFromPeriod < 0) {
            throw new IllegalArgumentException("appliesFromPeriod: " + appliesFromPeriod);
        }
    }
}
