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

    @ParameterizedTest(name = "{0} is kept bit for bit")
    @CsvSource({"41.878113", "-87.629798123", "0.000000001", "-179.999999999", "89.123456789", "1e-9"})
    void coordinatesWithAtMostNineDecimalsAreKeptExactlyByQuantisation(double degrees) {
        var point = Coordinates.quantised(degrees / 2, degrees);
        assertThat(Double.doubleToLongBits(point.longitudeDegrees())).isEqualTo(Double.doubleToLongBits(degrees));
    }

    @Test
    void finerCoordinatesAreQuantisedToNineDecimalsSoASubnormalBecomesZero() {
        assertThat(new Coordinates(1e-320, 0).latitudeDegrees()).as("the constructor stays exact").isEqualTo(1e-320);
        assertThat(Coordinates.quantised(1e-320, -1e-320)).isEqualTo(new Coordinates(0, 0));
        assertThat(Coordinates.quantised(41.8781136789, -87.6297982346))
                .isEqualTo(new Coordinates(41.878113679, -87.629798235));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            double degrees = Math.round(random.nextDouble(-180, 180) * 1e9) / 1e9;
            double parsed = Double.parseDouble(new java.math.BigDecimal(degrees)
                    .setScale(9, java.math.RoundingMode.HALF_EVEN).toPlainString());
            assertThat(Coordinates.quantised(0, parsed).longitudeDegrees()).isEqualTo(parsed);
        }
    }
}
