package com.backhaulexchange.kernel.geo;

/** A WGS84 point. */
public record Coordinates(double latitudeDegrees, double longitudeDegrees) {
    public Coordinates {
        if (!(latitudeDegrees >= -90 && latitudeDegrees <= 90)) {
            throw new IllegalArgumentException("latitudeDegrees must be within [-90, 90]");
        }
        if (!(longitudeDegrees >= -180 && longitudeDegrees <= 180)) {
            throw new IllegalArgumentException("longitudeDegrees must be within [-180, 180]");
        }
    }
}
