package com.backhaulexchange.gazetteer;

import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One city of the gazetteer. {@code region} is the US state code for US places and the ISO 3166-1 alpha-2
 * country code elsewhere; {@code countryCode} is always the country; {@code timeZone} is the IANA zone its
 * clocks keep, so that a window typed for the place can be read in the place's own time.
 */
public record GazetteerEntry(long geonamesId, String name, String region, String countryCode, long population,
        Coordinates coordinates, ZoneId timeZone) {

    public GazetteerEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** What a dispatcher reads: "Memphis, TN", "Berlin, DE". */
    public String label() {
        return name + ", " + region;
    }

    public Place toPlace() {
        return new Place(coordinates, label());
    }
}
