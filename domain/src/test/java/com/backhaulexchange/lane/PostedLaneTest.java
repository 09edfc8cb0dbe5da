package com.backhaulexchange.lane;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostedLaneTest {
    private final PostedLane.Capacity truck = new PostedLane.Capacity(LaneExamples.capacity(), LaneExamples.NOW,
            LaneExamples.NOW);
    private final PostedLane.Load load = new PostedLane.Load(LaneExamples.load(), LaneExamples.NOW, LaneExamples.NOW);

    @Test
    void aTruckIsMatchableUntilItMustBeAtItsEndPointAndALoadUntilItsPickupWindowCloses() {
        assertThat(truck.matchableUntil()).isEqualTo(LaneExamples.capacity().mustArriveBy().toInstant());
        assertThat(load.matchableUntil()).isEqualTo(LaneExamples.load().pickupWindow().closesAt());
    }

    @Test
    void anOpenLaneReadsExpiredFromTheMomentItStopsBeingMatchable() {
        Instant end = load.matchableUntil();

        assertThat(load.effectiveStatus(end.minusNanos(1))).isEqualTo(LaneStatus.OPEN);
        assertThat(load.effectiveStatus(end)).isEqualTo(LaneStatus.EXPIRED);
        assertThat(load.isOpenForMatchingAt(end)).isFalse();
        assertThat(load.laneAt(end).status()).isEqualTo(LaneStatus.EXPIRED);
        assertThat(load.laneAt(end.minusSeconds(1))).isSameAs(load.lane());
    }

    @Test
    void aWithdrawnOrBookedLaneKeepsItsStatusAfterItsTime() {
        Instant later = truck.matchableUntil().plusSeconds(3600);

        assertThat(truck.withStatus(LaneStatus.WITHDRAWN, LaneExamples.NOW).effectiveStatus(later))
                .isEqualTo(LaneStatus.WITHDRAWN);
        assertThat(truck.withStatus(LaneStatus.BOOKED, LaneExamples.NOW).effectiveStatus(later))
                .isEqualTo(LaneStatus.BOOKED);
        assertThat(truck.withStatus(LaneStatus.MATCHED, LaneExamples.NOW).effectiveStatus(later))
                .isEqualTo(LaneStatus.EXPIRED);
    }

    @Test
    void aStatusChangeKeepsThePostingTimeAndMovesTheUpdateTime() {
        Instant now = LaneExamples.NOW.plusSeconds(90);

        var withdrawn = truck.withStatus(LaneStatus.WITHDRAWN, now);

        assertThat(withdrawn.postedAt()).isEqualTo(truck.postedAt());
        assertThat(withdrawn.updatedAt()).isEqualTo(now);
        assertThat(withdrawn.lane().withStatus(LaneStatus.OPEN)).isEqualTo(truck.lane());
    }

    @Test
    void aTruckAvailableSinceEarlierCanOnlyDriveFromNowInItsOwnZone() {
        Instant later = truck.lane().availableFrom().toInstant().plusSeconds(5400);

        var drivable = truck.drivableAt(later);

        assertThat(drivable.availableFrom().toInstant()).isEqualTo(later);
        assertThat(drivable.availableFrom().getZone()).isEqualTo(truck.lane().availableFrom().getZone());
        assertThat(drivable.withStatus(LaneStatus.OPEN)).isNotEqualTo(truck.lane());
        assertThat(truck.drivableAt(LaneExamples.NOW)).isSameAs(truck.lane());
    }
}
