package com.backhaulexchange.matching.chain;

import com.backhaulexchange.lane.CapacityLane;

/**
 * The carrier's settings for reload chains. {@code maxReloadDeadheadMiles}: the most road miles the truck drives
 * empty from one delivery to the next pickup, posted with the capacity lane
 * ({@link CapacityLane#maxReloadDeadheadMiles()}). The default, {@value #DEFAULT_MAX_RELOAD_DEADHEAD_MILES}, is
 * the deadhead limit of the examples a posting gives on each side (about three hours at the planning speed):
 * beyond it a reload is a new trip, not a reload. The origin and destination limits stay the posting's own.
 */
public record ReloadPreferences(int maxReloadDeadheadMiles) {

    public static final int DEFAULT_MAX_RELOAD_DEADHEAD_MILES = CapacityLane.DEFAULT_MAX_RELOAD_DEADHEAD_MILES;
    public static final ReloadPreferences DEFAULT = new ReloadPreferences(DEFAULT_MAX_RELOAD_DEADHEAD_MILES);

    /** The preferences the carrier posted with its lane. */
    public static ReloadPreferences of(CapacityLane lane) {
        return new ReloadPreferences(lane.maxReloadDeadheadMiles());
    }

    public ReloadPreferences {
        if (maxReloadDeadheadMiles < 0) {
            throw new IllegalArgumentException("maxReloadDeadheadMiles must not be negative, was "
                    + maxReloadDeadheadMiles);
        }
    }
}
