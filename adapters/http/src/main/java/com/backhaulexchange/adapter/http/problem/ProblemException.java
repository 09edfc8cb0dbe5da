package com.backhaulexchange.adapter.http.problem;

import java.util.List;

/**
 * Thrown anywhere below a handler to end the request with a problem response.
 * Raised before any write, it guarantees nothing was changed.
 */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, detail, errors));
    }

    public static ProblemException invalidField(String pointer, String detail) {
        return invalid("The request has 1 invalid field.", List.of(new FieldError(pointer, detail)));
    }

    public Problem problem() {
        return problem;
    }
}
