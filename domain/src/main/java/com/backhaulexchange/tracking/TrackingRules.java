package com.backhaulexchange.tracking;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of tracking (ADR 30), each with its reason.
 *
 * <ul>
 * <li>{@code geofence}: {@link Geofence#DEFAULT}.</li>
 * <li>{@code etaChangeThreshold}: 30 minutes. An ETA moves with every report; a consignee plans its dock in
 *     half-hour slots, so a smaller move is noise to it and a larger one is news. The first ETA for a stop is
 *     always announced.</li>
 * <li>{@code clockGrace}: 2 minutes. A report's time comes from the device; one a little ahead of the exchange's
 *     clock is a clock skew, one further ahead cannot have happened.</li>
 * <li>{@code maxReportsPerRequest}: 60. An ELD that was out of coverage sends what it buffered: an hour's worth at
 *     one report a minute. A request makes at most one ETA_CHANGED per report plus, over the whole booking, four
 *     arrivals and departures and two DELAYED, so 60 reports give at most 66 events: with the state and the
 *     notifications (at most 16, ADR 30) that is one DynamoDB transaction of at most 100 items.</li>
 * </ul>
 */
public record TrackingRules(Geofence geofence, Duration etaChangeThreshold, Duration clockGrace,
        int maxReportsPerRequest) {

    public static final double MAX_SPEED_MPH = 150;
    public static final double MAX_ODOMETER_MILES = 10_000_000;

    public static final TrackingRules DEFAULT = new TrackingRules(Geofence.DEFAULT, Duration.ofMinutes(30),
            Duration.ofMinutes(2), 60);

    public TrackingRules {
        Objects.requireNonNull(geofence, "geofence");
        Objects.requireNonNull(etaChangeThreshold, "etaChangeThreshold");
        Objects.requireNonNull(clockGrace, "clockGrace");
        if (etaChangeThreshold.isNegative() || clockGrace.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (maxReportsPerRequest < 1) {
            throw new IllegalArgumentException("maxReportsPerRequest must be positive");
        }
    }
}
