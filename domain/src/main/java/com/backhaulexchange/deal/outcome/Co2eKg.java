package com.backhaulexchange.deal.outcome;

/** kg CO₂e avoided, well-to-wheel and its tank-to-wheel part, summed under one factor set and version. */
public record Co2eKg(double wellToWheel, double tankToWheel) {
    public static final Co2eKg ZERO = new Co2eKg(0, 0);

    public Co2eKg plus(Co2eKg other) {
        return new Co2eKg(wellToWheel + other.wellToWheel, tankToWheel + other.tankToWheel);
    }
}
