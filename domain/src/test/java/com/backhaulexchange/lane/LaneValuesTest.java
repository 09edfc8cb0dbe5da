package com.backhaulexchange.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LaneValuesTest {

    @Test
    void laneIdsAreUlids() {
        assertThat(new CapacityLaneId("01JDCAP0000000000000000001").toString()).isEqualTo("01JDCAP0000000000000000001");
        assertThatThrownBy(() -> new CapacityLaneId("lane-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadLaneId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void laneIdsSortInPostingOrder() {
        assertThat(LaneExamples.loadId(1)).isLessThan(LaneExamples.loadId(2));
        assertThat(LaneExamples.capacityId(9)).isLessThan(LaneExamples.capacityId(10));
    }

    @Test
    void aTimeWindowIncludesBothEnds() {
        var window = new TimeWindow(Instant.parse("2026-11-23T14:00:00Z"), Instant.parse("2026-11-23T18:00:00Z"),
                LaneExamples.CHICAGO);
        assertThat(window.contains(window.opensAt())).isTrue();
        assertThat(window.contains(window.closesAt())).isTrue();
        assertThat(window.contains(window.closesAt().plusSeconds(1))).isFalse();
        assertThat(window.length()).isEqualTo(Duration.ofHours(4));
        assertThat(window.opensAtLocal().getHour()).isEqualTo(8);
    }

    @Test
    void aTimeWindowNeedsItsZone() {
        assertThatThrownBy(() -> new TimeWindow(Instant.EPOCH, Instant.EPOCH, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("zone");
    }

    @Test
    void aLaneChangesStatusByCopy() {
        CapacityLane open = LaneExamples.capacity();
        assertThat(open.withStatus(LaneStatus.WITHDRAWN).status()).isEqualTo(LaneStatus.WITHDRAWN);
        assertThat(open.status()).isEqualTo(LaneStatus.OPEN);
        assertThat(LaneExamples.load().withStatus(LaneStatus.EXPIRED)).isNotEqualTo(LaneExamples.load());
    }
}
