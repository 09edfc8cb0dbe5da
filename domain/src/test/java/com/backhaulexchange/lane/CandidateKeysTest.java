package com.backhaulexchange.lane;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.lane.LaneExamples;
import org.junit.jupiter.api.Test;

class CandidateKeysTest {

    private final CandidateKeys keys = new CandidateKeys(GeoCellScheme.DEFAULT, RoadDistanceModel.DEFAULT);

    @Test
    void aLoadIsIndexedAtItsOriginCellForEachDayOfItsPickupWindow() {
        var load = LaneExamples.load();
        // Pickup Monday 08:00–12:00 Chicago time = 14:00–18:00 UTC: one day.
        assertThat(keys.loadIndexKeys(load)).singleElement().satisfies(key -> {
            assertThat(key.cell()).isEqualTo(GeoCellScheme.DEFAULT.cellOf(load.origin().coordinates()));
            assertThat(key.day().key()).isEqualTo("2026-11-23");
            assertThat(key.value()).isEqualTo(key.cell().geohash() + "#2026-11-23");
        });
    }

    @Test
    void aCapacityIsIndexedForEachDayOfItsAvailability() {
        // Monday 06:00 Chicago (12:00 UTC) to Tuesday 18:00 Chicago (Wednesday 00:00 UTC).
        assertThat(keys.capacityIndexKeys(LaneExamples.capacity())).extracting(key -> key.day().key())
                .containsExactly("2026-11-23", "2026-11-24", "2026-11-25");
    }

    @Test
    void aCapacitySearchesItsOriginDeadheadDiscAndFindsTheExampleLoad() {
        var search = keys.loadsNear(LaneExamples.capacity());
        assertThat(search).containsAnyElementsOf(keys.loadIndexKeys(LaneExamples.load()));
        assertThat(search.stream().map(CandidateKeys.CandidateKey::cell).distinct().count()).isBetween(2L, 20L);
    }

    @Test
    void aLoadSearchingWithTheLargestDeadheadFindsTheExampleCapacity() {
        assertThat(keys.capacitiesNear(LaneExamples.load(), 500))
                .containsAnyElementsOf(keys.capacityIndexKeys(LaneExamples.capacity()));
    }

    @Test
    void searchKeysComeNearestCellFirstSoThatABudgetedSearchReadsTheNearestCandidatesFirst() {
        var load = LaneExamples.load();
        var search = keys.capacitiesNear(load, 500);
        var origin = load.origin().coordinates();

        assertThat(search.getFirst().cell()).isEqualTo(GeoCellScheme.DEFAULT.cellOf(origin));
        assertThat(search).extracting(key -> key.cell().bounds().milesFrom(origin))
                .isSortedAccordingTo(Double::compare);
        assertThat(search.stream().map(CandidateKeys.CandidateKey::cell).distinct().count())
                .as("cells of a 500-mile search").isGreaterThan(20);
    }
}
