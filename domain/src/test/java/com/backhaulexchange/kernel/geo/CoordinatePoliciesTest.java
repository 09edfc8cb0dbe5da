package com.backhaulexchange.kernel.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.policy.Decision;
import org.junit.jupiter.api.Test;

class CoordinatePoliciesTest {

    @Test
    void coordinatesWithinRangeEarnNoRejection() {
        assertThat(CoordinatePolicies.rejections(35.1, -90.0, "/origin")).isEmpty();
        assertThat(CoordinatePolicies.rejections(-90, 180, "/origin")).isEmpty();
    }

    @Test
    void eachOutOfRangeCoordinateIsRejectedWithItsPointer() {
        assertThat(CoordinatePolicies.rejections(91, -181, "/destination"))
                .extracting(Decision.Rejected::reasonCode, Decision.Rejected::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("COORDINATES_OUT_OF_RANGE", "/destination/latitudeDegrees"),
                        org.assertj.core.groups.Tuple.tuple("COORDINATES_OUT_OF_RANGE",
                                "/destination/longitudeDegrees"));
    }

    @Test
    void notANumberIsOutOfRange() {
        assertThat(CoordinatePolicies.rejections(Double.NaN, 0, "/origin"))
                .singleElement().extracting(Decision.Rejected::field).isEqualTo("/origin/latitudeDegrees");
    }
}
