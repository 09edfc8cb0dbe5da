package com.backhaulexchange.deal.negotiation;

import static com.backhaulexchange.deal.negotiation.RefusalKind.CONFLICT;
import static com.backhaulexchange.deal.negotiation.RefusalKind.FORBIDDEN;
import static com.backhaulexchange.deal.negotiation.RefusalKind.INVALID_INPUT;
import static com.backhaulexchange.deal.negotiation.RefusalKind.NOT_FOUND;

/**
 * Every reason a negotiation or booking command is refused, each with its {@link RefusalKind}. The code
 * (the constant's name, upper snake case like the other policies' codes) is stable: clients switch on it.
 */
public enum ReasonCode {
    // The request itself (400), checked before anything about the state.
    AMOUNT_NOT_POSITIVE(INVALID_INPUT),
    AMOUNT_ABSURD(INVALID_INPUT),
    CURRENCY_MISMATCH(INVALID_INPUT),
    EXPIRY_IN_THE_PAST(INVALID_INPUT),
    EXPIRY_TOO_FAR(INVALID_INPUT),
    ACCESSORIAL_OUT_OF_RANGE(INVALID_INPUT),
    NOTE_TOO_LONG(INVALID_INPUT),
    TIME_IN_THE_FUTURE(INVALID_INPUT),
    TIME_BEFORE_BOOKING(INVALID_INPUT),
    TIME_OUTSIDE_WINDOW(INVALID_INPUT),
    DELIVERY_BEFORE_PICKUP(INVALID_INPUT),
    MILES_OUT_OF_RANGE(INVALID_INPUT),
    REASON_REQUIRED(INVALID_INPUT),
    ONE_OFFER_PER_LOAD(INVALID_INPUT),

    // Who is asking (404 before 403, both before anything else).
    NOT_A_PARTY(NOT_FOUND),
    DELEGATION_MISSING(FORBIDDEN),
    NOT_A_BROKER(FORBIDDEN),
    NOT_YOUR_SIDE(FORBIDDEN),
    WRONG_PARTY(FORBIDDEN),

    // The state (409).
    MATCH_NOT_OPEN(CONFLICT),
    LANE_NOT_OPEN(CONFLICT),
    NOT_YOUR_TURN(CONFLICT),
    NOT_YOUR_OFFER(CONFLICT),
    OFFER_EXPIRED(CONFLICT),
    OFFER_NOT_EXPIRED(CONFLICT),
    ROUNDS_EXHAUSTED(CONFLICT),
    NEGOTIATION_CLOSED(CONFLICT),
    PACKAGE_NOT_OPEN(CONFLICT),
    PACKAGE_CLOSED(CONFLICT),
    ALREADY_AGREED(CONFLICT),
    NOT_AGREED(CONFLICT),
    NOT_PICKED_UP(CONFLICT),
    PICKUP_ALREADY_RECORDED(CONFLICT),
    DELIVERY_ALREADY_RECORDED(CONFLICT),
    ALREADY_PICKED_UP(CONFLICT),
    ALREADY_DELIVERED(CONFLICT),
    ALREADY_CANCELLED(CONFLICT),
    BOOKING_CANCELLED(CONFLICT);

    private final RefusalKind kind;

    ReasonCode(RefusalKind kind) {
        this.kind = kind;
    }

    public RefusalKind kind() {
        return kind;
    }

    public String code() {
        return name();
    }
}
