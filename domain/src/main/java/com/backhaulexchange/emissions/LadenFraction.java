package com.backhaulexchange.emissions;

/**
 * How full a truck is on a leg: 0 empty (deadhead), 1 at its payload capacity. Loads are weighed against
 * capacity, not counted in pallets, because fuel burn follows mass.
 */
public record LadenFraction(double value) {
    public static final LadenFraction EMPTY = new LadenFraction(0);
    public static final LadenFraction FULL = new LadenFraction(1);

    public LadenFraction {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("laden fraction must be within 0..1, was " + value);
        }
    }

    public static LadenFraction of(double value) {
        return new LadenFraction(value);
    }

    /** A load of {@code weightLbs} on a truck that carries {@code payloadCapacityLbs}; over capacity is refused. */
    public static LadenFraction ofWeight(double weightLbs, double payloadCapacityLbs) {
        if (!(payloadCapacityLbs > 0) || Double.isInfinite(payloadCapacityLbs)) {
            throw new IllegalArgumentException("payload capacity must be finite and positive, was " + payloadCapacityLbs);
        }
        if (!(weightLbs >= 0) || weightLbs > payloadCapacityLbs) {
            throw new IllegalArgumentException(
                    "weight must be within 0.." + payloadCapacityLbs + " lb, was " + weightLbs);
        }
        return new LadenFraction(weightLbs / payloadCapacityLbs);
    }
}
