package com.backhaulexchange.kernel.policy;

/**
 * What a business policy says about a request: allowed, or rejected with a machine-readable
 * reason code, a human explanation and (when one field is to blame) a JSON Pointer to it.
 */
public sealed interface Decision {

    record Allowed() implements Decision {
    }

    record Rejected(String reasonCode, String detail, String pointer) implements Decision {
    }

    Decision ALLOWED = new Allowed();

    static Decision allowed() {
        return ALLOWED;
    }

    static Decision rejected(String reasonCode, String detail, String pointer) {
        return new Rejected(reasonCode, detail, pointer);
    }
}
