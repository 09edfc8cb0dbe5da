package com.backhaulexchange.settlement.allocation;

import com.backhaulexchange.kernel.policy.Decision;

/** A rule's answer: the allocation, or why the rule cannot allocate this game (a reason code for clients). */
public sealed interface AllocationOutcome {

    record Allocated(Allocation allocation) implements AllocationOutcome {
    }

    record Refused(Decision.Rejected reason) implements AllocationOutcome {
    }

    static AllocationOutcome refused(String reasonCode, String detail) {
        return new Refused(new Decision.Rejected(reasonCode, detail, null));
    }

    /** The allocation, or an {@link IllegalStateException} naming the refusal. */
    default Allocation orElseThrow() {
        return switch (this) {
            case Allocated allocated -> allocated.allocation();
            case Refused refused -> throw new IllegalStateException(
                    refused.reason().reasonCode() + ": " + refused.reason().detail());
        };
    }
}
