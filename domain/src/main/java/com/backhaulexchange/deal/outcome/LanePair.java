package com.backhaulexchange.deal.outcome;

import com.backhaulexchange.gazetteer.Gazetteer;
import com.backhaulexchange.gazetteer.GazetteerEntry;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.lane.LoadLane;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A lane as a dispatcher names it (ADR 45): the market of the load's origin to the market of its destination.
 * A market is a US state as its ISO 3166-2 code ({@code US-TX}) or, elsewhere, the country as its ISO 3166-1
 * alpha-2 code ({@code DE}): "DE" alone would be both Delaware and Germany.
 */
public record LanePair(String origin, String destination) {

    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    public LanePair {
        requireMarket(origin, "origin");
        requireMarket(destination, "destination");
    }

    /** The lane pair of a booked load: the markets of the gazetteer cities nearest its origin and destination. */
    public static LanePair of(LoadLane load, Gazetteer gazetteer) {
        return new LanePair(marketOf(load.origin(), gazetteer), marketOf(load.destination(), gazetteer));
    }

    /** The market of a place: the state (US) or country of the gazetteer city nearest to it. */
    public static String marketOf(Place place, Gazetteer gazetteer) {
        GazetteerEntry city = gazetteer.nearest(place.coordinates());
        return "US".equals(city.countryCode()) ? "US-" + city.region() : city.countryCode();
    }

    /** "US-TX→US-MO". */
    public String label() {
        return origin + "→" + destination;
    }

    private static void requireMarket(String market, String name) {
        Objects.requireNonNull(market, name);
        if (!MARKET.matcher(market).matches()) {
            throw new IllegalArgumentException(name + " is not a market code (US-TX, DE): " + market);
        }
    }
}
