package com.backhaulexchange.adapter.json;

import com.backhaulexchange.kernel.geo.Place;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The plumbing of the record-typed API views: each view is a record whose components are the response's
 * fields in order, rendered as a JSON tree with the project's mapper (nulls left out). Doubles stay doubles
 * on the way ({@code 600.0}, not a decimal).
 */
final class Views {
    private static final ObjectMapper MAPPER = Json.newMapper()
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Views() {
    }

    static ObjectNode tree(Object view) {
        return MAPPER.valueToTree(view);
    }

    /** Miles and kilograms as a dispatcher reads them: one decimal, half up. */
    static double tenths(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** A place: its coordinates in degrees and its label, when it has one. */
    record PlaceView(double latitudeDegrees, double longitudeDegrees, String label) {
        static PlaceView of(Place place) {
            return new PlaceView(place.coordinates().latitudeDegrees(), place.coordinates().longitudeDegrees(),
                    place.label());
        }
    }
}
