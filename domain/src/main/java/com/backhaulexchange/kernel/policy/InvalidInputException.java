package com.backhaulexchange.kernel.policy;

import java.util.List;

/**
 * A command the domain cannot act on because of the fields named in it; raised before anything is
 * written. The HTTP adapter answers it with a 400 validation problem, one error per violation.
 */
public class InvalidInputException extends RuntimeException {
    private final transient List<FieldViolation> violations;

    public InvalidInputException(String detail, List<FieldViolation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
