package com.backhaulexchange.emissions;

/**
 * A truck's fuel economy empty and at full payload. Between them, fuel per mile (not miles per gallon) is
 * interpolated linearly in the laden fraction: fuel burn grows about linearly with mass, and DESNZ's 0 %, 50 %
 * and 100 % laden tables support no finer shape.
 */
public record FuelEconomy(double emptyMpg, double fullMpg) {
    public FuelEconomy {
        requirePositive("emptyMpg", emptyMpg);
        requirePositive("fullMpg", fullMpg);
        if (fullMpg > emptyMpg) {
            // A fuller truck burning less would make emissions fall with load: refused as a data error.
            throw new IllegalArgumentException(
                    "fullMpg must not exceed emptyMpg, was " + fullMpg + " > " + emptyMpg);
        }
    }

    /** The same economy whatever the load: what a fleet that reports one average figure knows. */
    public static FuelEconomy flat(double mpg) {
        return new FuelEconomy(mpg, mpg);
    }

    public double gallonsPerMile(LadenFraction laden) {
        double empty = 1 / emptyMpg;
        double full = 1 / fullMpg;
        return empty + (full - empty) * laden.value();
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and positive, was " + value);
        }
    }
}
