package com.backhaulexchange.kernel.geo;

/** A WGS84 point. */
public record Coordinates(double latitudeDegrees, double longitudeDegrees) {
    /** Points a partner gives are kept to this many decimal places (about 0.1 mm). */
    public static final int DECIMAL_PLACES = 9;
    private static final double SCALE = 1e9;

    public Coordinates {
        if (!(latitudeDegrees >= -90 && latitudeDegrees <= 90)) {
            throw new IllegalArgumentException("latitudeDegrees must be within [-90, 90]");
        }
        if (!(longitudeDegrees >= -180 && longitudeDegrees <= 180)) {
            throw new IllegalArgumentException("longitudeDegrees must be within [-180, 180]");
        }
    }

    /**
     * A point as a partner gives it, quantised to {@value #DECIMAL_PLACES} decimal places: far finer than any
     * truck stop, and it keeps a coordinate such as {@code 1e-320} (a subnormal double, which DynamoDB cannot
     * store) from ever reaching storage. Both steps round correctly, so an input with at most nine decimals is
     * kept bit for bit. The canonical constructor stays exact: computed points and items stored before
     * quantisation must read back as they were written.
     */
    public static Coordinates quantised(double latitudeDegrees, double longitudeDegrees) {
        return new Coordinates(quantised(latitudeDegrees), quantised(longitudeDegrees));
    }

    static double quantised(double degrees) {
        return Double.isFinite(degrees) ? Math.round(degrees * SCALE) / SCALE : degrees;
    }
}
