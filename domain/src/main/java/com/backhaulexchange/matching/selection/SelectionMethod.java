package com.backhaulexchange.matching.selection;

/** How a selection was found, and so what its bound is. */
public enum SelectionMethod {
    /** ojAlgo's branch and bound proved the selection optimal: the bound is the selection's own value. */
    EXACT_MIP,
    /**
     * The Lagrangian relaxation of "each load once" (subgradient steps), greedy packing by reduced surplus and
     * swaps: the bound is the best Lagrangian bound, rounded down (surplus is whole minor units).
     */
    LAGRANGIAN_HEURISTIC,
    /**
     * The instance was small enough for the exact solve but it did not prove optimality within its time limit:
     * the heuristic's selection (never worse than what the exact solve had found) and bound.
     */
    LAGRANGIAN_AFTER_EXACT_TIMEOUT
}
