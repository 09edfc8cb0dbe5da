package com.backhaulexchange.kernel.policy;

/**
 * What a business policy says about a command: allowed, or rejected with a machine-readable reason code,
 * a human explanation and, when one field is to blame, that field's path within the command (its names
 * from the root, each preceded by a slash, list positions as numbers: {@code /pickupWindow/opensAt}), or
 * null. The adapters say where the field came from (the HTTP adapter: a JSON Pointer into the body).
 */
public sealed interface Decision {

    record Allowed() implements Decision {
    }

    record Rejected(String reasonCode, String detail, String field) implements Decision {
    }

    Decision ALLOWED = new Allowed();

    static Decision allowed() {
        return ALLOWED;
    }

    static Decision rejected(String reasonCode, String detail, String field) {
        return new Rejected(reasonCode, detail, field);
    }
}
