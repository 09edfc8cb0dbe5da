package com.backhaulexchange.tracking;

import com.backhaulexchange.kernel.geo.Coordinates;
import java.math.BigDecimal;

/**
 * Where a truck is, no finer than a cell of a fixed 0.1° × 0.1° grid (ADR 33): the centre of the cell the position
 * falls in. A cell is 11.1 km north to south and 11.1 km × cos(latitude) east to west (8.7 km at 38° N), so the
 * centre is at most {@link #MAX_OFFSET_KM} from the truck, and every position in a cell gives the same point: a
 * sequence of views cannot be averaged back to the exact position, only to the cell.
 */
public record CoarseArea(double latitudeDegrees, double longitudeDegrees) {
    public static final double CELL_DEGREES = 0.1;
    /** Half the diagonal of a cell at the equator, its widest: sqrt(11.1² + 11.1²) / 2. */
    public static final double MAX_OFFSET_KM = 7.9;
    private static final int CELLS_PER_DEGREE = 10;
    private static final BigDecimal HALF_CELL = new BigDecimal("0.05");

    public static CoarseArea of(Coordinates exact) {
        return new CoarseArea(centre(exact.latitudeDegrees(), 90), centre(exact.longitudeDegrees(), 180));
    }

    /** The centre of the cell holding {@code degrees}; the cell at the edge of the range is the one below it. */
    private static double centre(double degrees, int limit) {
        long cell = (long) Math.floor(degrees * CELLS_PER_DEGREE);
        cell = Math.min(cell, (long) limit * CELLS_PER_DEGREE - 1);
        // (2 cell + 1) × 0.05 in decimal, then the nearest double: 38.55, not 38.550000000000004.
        return BigDecimal.valueOf(2 * cell + 1).multiply(HALF_CELL).doubleValue();
    }
}
