package com.backhaulexchange.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.policy.Decision;
import org.junit.jupiter.api.Test;

class LocatorTest {

    private final Locator locator = new Locator(Gazetteer.bundled());

    @Test
    void coordinatesWithinRangeLocateAsGiven() {
        assertThat(locator.locate(new LocationQuery.AtCoordinates(35.1, -90.0, "Yard 7"), "/origin"))
                .isEqualTo(new Locator.Located.Found(new Place(new Coordinates(35.1, -90.0), "Yard 7")));
    }

    @Test
    void outOfRangeCoordinatesAreRejectedWithPointers() {
        assertThat(locator.locate(new LocationQuery.AtCoordinates(95, -200, null), "/origin"))
                .isInstanceOfSatisfying(Locator.Located.NotFound.class, notFound ->
                        assertThat(notFound.rejections()).extracting(Decision.Rejected::field)
                                .containsExactly("/origin/latitudeDegrees", "/origin/longitudeDegrees"));
    }

    @Test
    void aKnownNameLocatesTheCity() {
        assertThat(locator.locate(new LocationQuery.Named("Indianapolis", "IN"), "/destination"))
                .isInstanceOfSatisfying(Locator.Located.Found.class,
                        found -> assertThat(found.place().label()).isEqualTo("Indianapolis, IN"));
    }

    @Test
    void anAmbiguousNameIsRejectedListingTheCandidates() {
        assertThat(locator.locate(new LocationQuery.Named("Springfield", null), "/origin"))
                .isInstanceOfSatisfying(Locator.Located.NotFound.class, notFound -> {
                    assertThat(notFound.candidates()).hasSize(5);
                    assertThat(notFound.rejections()).singleElement().satisfies(rejected -> {
                        assertThat(rejected.reasonCode()).isEqualTo(Locator.AMBIGUOUS_PLACE);
                        assertThat(rejected.field()).isEqualTo("/origin/name");
                        assertThat(rejected.detail()).contains("Springfield, MO", "Springfield, OH");
                    });
                });
    }

    @Test
    void anUnknownNameIsRejectedWithSuggestions() {
        assertThat(locator.locate(new LocationQuery.Named("Memphs", "TN"), "/destination"))
                .isInstanceOfSatisfying(Locator.Located.NotFound.class, notFound -> {
                    assertThat(notFound.candidates()).extracting(GazetteerEntry::label).contains("Memphis, TN");
                    assertThat(notFound.rejections()).singleElement().satisfies(rejected -> {
                        assertThat(rejected.reasonCode()).isEqualTo(Locator.UNKNOWN_PLACE);
                        assertThat(rejected.field()).isEqualTo("/destination/name");
                        assertThat(rejected.detail()).contains("\"Memphs, TN\"", "Did you mean: Memphis, TN");
                    });
                });
    }

    @Test
    void aMissingNameIsRejected() {
        assertThat(locator.locate(new LocationQuery.Named(" ", "TN"), "/origin"))
                .isInstanceOfSatisfying(Locator.Located.NotFound.class, notFound ->
                        assertThat(notFound.rejections()).extracting(Decision.Rejected::reasonCode)
                                .containsExactly(Locator.NAME_REQUIRED));
    }
}
