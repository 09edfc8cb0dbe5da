package com.backhaulexchange.kernel.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The covering is complete: no point within the radius lies outside the covering cells. */
class GeoCellCoveringPropertiesTest {

    @Property(tries = 1500)
    @Label("every point within the radius lies in one of the covering cells")
    void everyPointWithinTheRadiusIsCovered(
            @ForAll("anywhere") Coordinates center,
            @ForAll @DoubleRange(min = 0, max = 600) double radiusMiles,
            @ForAll @IntRange(min = 1, max = 4) int precision,
            @ForAll @DoubleRange(min = 0, max = 360) double bearing,
            @ForAll @DoubleRange(min = 0, max = 1) double fraction) {
        GeoCellScheme scheme = new GeoCellScheme(precision);
        Coordinates point = GreatCircle.destination(center, bearing, radiusMiles * fraction);

        List<GeoCell> covering;
        try {
            covering = scheme.cellsCovering(center, radiusMiles);
        } catch (IllegalArgumentException tooManyCells) {
            // A fine scheme refuses a large disc near a pole (more than MAX_COVERING_CELLS cells) rather than
            // answer incompletely: that refusal is the documented answer, not a gap in a covering.
            assertThat(tooManyCells).hasMessageContaining("use a coarser scheme");
            assertThat(precision).isGreaterThanOrEqualTo(4);
            return;
        }

        assertThat(covering).contains(scheme.cellOf(point));
    }

    @Property(tries = 1500)
    @Label("points on the rim of the disc are covered, at the poles and the antimeridian too")
    void pointsOnTheRimAreCovered(
            @ForAll("edgesOfTheMap") Coordinates center,
            @ForAll @DoubleRange(min = 0.01, max = 500) double radiusMiles,
            @ForAll @DoubleRange(min = 0, max = 360) double bearing) {
        Coordinates point = GreatCircle.destination(center, bearing, radiusMiles);
        List<GeoCell> covering = GeoCellScheme.DEFAULT.cellsCovering(center, radiusMiles);
        assertThat(covering).contains(GeoCellScheme.DEFAULT.cellOf(point));
    }

    @Property(tries = 300)
    @Label("every covering cell comes within the radius of the centre (no cell is fetched for nothing)")
    void everyCoveringCellReachesIntoTheDisc(
            @ForAll("anywhere") Coordinates center,
            @ForAll @DoubleRange(min = 0, max = 300) double radiusMiles) {
        double latitude = Math.toRadians(center.latitudeDegrees());
        double longitude = Math.toRadians(center.longitudeDegrees());
        for (GeoCell cell : GeoCellScheme.DEFAULT.cellsCovering(center, radiusMiles)) {
            double nearestMiles = GeoCellScheme.minimumCentralAngle(latitude, longitude, cell.bounds())
                    * GreatCircle.EARTH_RADIUS_MILES;
            assertThat(nearestMiles).isLessThanOrEqualTo(radiusMiles + 0.01);
        }
    }

    @Provide
    Arbitrary<Coordinates> anywhere() {
        return Combinators.combine(Arbitraries.doubles().between(-90, 90), Arbitraries.doubles().between(-180, 180))
                .as(Coordinates::new);
    }

    @Provide
    Arbitrary<Coordinates> edgesOfTheMap() {
        Arbitrary<Double> latitudes = Arbitraries.oneOf(
                Arbitraries.doubles().between(85, 90), Arbitraries.doubles().between(-90, -85),
                Arbitraries.doubles().between(-60, 60));
        Arbitrary<Double> longitudes = Arbitraries.oneOf(
                Arbitraries.doubles().between(175, 180), Arbitraries.doubles().between(-180, -175),
                Arbitraries.of(0.0, -180.0, 180.0, 1.40625, -1.40625));
        return Combinators.combine(latitudes, longitudes).as(Coordinates::new);
    }
}
