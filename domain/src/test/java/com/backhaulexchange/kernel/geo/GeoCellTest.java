package com.backhaulexchange.kernel.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeoCellTest {

    private static final Coordinates MEMPHIS = new Coordinates(35.14953, -90.04898);

    @Test
    void pointsEncodeToTheirStandardGeohash() {
        // The examples of the geohash reference (geohash.org / Wikipedia).
        assertThat(new GeoCellScheme(5).cellOf(new Coordinates(42.6, -5.6)).geohash()).isEqualTo("ezs42");
        assertThat(new GeoCellScheme(6).cellOf(new Coordinates(57.64911, 10.40744)).geohash()).isEqualTo("u4pruy");
        assertThat(GeoCellScheme.DEFAULT.cellOf(new Coordinates(57.64911, 10.40744)).geohash()).isEqualTo("u4p");
    }

    @Test
    void aPointInsideACellIsNoMilesFromItAndAPointOutsideIsAsFarAsTheNearestEdge() {
        GeoCell.Bounds memphisCell = GeoCellScheme.DEFAULT.cellOf(MEMPHIS).bounds();
        assertThat(memphisCell.milesFrom(MEMPHIS)).isZero();

        var dueNorth = new Coordinates(memphisCell.maxLatitudeDegrees() + 1, MEMPHIS.longitudeDegrees());
        assertThat(memphisCell.milesFrom(dueNorth)).as("one degree of latitude north of the northern edge")
                .isCloseTo(69.1, within(0.1));
        var northEast = new Coordinates(memphisCell.maxLatitudeDegrees() + 1, memphisCell.maxLongitudeDegrees() + 1);
        assertThat(memphisCell.milesFrom(northEast)).as("to the corner")
                .isCloseTo(GreatCircle.miles(northEast,
                        new Coordinates(memphisCell.maxLatitudeDegrees(), memphisCell.maxLongitudeDegrees())), within(1e-9))
                .isGreaterThan(memphisCell.milesFrom(dueNorth));
    }

    @Test
    void aCellsBoundsDecodeTheGeohash() {
        GeoCell.Bounds bounds = new GeoCell("ezs42").bounds();
        assertThat(bounds.minLatitudeDegrees()).isCloseTo(42.583, within(1e-3));
        assertThat(bounds.maxLatitudeDegrees()).isCloseTo(42.627, within(1e-3));
        assertThat(bounds.minLongitudeDegrees()).isCloseTo(-5.625, within(1e-3));
        assertThat(bounds.maxLongitudeDegrees()).isCloseTo(-5.581, within(1e-3));
    }

    @Test
    void aDefaultCellIsOnePointFourDegreesSquare() {
        assertThat(GeoCellScheme.DEFAULT.precision()).isEqualTo(3);
        assertThat(GeoCellScheme.DEFAULT.cellSizeDegrees()).containsExactly(1.40625, 1.40625);
    }

    @Test
    void aCellContainsThePointsEncodedIntoIt() {
        GeoCell cell = GeoCellScheme.DEFAULT.cellOf(MEMPHIS);
        assertThat(cell.contains(MEMPHIS)).isTrue();
        assertThat(cell.contains(new Coordinates(41.8781, -87.6298))).isFalse();
        GeoCell.Bounds bounds = cell.bounds();
        assertThat(MEMPHIS.latitudeDegrees()).isBetween(bounds.minLatitudeDegrees(), bounds.maxLatitudeDegrees());
        assertThat(MEMPHIS.longitudeDegrees()).isBetween(bounds.minLongitudeDegrees(), bounds.maxLongitudeDegrees());
    }

    @Test
    void aFinePrecisionCellKnowsItsPoints() {
        GeoCell fine = GeoCell.encode(new Coordinates(57.64911, 10.40744), 11);
        assertThat(fine.geohash()).isEqualTo("u4pruydqqvj");
        assertThat(fine.contains(new Coordinates(57.64911, 10.40744))).isTrue();
        assertThat(fine.contains(new Coordinates(57.65, 10.41))).isFalse();
    }

    @Test
    void theCornersOfTheWorldEncode() {
        assertThat(GeoCellScheme.DEFAULT.cellOf(new Coordinates(90, 180)).geohash()).isEqualTo("zzz");
        assertThat(GeoCellScheme.DEFAULT.cellOf(new Coordinates(-90, -180)).geohash()).isEqualTo("000");
    }

    @ParameterizedTest(name = "\"{0}\" is not a geohash")
    @ValueSource(strings = {"", "abc", "9qa", "1234567890123"})
    void malformedGeohashesAreRejected(String geohash) {
        assertThatThrownBy(() -> new GeoCell(geohash)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZeroRadiusIsCoveredByTheCellOfTheCentre() {
        assertThat(GeoCellScheme.DEFAULT.cellsCovering(MEMPHIS, 0))
                .containsExactly(GeoCellScheme.DEFAULT.cellOf(MEMPHIS));
    }

    @Test
    void aHundredMileDiscInTheMidwestNeedsAboutTenCells() {
        // docs/reference/matching-model.md (measured by the project): 160 km over CONUS averages 9.8 cells at precision 3.
        List<GeoCell> cells = GeoCellScheme.DEFAULT.cellsCovering(MEMPHIS, 100);
        assertThat(cells).hasSizeBetween(6, 16).contains(GeoCellScheme.DEFAULT.cellOf(MEMPHIS)).isSorted();
    }

    @Test
    void aDiscAcrossTheAntimeridianCoversCellsOnBothSides() {
        List<GeoCell> cells = GeoCellScheme.DEFAULT.cellsCovering(new Coordinates(52, 179.9), 60);
        assertThat(cells).anySatisfy(cell -> assertThat(cell.bounds().maxLongitudeDegrees()).isEqualTo(180))
                .anySatisfy(cell -> assertThat(cell.bounds().minLongitudeDegrees()).isEqualTo(-180));
    }

    @Test
    void aDiscOverAPoleCoversEveryLongitudeThere() {
        List<GeoCell> cells = GeoCellScheme.DEFAULT.cellsCovering(new Coordinates(89.5, 0), 100);
        long polarRow = cells.stream().filter(cell -> cell.bounds().maxLatitudeDegrees() == 90).count();
        assertThat(polarRow).isEqualTo(256);
    }

    @Test
    void negativeOrEndlessRadiiAreRejected() {
        assertThatThrownBy(() -> GeoCellScheme.DEFAULT.cellsCovering(MEMPHIS, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeoCellScheme.DEFAULT.cellsCovering(MEMPHIS, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeoCellScheme.DEFAULT.cellsCovering(MEMPHIS, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCoveringTooLargeForTheSchemeIsRefused() {
        assertThatThrownBy(() -> new GeoCellScheme(6).cellsCovering(MEMPHIS, 3000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coarser");
    }
}
