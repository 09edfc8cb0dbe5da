package com.backhaulexchange.gazetteer;

/** How a posting names a location: raw coordinates, or a city name with its state or country. */
public sealed interface LocationQuery {

    /** Raw degrees, not yet validated; {@code label} is optional. */
    record AtCoordinates(double latitudeDegrees, double longitudeDegrees, String label) implements LocationQuery {
    }

    /** "Memphis" + "TN"; {@code stateOrCountry} is optional. */
    record Named(String name, String stateOrCountry) implements LocationQuery {
    }
}
