package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.negotiation.RefusalKind;

/** Why position reports were refused, each with its {@link RefusalKind}; the code (the name) is stable. */
public enum TrackingReasonCode {
    // The request itself (400).
    NO_REPORTS(RefusalKind.INVALID_INPUT),
    TOO_MANY_REPORTS(RefusalKind.INVALID_INPUT),
    TIME_IN_THE_FUTURE(RefusalKind.INVALID_INPUT),
    TIME_BEFORE_BOOKING(RefusalKind.INVALID_INPUT),
    COORDINATES_OUT_OF_RANGE(RefusalKind.INVALID_INPUT),
    SPEED_OUT_OF_RANGE(RefusalKind.INVALID_INPUT),
    ODOMETER_OUT_OF_RANGE(RefusalKind.INVALID_INPUT),
    // A tracking link's expiry (ADR 33).
    EXPIRY_NOT_IN_THE_FUTURE(RefusalKind.INVALID_INPUT),
    EXPIRY_TOO_FAR(RefusalKind.INVALID_INPUT),
    // A detention dispute (ADR 38).
    REASON_REQUIRED(RefusalKind.INVALID_INPUT),
    // Who is asking: a stranger learns nothing (404); the shipper sees the booking but does not drive it (403).
    NOT_A_PARTY(RefusalKind.NOT_FOUND),
    WRONG_PARTY(RefusalKind.FORBIDDEN),
    // The state (409).
    BOOKING_CANCELLED(RefusalKind.CONFLICT),
    ALREADY_DELIVERED(RefusalKind.CONFLICT),
    CONFLICTING_REPORT(RefusalKind.CONFLICT),
    TOO_MANY_LINKS(RefusalKind.CONFLICT),
    // Detention claims (ADR 38).
    NOT_DEPARTED(RefusalKind.CONFLICT),
    NO_DETENTION(RefusalKind.CONFLICT),
    NOT_CLAIMED(RefusalKind.CONFLICT),
    ALREADY_CONFIRMED(RefusalKind.CONFLICT),
    ALREADY_DISPUTED(RefusalKind.CONFLICT);

    private final RefusalKind kind;

    TrackingReasonCode(RefusalKind kind) {
        this.kind = kind;
    }

    public RefusalKind kind() {
        return kind;
    }
}
