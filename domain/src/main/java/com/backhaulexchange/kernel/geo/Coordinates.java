package com.backhaulexchange.kernel.geo;

/**
 * A WGS84 point, quantised to {@value #DECIMAL_PLACES} decimal places (about 0.1 mm): far finer than any
 * truck stop, and it keeps a coordinate such as {@code 1e-320} (a subnormal double, which no store keeps
 * exactly) from ever reaching storage; an input with at most nine decimals is kept bit for bit.
 */
public record Coordinates(double latitudeDegrees, double longitudeDegrees) {
    public static final int DECIMAL_PLACES = 9;
    private static final double SCALE = 1e9;

    public Coordinates {
        if (!(latitudeDegrees >= -90 && latitudeDegrees <= 90)) {
            throw new IllegalArgumentException("latitudeDegrees must be within [-90, 90]");
        }
        if (!(longitudeDegrees >= -180 && longitudeDegrees <= 180)) {
            throw new IllegalArgumentException("longitudeDegrees must be within [-180, 180]");
        }
        latitudeDegrees = quantised(latitudeDegrees);
        longitudeDegrees = quantised(longitudeDegrees);
    }

    /** The nearest multiple of 1e-9: both steps round correctly, so a nine-decimal input comes back as it was. */
    static double quantised(double degrees) {
        return Math.round(degrees * SCALE) / SCALE;
    }
}
