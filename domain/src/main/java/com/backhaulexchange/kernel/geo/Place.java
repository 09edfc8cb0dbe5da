package com.backhaulexchange.kernel.geo;

import java.util.Objects;

/** A located place: coordinates plus the human label a dispatcher recognises ("Chicago, IL"). */
public record Place(Coordinates coordinates, String label) {
    public Place {
        Objects.requireNonNull(coordinates, "coordinates");
    }
}
