package com.backhaulexchange.kernel.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GreatCircleTest {

    private static final Coordinates CHICAGO = new Coordinates(41.8781, -87.6298);
    private static final Coordinates NEW_YORK = new Coordinates(40.7128, -74.0060);

    @Test
    void theEarthRadiusIsTheIuggMeanRadiusInStatuteMiles() {
        assertThat(GreatCircle.EARTH_RADIUS_MILES).isCloseTo(3958.7613, within(1e-4));
    }

    @Test
    void oneDegreeOfLatitudeIsAbout69Miles() {
        double miles = GreatCircle.miles(new Coordinates(40, -90), new Coordinates(41, -90));
        assertThat(miles).isCloseTo(2 * Math.PI * GreatCircle.EARTH_RADIUS_MILES / 360, within(1e-9));
        assertThat(miles).isCloseTo(69.09, within(0.01));
    }

    @Test
    void chicagoToNewYorkIsAbout712MilesAsTheCrowFlies() {
        assertThat(GreatCircle.miles(CHICAGO, NEW_YORK)).isCloseTo(711.9, within(1.0));
    }

    @Test
    void distanceIsSymmetricAndZeroToItself() {
        assertThat(GreatCircle.miles(CHICAGO, NEW_YORK)).isEqualTo(GreatCircle.miles(NEW_YORK, CHICAGO));
        assertThat(GreatCircle.miles(CHICAGO, CHICAGO)).isZero();
    }

    @Test
    void antipodesAreHalfACircumferenceApart() {
        double miles = GreatCircle.miles(new Coordinates(10, 20), new Coordinates(-10, -160));
        // Haversine loses a few digits near the antipode: still within a yard.
        assertThat(miles).isCloseTo(Math.PI * GreatCircle.EARTH_RADIUS_MILES, within(1e-3));
    }

    @Test
    void theShortWayAcrossTheAntimeridianIsTaken() {
        double miles = GreatCircle.miles(new Coordinates(0, 179.5), new Coordinates(0, -179.5));
        assertThat(miles).isCloseTo(69.09, within(0.01));
    }

    @Test
    void theDestinationPointLiesAtTheGivenDistanceAndBearing() {
        Coordinates east = GreatCircle.destination(CHICAGO, 90, 250);
        assertThat(GreatCircle.miles(CHICAGO, east)).isCloseTo(250, within(1e-6));
        Coordinates north = GreatCircle.destination(CHICAGO, 0, 69.09);
        assertThat(north.longitudeDegrees()).isCloseTo(CHICAGO.longitudeDegrees(), within(1e-9));
        assertThat(north.latitudeDegrees()).isCloseTo(42.8781, within(1e-3));
    }
}
