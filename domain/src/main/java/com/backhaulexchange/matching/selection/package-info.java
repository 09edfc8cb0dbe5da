/**
 * Choosing among a book's options, single matches (one truck, one load) and reload packages (one truck, two or
 * three loads), so that each truck and each load is used at most once and the total surplus is as large as
 * possible: a weighted set packing (ADR 39). {@link com.backhaulexchange.matching.selection.SelectionSolver} solves
 * it exactly with ojAlgo's branch and bound when the instance is small enough, otherwise (or when the exact solve
 * runs out of time) with {@link com.backhaulexchange.matching.selection.SetPacking#lagrangian a Lagrangian
 * heuristic}, and every result carries the best proven upper bound and the gap to it. Integer weights (surplus in
 * minor units), so the optimum is an integer and a bound can be rounded down.
 */
package com.backhaulexchange.matching.selection;
