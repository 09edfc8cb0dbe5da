package com.backhaulexchange.deal.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.gazetteer.Gazetteer;
import com.backhaulexchange.gazetteer.Resolution;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.lane.LaneExamples;
import org.junit.jupiter.api.Test;

/** A lane pair is the state (US) or country of the load's origin and destination (ADR 45). */
class LanePairTest {
    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    private static Place named(String query) {
        return ((Resolution.Resolved) GAZETTEER.resolve(query)).place();
    }

    @Test
    void aPlaceNamedFromTheGazetteerKeepsItsOwnState() {
        assertThat(LanePair.marketOf(named("Dallas, TX"), GAZETTEER)).isEqualTo("US-TX");
        // Across the state line, 3 miles apart: each keeps its own.
        assertThat(LanePair.marketOf(named("Kansas City, MO"), GAZETTEER)).isEqualTo("US-MO");
        assertThat(LanePair.marketOf(named("Kansas City, KS"), GAZETTEER)).isEqualTo("US-KS");
    }

    @Test
    void delawareAndGermanyAreTwoMarkets() {
        assertThat(LanePair.marketOf(named("Wilmington, Delaware"), GAZETTEER)).isEqualTo("US-DE");
        assertThat(LanePair.marketOf(named("Berlin, Germany"), GAZETTEER)).isEqualTo("DE");
    }

    @Test
    void aPlaceGivenByCoordinatesTakesTheStateOfTheNearestCity() {
        Place dock = new Place(Coordinates.quantised(32.9, -96.9), null);

        assertThat(LanePair.marketOf(dock, GAZETTEER)).isEqualTo("US-TX");
    }

    @Test
    void theLanePairOfALoadIsFromItsOriginToItsDestination() {
        var load = LaneExamples.loadBuilder().route(named("Dallas, TX"), named("St. Louis, MO")).build();

        LanePair pair = LanePair.of(load, GAZETTEER);

        assertThat(pair).isEqualTo(new LanePair("US-TX", "US-MO"));
        assertThat(pair.label()).isEqualTo("US-TX→US-MO");
    }

    @Test
    void aMarketIsACountryOrAState() {
        assertThatThrownBy(() -> new LanePair("Texas", "US-MO")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LanePair("US-TX", "us-mo")).isInstanceOf(IllegalArgumentException.class);
    }
}
