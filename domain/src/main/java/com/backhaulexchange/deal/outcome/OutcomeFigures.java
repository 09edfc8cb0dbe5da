package com.backhaulexchange.deal.outcome;

import com.backhaulexchange.emissions.EmissionsMethod;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One role's additive figures over some bookings. Miles are road miles; {@code surplusMinorUnits} is, by
 * currency, what the carrier earned (agreed amount − its incremental cost) or the shipper saved (its price
 * without the exchange − agreed amount); CO₂e avoided is kept apart per factor set and version, never summed
 * across them. The carrier-side miles ({@code emptyMilesDriven}, {@code baselineEmptyMiles},
 * {@code emptyMilesAvoided}) are 0 for a shipper: they are counted once, on the truck's side.
 */
public record OutcomeFigures(long bookings, long loadsMoved, double loadedMiles, double emptyMilesDriven,
        double baselineEmptyMiles, double emptyMilesAvoided, Map<String, Long> surplusMinorUnits,
        Map<EmissionsMethod, Co2eKg> co2eAvoided) {

    public static final OutcomeFigures ZERO = new OutcomeFigures(0, 0, 0, 0, 0, 0, Map.of(), Map.of());

    private static final Comparator<EmissionsMethod> BY_METHOD = Comparator.comparing(EmissionsMethod::factorSetId)
            .thenComparing(EmissionsMethod::factorSetVersion);

    public OutcomeFigures {
        surplusMinorUnits = Map.copyOf(new TreeMap<>(Objects.requireNonNull(surplusMinorUnits, "surplusMinorUnits")));
        co2eAvoided = Map.copyOf(Objects.requireNonNull(co2eAvoided, "co2eAvoided"));
    }

    public OutcomeFigures plus(OutcomeFigures other) {
        Map<String, Long> surplus = new TreeMap<>(surplusMinorUnits);
        other.surplusMinorUnits.forEach((currency, amount) -> surplus.merge(currency, amount, Long::sum));
        Map<EmissionsMethod, Co2eKg> co2e = new LinkedHashMap<>(co2eAvoided);
        other.co2eAvoided.forEach((method, kg) -> co2e.merge(method, kg, Co2eKg::plus));
        return new OutcomeFigures(bookings + other.bookings, loadsMoved + other.loadsMoved,
                loadedMiles + other.loadedMiles, emptyMilesDriven + other.emptyMilesDriven,
                baselineEmptyMiles + other.baselineEmptyMiles, emptyMilesAvoided + other.emptyMilesAvoided, surplus,
                co2e);
    }

    /**
     * These figures less {@code part} (which they include): what is left of a sum once some of its terms are
     * known. Currencies and factor sets left at exactly zero are dropped.
     */
    public OutcomeFigures minus(OutcomeFigures part) {
        Map<String, Long> surplus = new TreeMap<>(surplusMinorUnits);
        part.surplusMinorUnits.forEach((currency, amount) -> surplus.merge(currency, -amount, Long::sum));
        surplus.values().removeIf(amount -> amount == 0);
        Map<EmissionsMethod, Co2eKg> co2e = new LinkedHashMap<>(co2eAvoided);
        part.co2eAvoided.forEach((method, kg) -> co2e.merge(method,
                new Co2eKg(-kg.wellToWheel(), -kg.tankToWheel()), Co2eKg::plus));
        co2e.values().removeIf(kg -> kg.wellToWheel() == 0 && kg.tankToWheel() == 0);
        return new OutcomeFigures(bookings - part.bookings, loadsMoved - part.loadsMoved,
                loadedMiles - part.loadedMiles, emptyMilesDriven - part.emptyMilesDriven,
                baselineEmptyMiles - part.baselineEmptyMiles, emptyMilesAvoided - part.emptyMilesAvoided, surplus,
                co2e);
    }

    /** Surplus by currency, in currency order. */
    public Map<String, Long> surplusByCurrency() {
        return new TreeMap<>(surplusMinorUnits);
    }

    /** CO₂e avoided by factor set and version, in their order. */
    public Map<EmissionsMethod, Co2eKg> co2eByMethod() {
        Map<EmissionsMethod, Co2eKg> sorted = new TreeMap<>(BY_METHOD);
        sorted.putAll(co2eAvoided);
        return sorted;
    }

    /**
     * The share of the trucks' miles that would have been empty without the exchange: the baseline's empty run
     * beside the same loaded miles, baseline ÷ (baseline + loaded). Null when there are no such miles.
     */
    public Double deadheadShareBefore() {
        return share(baselineEmptyMiles, baselineEmptyMiles + loadedMiles);
    }

    /** The share of the trucks' miles driven empty with the exchange: empty ÷ (empty + loaded). */
    public Double deadheadShareAfter() {
        return share(emptyMilesDriven, emptyMilesDriven + loadedMiles);
    }

    private Double share(double part, double whole) {
        return baselineEmptyMiles == 0 && emptyMilesDriven == 0 || !(whole > 0) ? null : part / whole;
    }
}
