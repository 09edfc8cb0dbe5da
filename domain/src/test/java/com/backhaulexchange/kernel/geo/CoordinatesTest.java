package com.backhaulexchange.kernel.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoordinatesTest {

    @ParameterizedTest(name = "({0}, {1}) is a point on Earth")
    @CsvSource({"90, 180", "-90, -180", "0, 0", "41.8781, -87.6298", "-33.8688, 151.2093"})
    void pointsWithinTheBoundsAreAccepted(double latitude, double longitude) {
        var point = new Coordinates(latitude, longitude);
        assertThat(point.latitudeDegrees()).isEqualTo(latitude);
        assertThat(point.longitudeDegrees()).isEqualTo(longitude);
    }

    @ParameterizedTest(name = "latitude {0} is rejected")
    @CsvSource({"90.000001", "-90.000001", "91", "-180", "NaN", "Infinity"})
    void aLatitudeBeyondThePolesIsRejected(double latitude) {
        assertThatThrownBy(() -> new Coordinates(latitude, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latitudeDegrees");
    }

    @ParameterizedTest(name = "longitude {0} is rejected")
    @CsvSource({"180.000001", "-180.000001", "360", "NaN", "-Infinity"})
    void aLongitudeBeyondTheAntimeridianIsRejected(double longitude) {
        assertThatThrownBy(() -> new Coordinates(0, longitude))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longitudeDegrees");
    }

    @Test
    void aPlaceNeedsCoordinatesButNotALabel() {
        assertThat(new Place(new Coordinates(1, 2), null).label()).isNull();
        assertThatThrownBy(() -> new Place(null, "Nowhere")).isInstanceOf(NullPointerException.class);
    }
}
