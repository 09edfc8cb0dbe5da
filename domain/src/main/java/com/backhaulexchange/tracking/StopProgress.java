package com.backhaulexchange.tracking;

import java.time.Instant;

/**
 * What tracking knows of one stop: when the truck arrived and departed (the times of the reports that showed it,
 * null until then), the ETA last announced for it (null: none yet) and whether it was announced late.
 */
public record StopProgress(Instant arrivedAt, Instant departedAt, Instant announcedEta, boolean delayed) {

    public static final StopProgress NONE = new StopProgress(null, null, null, false);

    public boolean isAt() {
        return arrivedAt != null && departedAt == null;
    }

    StopProgress arrived(Instant at) {
        return new StopProgress(at, departedAt, announcedEta, delayed);
    }

    StopProgress departed(Instant at) {
        return new StopProgress(arrivedAt, at, announcedEta, delayed);
    }

    StopProgress announced(Instant eta) {
        return new StopProgress(arrivedAt, departedAt, eta, delayed);
    }

    StopProgress late() {
        return new StopProgress(arrivedAt, departedAt, announcedEta, true);
    }
}
