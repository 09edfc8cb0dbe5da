package com.backhaulexchange.deal.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.lane.LaneStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AutoAcceptPricesTest {

    @ParameterizedTest
    @EnumSource(value = LaneStatus.class, names = {"OPEN", "MATCHED"})
    void aPriceMayBeSetOnALiveLane(LaneStatus status) {
        assertThat(AutoAcceptPrices.refusalToSetOn(status)).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = LaneStatus.class, names = {"BOOKED", "WITHDRAWN", "EXPIRED"})
    void aPriceOnALaneThatTakesNoMoreOffersIsRefused(LaneStatus status) {
        Refusal refusal = AutoAcceptPrices.refusalToSetOn(status);
        assertThat(refusal.reason()).isEqualTo(ReasonCode.LANE_NOT_OPEN);
        assertThat(refusal.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(refusal.detail()).contains(status.name());
    }
}
