package com.backhaulexchange.settlement.collaboration;

import com.backhaulexchange.kernel.policy.Decision;
import java.util.List;
import java.util.Objects;

/** What a collaboration command did: changed the collaboration, or was refused (nothing changed). */
public sealed interface CollaborationOutcome {

    record Changed(Collaboration collaboration) implements CollaborationOutcome {
        public Changed {
            Objects.requireNonNull(collaboration, "collaboration");
        }
    }

    record Refused(List<Decision.Rejected> reasons) implements CollaborationOutcome {
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a refusal gives a reason");
            }
        }

        public String reasonCode() {
            return reasons.get(0).reasonCode();
        }
    }

    static CollaborationOutcome refused(String code, String detail, String pointer) {
        return new Refused(List.of(new Decision.Rejected(code, detail, pointer)));
    }

    /** The changed collaboration, or an {@link IllegalStateException} naming the refusal. */
    default Collaboration orElseThrow() {
        return switch (this) {
            case Changed changed -> changed.collaboration();
            case Refused refused -> throw new IllegalStateException(refused.reasonCode() + ": "
                    + refused.reasons().get(0).detail());
        };
    }
}
