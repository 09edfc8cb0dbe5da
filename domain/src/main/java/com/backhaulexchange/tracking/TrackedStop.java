package com.backhaulexchange.tracking;

import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.lane.TimeWindow;
import java.time.Duration;
import java.util.Objects;

/** A stop as tracking sees it: where it is, when it is served, and how long loading or unloading takes. */
public record TrackedStop(StopKind kind, Coordinates location, TimeWindow window, Duration dwell) {

    public TrackedStop {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(dwell, "dwell");
    }
}
