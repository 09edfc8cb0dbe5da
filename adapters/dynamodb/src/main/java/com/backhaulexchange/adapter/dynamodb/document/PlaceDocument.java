package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;

/** A place as stored: its coordinates in degrees and its label, when it has one. */
public record PlaceDocument(double latitudeDegrees, double longitudeDegrees, String label) {

    static PlaceDocument of(Place place) {
        return new PlaceDocument(place.coordinates().latitudeDegrees(), place.coordinates().longitudeDegrees(),
                place.label());
    }

    Place toPlace() {
        return new Place(new Coordinates(latitudeDegrees, longitudeDegrees), label);
    }
}
