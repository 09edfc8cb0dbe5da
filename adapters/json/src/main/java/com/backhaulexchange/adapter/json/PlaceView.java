package com.backhaulexchange.adapter.json;

import com.backhaulexchange.gazetteer.GazetteerEntry;

/**
 * A place of the gazetteer as {@code GET /places} lists it: what to post it by ({@code name} and
 * {@code stateOrCountry}), where it is, and the IANA time zone its clocks keep.
 */
public record PlaceView(String name, String stateOrCountry, String countryCode, String label, double latitudeDegrees,
        double longitudeDegrees, String timeZone, long population) {

    public static PlaceView of(GazetteerEntry entry) {
        return new PlaceView(entry.name(), entry.region(), entry.countryCode(), entry.label(),
                entry.coordinates().latitudeDegrees(), entry.coordinates().longitudeDegrees(), entry.timeZone().getId(),
                entry.population());
    }
}
