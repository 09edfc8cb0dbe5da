package com.backhaulexchange.kernel.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * Geohash cells of one precision, for candidate retrieval: a posting is indexed under the cell of its point,
 * a search reads every cell a deadhead disc touches.
 *
 * <p>Default precision 3 (cells of 1.40625° × 1.40625°, about 97 × 97 miles at the equator and 75 miles
 * wide at 40°N). Measured over CONUS (docs/reference/matching-model.md): a 160 km (100 mile) disc needs 9.8 precision-3
 * cells at 2.3× over-fetch, against 160 precision-4 cells at 1.2×; a 250 km disc needs 18.6 against 368.
 * One DynamoDB Query per cell and day, run in parallel, makes the handful of coarse cells the cheaper
 * choice; hot metros are split by the day bucket in the key, not by finer cells.
 */
public record GeoCellScheme(int precision) {

    public static final int DEFAULT_PRECISION = 3;
    public static final int MAX_SCHEME_PRECISION = 6;
    public static final GeoCellScheme DEFAULT = new GeoCellScheme(DEFAULT_PRECISION);
    /** A covering larger than this is a caller error (a radius far beyond any deadhead limit). */
    public static final int MAX_COVERING_CELLS = 100_000;

    /** Extra room for floating-point error: the covering may include a cell a hair too far, never miss one. */
    private static final double SLACK_DEGREES = 1e-9;
    private static final double SLACK_MILES = 1e-3;

    public GeoCellScheme {
        if (precision < 1 || precision > MAX_SCHEME_PRECISION) {
            throw new IllegalArgumentException("precision must be within [1, " + MAX_SCHEME_PRECISION + "]");
        }
    }

    public GeoCell cellOf(Coordinates point) {
        return GeoCell.encode(point, precision);
    }

    /**
     * Every cell holding a point within {@code radiusMiles} (great-circle) of {@code center}, sorted.
     *
     * <p>Complete by construction: the latitude/longitude box of the disc (Matuschek, "Finding points within
     * a distance of a latitude/longitude using bounding coordinates") bounds every point of the disc, each
     * cell meeting the box is enumerated, and a cell is dropped only when its exact minimum great-circle
     * distance to the centre exceeds the radius.
     */
    public List<GeoCell> cellsCovering(Coordinates center, double radiusMiles) {
        if (!(radiusMiles >= 0) || Double.isInfinite(radiusMiles)) {
            throw new IllegalArgumentException("radiusMiles must be finite and non-negative, was " + radiusMiles);
        }
        double angle = radiusMiles / GreatCircle.EARTH_RADIUS_MILES;
        double latitude = Math.toRadians(center.latitudeDegrees());
        double longitude = Math.toRadians(center.longitudeDegrees());

        double southDegrees = Math.toDegrees(latitude - angle) - SLACK_DEGREES;
        double northDegrees = Math.toDegrees(latitude + angle) + SLACK_DEGREES;
        boolean allLongitudes;
        double halfWidthDegrees = 180;
        if (southDegrees <= -90 || northDegrees >= 90 || angle >= Math.PI / 2) {
            allLongitudes = true;
        } else {
            halfWidthDegrees = Math.toDegrees(Math.asin(Math.sin(angle) / Math.cos(latitude))) + SLACK_DEGREES;
            allLongitudes = halfWidthDegrees >= 180;
        }
        long southIndex = latitudeIndex(Math.max(-90, southDegrees));
        long northIndex = latitudeIndex(Math.min(90, northDegrees));

        List<long[]> longitudeRanges = new ArrayList<>(2);
        long lastLongitudeIndex = (1L << GeoCell.longitudeBits(precision)) - 1;
        if (allLongitudes) {
            longitudeRanges.add(new long[] {0, lastLongitudeIndex});
        } else {
            double westDegrees = center.longitudeDegrees() - halfWidthDegrees;
            double eastDegrees = center.longitudeDegrees() + halfWidthDegrees;
            if (westDegrees < -180) {
                longitudeRanges.add(new long[] {longitudeIndex(westDegrees + 360), lastLongitudeIndex});
                longitudeRanges.add(new long[] {0, longitudeIndex(eastDegrees)});
            } else if (eastDegrees > 180) {
                longitudeRanges.add(new long[] {longitudeIndex(westDegrees), lastLongitudeIndex});
                longitudeRanges.add(new long[] {0, longitudeIndex(eastDegrees - 360)});
            } else {
                longitudeRanges.add(new long[] {longitudeIndex(westDegrees), longitudeIndex(eastDegrees)});
            }
        }

        long candidates = 0;
        for (long[] range : longitudeRanges) {
            candidates += (range[1] - range[0] + 1) * (northIndex - southIndex + 1);
        }
        if (candidates > MAX_COVERING_CELLS) {
            throw new IllegalArgumentException("a " + radiusMiles + "-mile disc needs " + candidates
                    + " cells at precision " + precision + "; use a coarser scheme");
        }

        double limitAngle = (radiusMiles + SLACK_MILES) / GreatCircle.EARTH_RADIUS_MILES * (1 + 1e-12);
        List<GeoCell> cells = new ArrayList<>();
        for (long[] range : longitudeRanges) {
            for (long lonIndex = range[0]; lonIndex <= range[1]; lonIndex++) {
                for (long latIndex = southIndex; latIndex <= northIndex; latIndex++) {
                    GeoCell cell = GeoCell.fromIndexes(lonIndex, latIndex, precision);
                    if (minimumCentralAngle(latitude, longitude, cell.bounds()) <= limitAngle) {
                        cells.add(cell);
                    }
                }
            }
        }
        return cells.stream().distinct().sorted().toList();
    }

    /** Width and height of a cell in degrees, {longitude, latitude}. */
    public double[] cellSizeDegrees() {
        return new double[] {
            360.0 / (1L << GeoCell.longitudeBits(precision)), 180.0 / (1L << GeoCell.latitudeBits(precision))};
    }

    /**
     * The smallest central angle from a point to a closed latitude/longitude rectangle. For every latitude
     * the nearest longitude of the rectangle is the point's own (inside) or the nearer edge (outside), since
     * distance grows with the longitude difference; along that meridian cos(distance) = A·sin φ + B·cos φ is
     * a shifted cosine, maximal at atan2(A, B) or else at an end of the latitude range. The nearest of those
     * (at most three) points is measured by haversine.
     */
    static double minimumCentralAngle(double latitude, double longitude, GeoCell.Bounds bounds) {
        double west = Math.toRadians(bounds.minLongitudeDegrees());
        double east = Math.toRadians(bounds.maxLongitudeDegrees());
        double south = Math.toRadians(bounds.minLatitudeDegrees());
        double north = Math.toRadians(bounds.maxLatitudeDegrees());
        double nearestLongitude;
        if (longitude >= west && longitude <= east) {
            nearestLongitude = longitude;
        } else {
            nearestLongitude = wrappedGap(longitude - west) <= wrappedGap(longitude - east) ? west : east;
        }
        double a = Math.sin(latitude);
        double b = Math.cos(latitude) * Math.cos(wrappedGap(longitude - nearestLongitude));
        // The haversine of the candidate points, not acos of the cosine: acos loses precision near zero.
        double best = Math.min(
                haversineAngle(latitude, longitude, south, nearestLongitude),
                haversineAngle(latitude, longitude, north, nearestLongitude));
        double peak = Math.atan2(a, b);
        if (peak >= south && peak <= north) {
            best = Math.min(best, haversineAngle(latitude, longitude, peak, nearestLongitude));
        }
        return best;
    }

    private static double haversineAngle(double fromLatitude, double fromLongitude, double toLatitude,
            double toLongitude) {
        double sinHalfLatitude = Math.sin((toLatitude - fromLatitude) / 2);
        double sinHalfLongitude = Math.sin((toLongitude - fromLongitude) / 2);
        double haversine = sinHalfLatitude * sinHalfLatitude
                + Math.cos(fromLatitude) * Math.cos(toLatitude) * sinHalfLongitude * sinHalfLongitude;
        return 2 * Math.asin(Math.min(1.0, Math.sqrt(haversine)));
    }

    private static double wrappedGap(double radians) {
        double gap = Math.abs(radians) % (2 * Math.PI);
        return gap > Math.PI ? 2 * Math.PI - gap : gap;
    }

    private long longitudeIndex(double longitudeDegrees) {
        return GeoCell.longitudeIndex(longitudeDegrees, precision);
    }

    private long latitudeIndex(double latitudeDegrees) {
        return GeoCell.latitudeIndex(latitudeDegrees, precision);
    }
}
