package com.backhaulexchange.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LoadLaneId;
import org.junit.jupiter.api.Test;

class MatchIdTest {

    @Test
    void thePairDeterminesTheIdAndEveryOtherPairGetsAnother() {
        CapacityLaneId truck = LaneExamples.capacityId(1);
        LoadLaneId load = LaneExamples.loadId(1);

        assertThat(MatchId.of(truck, load)).isEqualTo(MatchId.of(truck, load));
        assertThat(MatchId.of(truck, load)).isNotEqualTo(MatchId.of(LaneExamples.capacityId(2), load))
                .isNotEqualTo(MatchId.of(truck, LaneExamples.loadId(2)));
        assertThat(MatchId.of(truck, load).value()).matches("[0-9a-f]{32}");
    }

    @Test
    void onlyThirtyTwoLowerCaseHexDigitsAreAMatchId() {
        assertThat(MatchId.isValid("0".repeat(32))).isTrue();
        assertThat(MatchId.isValid("A".repeat(32))).isFalse();
        assertThat(MatchId.isValid("0".repeat(31))).isFalse();
        assertThatThrownBy(() -> new MatchId("../lanes")).isInstanceOf(IllegalArgumentException.class);
    }
}
