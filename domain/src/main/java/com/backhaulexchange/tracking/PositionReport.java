package com.backhaulexchange.tracking;

import com.backhaulexchange.kernel.geo.Coordinates;
import java.util.Objects;
import java.time.Instant;

/**
 * Where the truck was at {@code reportedAt} (the device's time), with its speed and odometer when the device
 * knows them (null otherwise). Two reports of one booking at the same time are the same report when they are at
 * the same place: a repeat, stored once.
 */
public record PositionReport(Instant reportedAt, Coordinates position, Double speedMph, Double odometerMiles) {

    public PositionReport {
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(position, "position");
    }

    /** Whether {@code other} repeats this report: same time, same place (speed and odometer follow from them). */
    public boolean repeats(PositionReport other) {
        return reportedAt.equals(other.reportedAt) && position.equals(other.position);
    }
}
