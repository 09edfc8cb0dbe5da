package com.backhaulexchange.lane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LaneStatusTest {

    @Test
    void onlyAnOpenLaneIsMatched() {
        assertThat(Arrays.stream(LaneStatus.values()).filter(LaneStatus::isOpenForMatching))
                .containsExactly(LaneStatus.OPEN);
    }

    @Test
    void anOpenLaneCanBeMatchedBookedWithdrawnOrExpire() {
        assertThat(LaneStatus.OPEN.canBecome(LaneStatus.MATCHED)).isTrue();
        assertThat(LaneStatus.OPEN.canBecome(LaneStatus.BOOKED)).isTrue();
        assertThat(LaneStatus.OPEN.canBecome(LaneStatus.WITHDRAWN)).isTrue();
        assertThat(LaneStatus.OPEN.canBecome(LaneStatus.EXPIRED)).isTrue();
        assertThat(LaneStatus.OPEN.canBecome(LaneStatus.OPEN)).isFalse();
    }

    @Test
    void aMatchedLaneReopensWhenItsNegotiationFails() {
        assertThat(LaneStatus.MATCHED.canBecome(LaneStatus.OPEN)).isTrue();
        assertThat(LaneStatus.MATCHED.canBecome(LaneStatus.BOOKED)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = LaneStatus.class, names = {"BOOKED", "WITHDRAWN", "EXPIRED"})
    void aFinalStatusNeverChanges(LaneStatus status) {
        assertThat(status.isFinal()).isTrue();
        assertThat(Arrays.stream(LaneStatus.values()).filter(status::canBecome)).isEmpty();
    }
}
