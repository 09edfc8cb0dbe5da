package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.policy.Decision;
import java.util.Objects;

/**
 * One reason a command was refused: its code (which carries the {@link RefusalKind}), a human explanation,
 * and, when one field of the command is to blame, its path within the command (see {@link Decision}; null otherwise).
 */
public record Refusal(ReasonCode reason, String detail, String field) {

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public static Refusal of(ReasonCode reason, String detail) {
        return new Refusal(reason, detail, null);
    }

    public RefusalKind kind() {
        return reason.kind();
    }

    /** The same refusal as a policy {@link Decision}, for code that collects decisions. */
    public Decision.Rejected toDecision() {
        return new Decision.Rejected(reason.code(), detail, field);
    }
}
