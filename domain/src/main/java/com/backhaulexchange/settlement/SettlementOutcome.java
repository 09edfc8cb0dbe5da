package com.backhaulexchange.settlement;

import com.backhaulexchange.kernel.policy.Decision;
import java.util.List;

/** A period settled, or refused with the reasons (bad inputs with pointers, or a rule that cannot apply). */
public sealed interface SettlementOutcome {

    record Settled(SettlementResult result) implements SettlementOutcome {
    }

    record Refused(List<Decision.Rejected> reasons) implements SettlementOutcome {
        public Refused {
            reasons = List.copyOf(reasons);
        }

        public String reasonCode() {
            return reasons.get(0).reasonCode();
        }
    }

    default SettlementResult orElseThrow() {
        return switch (this) {
            case Settled settled -> settled.result();
            case Refused refused -> throw new IllegalStateException(refused.reasonCode() + ": "
                    + refused.reasons().get(0).detail());
        };
    }
}
