package com.backhaulexchange.kernel.geo;

import com.backhaulexchange.kernel.policy.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation of raw coordinates before a {@link Coordinates} is built from them, so that bad input is a
 * rejection with a pointer rather than an exception.
 */
public final class CoordinatePolicies {

    public static final String OUT_OF_RANGE = "COORDINATES_OUT_OF_RANGE";

    private CoordinatePolicies() {
    }

    /**
     * Every rejection of a latitude/longitude pair; {@code pointer} locates the object holding them, the
     * rejections point at {@code pointer + "/latitudeDegrees"} and {@code pointer + "/longitudeDegrees"}.
     */
    public static List<Decision.Rejected> rejections(double latitudeDegrees, double longitudeDegrees,
            String pointer) {
        List<Decision.Rejected> rejections = new ArrayList<>(2);
        if (!(latitudeDegrees >= -90 && latitudeDegrees <= 90)) {
            rejections.add(new Decision.Rejected(OUT_OF_RANGE,
                    "A latitude lies within -90 and 90 degrees, was " + latitudeDegrees + ".",
                    pointer + "/latitudeDegrees"));
        }
        if (!(longitudeDegrees >= -180 && longitudeDegrees <= 180)) {
            rejections.add(new Decision.Rejected(OUT_OF_RANGE,
                    "A longitude lies within -180 and 180 degrees, was " + longitudeDegrees + ".",
                    pointer + "/longitudeDegrees"));
        }
        return List.copyOf(rejections);
    }
}
