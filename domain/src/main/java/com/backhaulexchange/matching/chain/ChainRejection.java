package com.backhaulexchange.matching.chain;

import com.backhaulexchange.kernel.policy.Decision;
import java.util.Objects;

/**
 * One broken rule of a chain and the leg it concerns. {@code loadIndex} (0-based, in chain order) names the
 * load, and with it the empty hop into its pickup; the destination deadhead belongs to the last load. It is
 * null for a rule of the chain as a whole (the lane not open, must-arrive-by, the single-load comparison).
 * The reason's field points into the chain: {@code /loads/1/pickupWindow/closesAt}, {@code /capacity/...}.
 */
public record ChainRejection(Integer loadIndex, Decision.Rejected reason) {

    public ChainRejection {
        Objects.requireNonNull(reason, "reason");
    }

    public String reasonCode() {
        return reason.reasonCode();
    }
}
