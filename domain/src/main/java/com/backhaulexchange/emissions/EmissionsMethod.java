package com.backhaulexchange.emissions;

import java.util.Objects;

/**
 * Which factor set and version produced a figure: what a reported or stored CO₂e figure carries so that it can
 * be reproduced, or told apart from one computed with other factors (ADR 24).
 */
public record EmissionsMethod(String factorSetId, String factorSetVersion) {

    public static final EmissionsMethod DEFAULT = EmissionFactorSet.DEFAULT.method();

    public EmissionsMethod {
        Objects.requireNonNull(factorSetId, "factorSetId");
        Objects.requireNonNull(factorSetVersion, "factorSetVersion");
        if (factorSetId.isBlank() || factorSetVersion.isBlank()) {
            throw new IllegalArgumentException("factor set id and version must not be blank");
        }
    }
}
