package com.backhaulexchange.compliance;

import com.backhaulexchange.kernel.money.Money;
import java.util.Objects;

/**
 * What a shipper requires of the carriers it books: the least auto liability and cargo coverage per occurrence.
 * Without a setting of its own a shipper requires {@link #DEFAULT} (docs/reference/carrier-compliance.md): the
 * FMCSA minimum of USD 750,000 auto liability for general freight (49 CFR 387.9) and the usual broker minimum of USD
 * 100,000 cargo coverage.
 */
public record CarrierRequirements(Money minimumAutoLiability, Money minimumCargo) {
    /** USD 750,000: 49 CFR 387.9, for-hire carriers of non-hazardous property, vehicles of 10,001 lbs or more. */
    public static final Money FMCSA_MINIMUM_AUTO_LIABILITY = Money.of(75_000_000, "USD");
    /** USD 100,000: the usual minimum in broker-carrier agreements; no federal minimum applies to cargo. */
    public static final Money USUAL_MINIMUM_CARGO = Money.of(10_000_000, "USD");
    public static final CarrierRequirements DEFAULT = new CarrierRequirements(FMCSA_MINIMUM_AUTO_LIABILITY,
            USUAL_MINIMUM_CARGO);
    /** A requirement above USD 100 million is a typing error, not a policy any carrier holds. */
    public static final long MAX_MINOR_UNITS = 10_000_000_000L;

    public CarrierRequirements {
        Objects.requireNonNull(minimumAutoLiability, "minimumAutoLiability");
        Objects.requireNonNull(minimumCargo, "minimumCargo");
    }
}
