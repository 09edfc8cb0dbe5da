package com.backhaulexchange.kernel.geo;

/**
 * Great-circle distance on a spherical Earth by the haversine formula, in statute miles.
 *
 * <p>The radius is the IUGG mean Earth radius R1 = 6,371.0088 km (Moritz, "Geodetic Reference System 1980",
 * 2000) over 1.609344 km per statute mile: 3,958.7613 miles. The sphere is off the WGS84 ellipsoid by at most
 * ~0.5 %, well inside the uncertainty of the road circuity factor applied on top of it.
 */
public final class GreatCircle {

    public static final double EARTH_RADIUS_KILOMETRES = 6371.0088;
    public static final double KILOMETRES_PER_MILE = 1.609344;
    public static final double EARTH_RADIUS_MILES = EARTH_RADIUS_KILOMETRES / KILOMETRES_PER_MILE;

    private GreatCircle() {
    }

    public static double miles(Coordinates from, Coordinates to) {
        return centralAngleRadians(from, to) * EARTH_RADIUS_MILES;
    }

    /** The angle at the Earth's centre between two points; haversine stays accurate for nearby points. */
    public static double centralAngleRadians(Coordinates from, Coordinates to) {
        double fromLatitude = Math.toRadians(from.latitudeDegrees());
        double toLatitude = Math.toRadians(to.latitudeDegrees());
        double sinHalfLatitude = Math.sin((toLatitude - fromLatitude) / 2);
        double sinHalfLongitude = Math.sin(Math.toRadians(to.longitudeDegrees() - from.longitudeDegrees()) / 2);
        double haversine = sinHalfLatitude * sinHalfLatitude
                + Math.cos(fromLatitude) * Math.cos(toLatitude) * sinHalfLongitude * sinHalfLongitude;
        return 2 * Math.asin(Math.min(1.0, Math.sqrt(haversine)));
    }

    /**
     * The point reached from {@code start} after {@code miles} along the great circle leaving at
     * {@code bearingDegrees} (0 = north, 90 = east).
     */
    public static Coordinates destination(Coordinates start, double bearingDegrees, double miles) {
        double angle = miles / EARTH_RADIUS_MILES;
        double latitude = Math.toRadians(start.latitudeDegrees());
        double longitude = Math.toRadians(start.longitudeDegrees());
        double bearing = Math.toRadians(bearingDegrees);
        double sinLatitude = Math.sin(latitude) * Math.cos(angle)
                + Math.cos(latitude) * Math.sin(angle) * Math.cos(bearing);
        double destinationLatitude = Math.asin(Math.max(-1.0, Math.min(1.0, sinLatitude)));
        double destinationLongitude = longitude + Math.atan2(
                Math.sin(bearing) * Math.sin(angle) * Math.cos(latitude),
                Math.cos(angle) - Math.sin(latitude) * sinLatitude);
        double longitudeDegrees = Math.toDegrees(destinationLongitude);
        longitudeDegrees = ((longitudeDegrees + 540) % 360) - 180;
        return new Coordinates(
                Math.max(-90, Math.min(90, Math.toDegrees(destinationLatitude))),
                Math.max(-180, Math.min(180, longitudeDegrees)));
    }
}
