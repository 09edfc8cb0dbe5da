package com.backhaulexchange.kernel.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoadDistanceModelTest {

    private static final Coordinates MEMPHIS = new Coordinates(35.14953, -90.04898);
    private static final Coordinates INDIANAPOLIS = new Coordinates(39.76838, -86.15804);

    @Test
    void theDefaultCircuityIsOnePointTwo() {
        assertThat(RoadDistanceModel.DEFAULT.circuityFactor()).isEqualTo(1.2);
    }

    @Test
    void roadMilesAreGreatCircleMilesTimesTheCircuityFactor() {
        double greatCircle = GreatCircle.miles(MEMPHIS, INDIANAPOLIS);
        assertThat(RoadDistanceModel.DEFAULT.roadMiles(MEMPHIS, INDIANAPOLIS))
                .isCloseTo(1.2 * greatCircle, within(1e-9));
        assertThat(new RoadDistanceModel(1.35).roadMiles(MEMPHIS, INDIANAPOLIS))
                .isCloseTo(1.35 * greatCircle, within(1e-9));
    }

    @Test
    void aRoadDistanceLimitTranslatesIntoAGreatCircleRadius() {
        assertThat(RoadDistanceModel.DEFAULT.greatCircleMilesWithin(120)).isCloseTo(100, within(1e-9));
    }

    @ParameterizedTest(name = "circuity {0} is rejected")
    @ValueSource(doubles = {1.0, 0.9, 0, -1.2, 3.0001, 10, Double.NaN, Double.POSITIVE_INFINITY})
    void aCircuityOfOneOrLessOrAboveThreeIsRejected(double factor) {
        assertThatThrownBy(() -> new RoadDistanceModel(factor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("circuityFactor");
    }

    @ParameterizedTest(name = "circuity {0} is accepted")
    @ValueSource(doubles = {1.0001, 1.2, 1.5, 3.0})
    void aCircuityAboveOneUpToThreeIsAccepted(double factor) {
        assertThat(new RoadDistanceModel(factor).circuityFactor()).isEqualTo(factor);
    }
}
