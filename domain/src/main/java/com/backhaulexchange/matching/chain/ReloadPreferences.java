package com.backhaulexchange.matching.chain;

/**
 * The carrier's settings for reload chains that a capacity posting does not (yet) carry.
 * {@code maxReloadDeadheadMiles}: the most road miles the truck drives empty from one delivery to the next
 * pickup. The default, {@value #DEFAULT_MAX_RELOAD_DEADHEAD_MILES}, is the deadhead limit of the examples a
 * posting gives on each side (about three hours at the planning speed): beyond it a reload is a new trip,
 * not a reload. The origin and destination limits stay the posting's own.
 */
public record ReloadPreferences(int maxReloadDeadheadMiles) {

    public static final int DEFAULT_MAX_RELOAD_DEADHEAD_MILES = 150;
    public static final ReloadPreferences DEFAULT = new ReloadPreferences(DEFAULT_MAX_RELOAD_DEADHEAD_MILES);

    public ReloadPreferences {
        if (maxReloadDeadheadMiles < 0) {
            throw new IllegalArgumentException("maxReloadDeadheadMiles must not be negative, was "
                    + maxReloadDeadheadMiles);
        }
    }
}
