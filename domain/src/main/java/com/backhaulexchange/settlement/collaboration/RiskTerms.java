package com.backhaulexchange.settlement.collaboration;

import com.backhaulexchange.kernel.money.Money;
import java.util.Objects;

/**
 * Who bears a risk event's cost (a TONU fee, a carrier's dry run / no-show cost to the shipper). The party
 * suffering the loss is always made whole (ADR 18); the terms say who pays for it.
 */
public sealed interface RiskTerms {

    /**
     * The member at fault bears the costs of its own events up to {@code perMemberCapPerPeriod} in total per
     * period (events taken in settlement order); the excess over the cap is shared equally by all the
     * period's active members.
     */
    record AtFaultCapped(Money perMemberCapPerPeriod) implements RiskTerms {
        public AtFaultCapped {
            Objects.requireNonNull(perMemberCapPerPeriod, "perMemberCapPerPeriod");
        }
    }

    /** Every risk cost is shared equally by all the period's active members from the first cent. */
    record SharedFromFirstCent() implements RiskTerms {
    }
}
