package com.backhaulexchange.kernel.geo;

/**
 * Road miles estimated as great-circle miles times a circuity factor.
 *
 * <p>The default 1.2 is the US average detour of the road network over the straight line (Newell 1980;
 * Ballou, Rahardja and Sakai 2002); it varies by region, hence configurable. A factor of 1.0 or less would
 * claim roads straighter than the great circle; above 3 the model is no longer a road estimate.
 */
public record RoadDistanceModel(double circuityFactor) {

    public static final double DEFAULT_CIRCUITY_FACTOR = 1.2;
    public static final double MAX_CIRCUITY_FACTOR = 3.0;
    public static final RoadDistanceModel DEFAULT = new RoadDistanceModel(DEFAULT_CIRCUITY_FACTOR);

    public RoadDistanceModel {
        if (!(circuityFactor > 1.0 && circuityFactor <= MAX_CIRCUITY_FACTOR)) {
            throw new IllegalArgumentException("circuityFactor must be within (1.0, 3.0], was " + circuityFactor);
        }
    }

    public double roadMiles(Coordinates from, Coordinates to) {
        return GreatCircle.miles(from, to) * circuityFactor;
    }

    /** The great-circle radius inside which every point lies within {@code roadMiles} by this model. */
    public double greatCircleMilesWithin(double roadMiles) {
        return roadMiles / circuityFactor;
    }
}
