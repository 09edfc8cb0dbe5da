package com.backhaulexchange.lane;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a posted lane stands. Only OPEN lanes are matched. MATCHED (an offer is under negotiation) and
 * BOOKED are set by negotiation and booking; WITHDRAWN by its owner; EXPIRED once its time has passed.
 */
public enum LaneStatus {
    OPEN,
    MATCHED,
    BOOKED,
    WITHDRAWN,
    EXPIRED;

    public boolean isOpenForMatching() {
        return this == OPEN;
    }

    public boolean isFinal() {
        return this == BOOKED || this == WITHDRAWN || this == EXPIRED;
    }

    /** The moves a lane may make; a final status never changes (a cancelled booking is the booking's story). */
    public boolean canBecome(LaneStatus next) {
        return switch (this) {
            case OPEN -> EnumSet.of(MATCHED, BOOKED, WITHDRAWN, EXPIRED).contains(next);
            case MATCHED -> EnumSet.of(OPEN, BOOKED, WITHDRAWN, EXPIRED).contains(next);
            case BOOKED, WITHDRAWN, EXPIRED -> Set.<LaneStatus>of().contains(next);
        };
    }
}
