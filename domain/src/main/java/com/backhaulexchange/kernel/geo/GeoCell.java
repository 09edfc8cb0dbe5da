package com.backhaulexchange.kernel.geo;

import java.util.Objects;

/**
 * A geohash cell: a latitude/longitude rectangle named by a base-32 string, the spatial part of a
 * candidate-retrieval key. Standard geohash (Niemeyer 2008): bits alternate longitude, latitude, starting
 * with longitude; each halves the remaining interval; five bits per character.
 */
public record GeoCell(String geohash) implements Comparable<GeoCell> {

    static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";
    public static final int MAX_PRECISION = 12;

    public GeoCell {
        Objects.requireNonNull(geohash, "geohash");
        if (geohash.isEmpty() || geohash.length() > MAX_PRECISION) {
            throw new IllegalArgumentException("a geohash has 1 to " + MAX_PRECISION + " characters: " + geohash);
        }
        for (int i = 0; i < geohash.length(); i++) {
            if (BASE32.indexOf(geohash.charAt(i)) < 0) {
                throw new IllegalArgumentException("not a geohash character: '" + geohash.charAt(i) + "'");
            }
        }
    }

    public int precision() {
        return geohash.length();
    }

    /** The closed rectangle of the cell; a point on a shared edge is encoded into the northern/eastern cell. */
    public Bounds bounds() {
        long[] indexes = indexes();
        int longitudeBits = longitudeBits(precision());
        int latitudeBits = latitudeBits(precision());
        double width = 360.0 / (1L << longitudeBits);
        double height = 180.0 / (1L << latitudeBits);
        return new Bounds(
                -90 + indexes[1] * height, -90 + (indexes[1] + 1) * height,
                -180 + indexes[0] * width, -180 + (indexes[0] + 1) * width);
    }

    /** Whether {@code point} is encoded into this cell (a point on a shared edge belongs to one cell only). */
    public boolean contains(Coordinates point) {
        return encode(point, precision()).equals(this);
    }

    /** The cell of {@code point} at {@code precision}. */
    public static GeoCell encode(Coordinates point, int precision) {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("precision must be within [1, " + MAX_PRECISION + "]");
        }
        return fromIndexes(longitudeIndex(point.longitudeDegrees(), precision),
                latitudeIndex(point.latitudeDegrees(), precision), precision);
    }

    @Override
    public int compareTo(GeoCell other) {
        return geohash.compareTo(other.geohash);
    }

    @Override
    public String toString() {
        return geohash;
    }

    /** {longitude index, latitude index} of this cell in its precision's grid. */
    long[] indexes() {
        long longitudeIndex = 0;
        long latitudeIndex = 0;
        int bit = 0;
        for (int i = 0; i < geohash.length(); i++) {
            int value = BASE32.indexOf(geohash.charAt(i));
            for (int shift = 4; shift >= 0; shift--, bit++) {
                int b = (value >> shift) & 1;
                if (bit % 2 == 0) {
                    longitudeIndex = (longitudeIndex << 1) | b;
                } else {
                    latitudeIndex = (latitudeIndex << 1) | b;
                }
            }
        }
        return new long[] {longitudeIndex, latitudeIndex};
    }

    static GeoCell fromIndexes(long longitudeIndex, long latitudeIndex, int precision) {
        int longitudeBits = longitudeBits(precision);
        int latitudeBits = latitudeBits(precision);
        StringBuilder hash = new StringBuilder(precision);
        int lonBit = longitudeBits - 1;
        int latBit = latitudeBits - 1;
        int value = 0;
        for (int bit = 0; bit < 5 * precision; bit++) {
            int b = bit % 2 == 0
                    ? (int) ((longitudeIndex >> lonBit--) & 1)
                    : (int) ((latitudeIndex >> latBit--) & 1);
            value = (value << 1) | b;
            if (bit % 5 == 4) {
                hash.append(BASE32.charAt(value));
                value = 0;
            }
        }
        return new GeoCell(hash.toString());
    }

    static long longitudeIndex(double longitudeDegrees, int precision) {
        return bisect(longitudeDegrees, -180, 180, longitudeBits(precision));
    }

    static long latitudeIndex(double latitudeDegrees, int precision) {
        return bisect(latitudeDegrees, -90, 90, latitudeBits(precision));
    }

    /** Geohash bisection: every midpoint is a dyadic number, so the comparisons are exact and monotone. */
    private static long bisect(double value, double low, double high, int bits) {
        long index = 0;
        for (int i = 0; i < bits; i++) {
            double middle = (low + high) / 2;
            index <<= 1;
            if (value >= middle) {
                index |= 1;
                low = middle;
            } else {
                high = middle;
            }
        }
        return index;
    }

    static int longitudeBits(int precision) {
        return (5 * precision + 1) / 2;
    }

    static int latitudeBits(int precision) {
        return 5 * precision / 2;
    }

    /** A latitude/longitude rectangle in degrees. */
    public record Bounds(double minLatitudeDegrees, double maxLatitudeDegrees,
            double minLongitudeDegrees, double maxLongitudeDegrees) {

        /**
         * Great-circle miles from {@code point} to the rectangle's nearest point in latitude/longitude
         * (the point clamped into the rectangle); 0 inside. Slightly more than the true spherical distance
         * near the poles, never across the antimeridian: good for ordering cells by nearness, which is all
         * it is used for.
         */
        public double milesFrom(Coordinates point) {
            double latitude = Math.clamp(point.latitudeDegrees(), minLatitudeDegrees, maxLatitudeDegrees);
            double longitude = Math.clamp(point.longitudeDegrees(), minLongitudeDegrees, maxLongitudeDegrees);
            return GreatCircle.miles(point, new Coordinates(latitude, longitude));
        }
    }
}
