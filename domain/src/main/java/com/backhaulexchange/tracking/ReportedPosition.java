package com.backhaulexchange.tracking;

import java.time.Instant;

/**
 * A position report as a carrier sends it, not yet checked: coordinates may be out of range, the time in the future.
 * {@link PositionTracker} turns the good ones into {@link PositionReport}s.
 */
public record ReportedPosition(Instant reportedAt, double latitudeDegrees, double longitudeDegrees, Double speedMph,
        Double odometerMiles) {
}
