package com.backhaulexchange.tracking;

import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.GreatCircle;

/**
 * A circle around a stop, with hysteresis: a truck has arrived once a report is within {@code arrivalRadiusMiles}
 * of the stop, and, having arrived, has departed once a report is beyond {@code departureRadiusMiles}. The wider
 * exit keeps a truck that waits at the edge of the circle (a yard, a truck stop down the road) from arriving and
 * departing again with every report. Distances are great-circle: the stop is close enough that roads do not matter.
 *
 * <p>The default ({@link #DEFAULT}): arrival within 1 mile (1.609 km), departure beyond 2 miles (ADR 30). A mile
 * covers a large distribution centre's yard and its gate queue, and a GPS fix is good to metres; a smaller circle
 * would miss arrivals between two reports, a larger one would call a truck passing on the interstate arrived.
 */
public record Geofence(double arrivalRadiusMiles, double departureRadiusMiles) {

    public static final Geofence DEFAULT = new Geofence(1.0, 2.0);

    public Geofence {
        if (!(arrivalRadiusMiles > 0 && arrivalRadiusMiles <= 50)) {
            throw new IllegalArgumentException("arrivalRadiusMiles must be within (0, 50], was " + arrivalRadiusMiles);
        }
        if (!(departureRadiusMiles >= arrivalRadiusMiles && departureRadiusMiles <= 100)) {
            throw new IllegalArgumentException("departureRadiusMiles must be within [arrival radius, 100], was "
                    + departureRadiusMiles);
        }
    }

    public boolean isInside(Coordinates stop, Coordinates position) {
        return GreatCircle.miles(stop, position) <= arrivalRadiusMiles;
    }

    public boolean isOutside(Coordinates stop, Coordinates position) {
        return GreatCircle.miles(stop, position) > departureRadiusMiles;
    }
}
