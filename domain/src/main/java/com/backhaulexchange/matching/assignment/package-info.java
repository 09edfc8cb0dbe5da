/**
 * Maximum-weight bipartite assignment on sparse, rectangular instances where any side may stay unassigned
 * and forbidden pairs are never chosen: the exact
 * {@link com.backhaulexchange.matching.assignment.ShortestAugmentingPathSolver} and the
 * {@link com.backhaulexchange.matching.assignment.GreedyAssignment} baseline. Integer weights (surplus in
 * minor units), so the optimum is exact and solvers can be checked against each other.
 */
package com.backhaulexchange.matching.assignment;
