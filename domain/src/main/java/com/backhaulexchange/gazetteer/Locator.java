package com.backhaulexchange.gazetteer;

import com.backhaulexchange.kernel.geo.CoordinatePolicies;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.policy.Decision;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns a posting's location into a {@link Place}, or into rejections pointing at the bad field. An
 * unknown or ambiguous name carries the candidates, for the 400 answer that lists them.
 */
public final class Locator {

    public static final String UNKNOWN_PLACE = "UNKNOWN_PLACE";
    public static final String AMBIGUOUS_PLACE = "AMBIGUOUS_PLACE";
    public static final String NAME_REQUIRED = "PLACE_NAME_REQUIRED";

    private final Gazetteer gazetteer;

    public Locator(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    /** {@code pointer} locates the location object in the request, e.g. {@code /origin}. */
    /** The places a type-ahead offers for {@code query} (see {@link Gazetteer#search}). */
    public List<GazetteerEntry> search(String query, int limit) {
        return gazetteer.search(query, limit);
    }

    public Located locate(LocationQuery query, String pointer) {
        return switch (query) {
            case LocationQuery.AtCoordinates at -> {
                var rejections = CoordinatePolicies.rejections(at.latitudeDegrees(), at.longitudeDegrees(), pointer);
                yield rejections.isEmpty()
                        ? new Located.Found(new Place(
                                Coordinates.quantised(at.latitudeDegrees(), at.longitudeDegrees()), at.label()))
                        : new Located.NotFound(rejections, List.of());
            }
            case LocationQuery.Named named -> locateNamed(named, pointer);
        };
    }

    private Located locateNamed(LocationQuery.Named named, String pointer) {
        if (named.name() == null || named.name().isBlank()) {
            return new Located.NotFound(List.of(new Decision.Rejected(NAME_REQUIRED,
                    "A location needs a city name or coordinates.", pointer + "/name")), List.of());
        }
        String asTyped = named.stateOrCountry() == null || named.stateOrCountry().isBlank()
                ? named.name()
                : named.name() + ", " + named.stateOrCountry();
        return switch (gazetteer.resolve(named.name(), named.stateOrCountry())) {
            case Resolution.Resolved resolved -> new Located.Found(resolved.place());
            case Resolution.Unknown unknown -> new Located.NotFound(List.of(new Decision.Rejected(UNKNOWN_PLACE,
                    "No known city is called \"" + asTyped + "\"." + listing(" Did you mean: ", unknown.suggestions()),
                    pointer + "/name")), unknown.suggestions());
            case Resolution.Ambiguous ambiguous -> new Located.NotFound(List.of(new Decision.Rejected(
                    AMBIGUOUS_PLACE,
                    "Several cities are called \"" + asTyped + "\"; add the state or country."
                            + listing(" Candidates: ", ambiguous.candidates()),
                    pointer + "/name")), ambiguous.candidates());
        };
    }

    private static String listing(String prefix, List<GazetteerEntry> entries) {
        if (entries.isEmpty()) {
            return "";
        }
        return prefix + entries.stream().map(GazetteerEntry::label).collect(Collectors.joining("; ")) + ".";
    }

    /** The outcome of locating: a place, or why not with the candidates a dispatcher may pick from. */
    public sealed interface Located {
        record Found(Place place) implements Located {
        }

        record NotFound(List<Decision.Rejected> rejections, List<GazetteerEntry> candidates) implements Located {
            public NotFound {
                rejections = List.copyOf(rejections);
                candidates = List.copyOf(candidates);
            }
        }
    }
}
