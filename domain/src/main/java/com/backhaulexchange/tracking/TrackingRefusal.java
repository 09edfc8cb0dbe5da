package com.backhaulexchange.tracking;

import java.util.Objects;

/** One reason reports were refused, with the field to blame (e.g. {@code /positions/3/reportedAt}) or null. */
public record TrackingRefusal(TrackingReasonCode reason, String detail, String field) {

    public TrackingRefusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
