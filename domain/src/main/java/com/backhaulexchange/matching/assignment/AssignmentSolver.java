package com.backhaulexchange.matching.assignment;

/** Chooses pairs of an {@link AssignmentProblem}: each row and column at most once, never a forbidden pair. */
@FunctionalInterface
public interface AssignmentSolver {
    Assignment solve(AssignmentProblem problem);
}
