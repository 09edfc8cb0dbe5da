/**
 * Match computation, plain domain code: is a capacity/load pair feasible, what is it worth, and why.
 *
 * <ul>
 * <li>{@link com.backhaulexchange.matching.MatchEvaluator} judges one pair: road miles
 *     ({@link com.backhaulexchange.matching.RouteMiles}), an hours-of-service drive plan
 *     ({@link com.backhaulexchange.matching.DrivePlanner}), money
 *     ({@link com.backhaulexchange.matching.MatchEconomics}), every broken rule
 *     ({@link com.backhaulexchange.matching.FeasibilityPolicies}) and a dispatcher's
 *     {@link com.backhaulexchange.matching.MatchExplanation}.</li>
 * <li>{@link com.backhaulexchange.matching.MatchScorer} ranks pairs by surplus with a total, deterministic order
 *     and tells a posting without a match why its nearest candidates failed.</li>
 * <li>{@link com.backhaulexchange.lane.CandidateKeys} gives the geo-cell × day keys that find candidates
 *     without a scan; {@link com.backhaulexchange.matching.BatchMatcher} pairs a region's open lanes for the
 *     largest total surplus with the exact solver of {@code matching.assignment}.</li>
 * </ul>
 *
 * <p>All assumptions (circuity, speed, dwell, hours-of-service rules, CO₂ per mile, market rate) live in
 * {@link com.backhaulexchange.matching.MatchingConfig}, with their sources.
 */
package com.backhaulexchange.matching;
