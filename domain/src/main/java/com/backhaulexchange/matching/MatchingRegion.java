package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.GeoCell;
import com.backhaulexchange.lane.PostedLane;
import java.util.Objects;

/**
 * The area the batch optimiser solves as one assignment problem: a geohash cell of precision 2 (11.25° ×
 * 5.625°, about 590 × 390 miles at 40°N), holding the trucks that become empty in it and the loads picked
 * up in it. Coarse enough that most pairs a truck's deadhead allows lie inside one region, small enough that
 * a busy region's book (a few thousand lanes) is solved exactly in well under a second. Pairs across a
 * region border are left to incremental matching.
 */
public record MatchingRegion(GeoCell cell) {
    public static final int PRECISION = 2;

    public MatchingRegion {
        Objects.requireNonNull(cell, "cell");
        if (cell.precision() != PRECISION) {
            throw new IllegalArgumentException("a matching region is a precision-" + PRECISION + " cell: " + cell);
        }
    }

    public static MatchingRegion of(Coordinates point) {
        return new MatchingRegion(GeoCell.encode(point, PRECISION));
    }

    /** A truck's region is where it becomes empty; a load's is where it is picked up. */
    public static MatchingRegion of(PostedLane lane) {
        return switch (lane) {
            case PostedLane.Capacity capacity -> of(capacity.lane().emptyAt().coordinates());
            case PostedLane.Load load -> of(load.lane().origin().coordinates());
        };
    }

    public static boolean isValid(String geohash) {
        try {
            return geohash != null && new GeoCell(geohash).precision() == PRECISION;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static MatchingRegion parse(String geohash) {
        return new MatchingRegion(new GeoCell(geohash));
    }

    public String value() {
        return cell.geohash();
    }

    @Override
    public String toString() {
        return value();
    }
}
