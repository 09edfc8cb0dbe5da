package com.backhaulexchange.deal.network;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The optimiser's plan against what was booked, in one region and week (ADR 48), additive like the other
 * network counters. The plan's side: the plans stored, and the options that a plan of the week recommended
 * and the previous plan of the week did not (so an option recommended hour after hour counts once), with their
 * loads, empty miles avoided and surplus. The booked side: bookings of a match or package that carried the
 * optimiser's recommendation when it was booked, counted in the region of the plan that recommended it.
 */
public record PlanCounters(long plansStored, long optionsRecommended, long packagesRecommended,
        long loadsRecommended, double emptyMilesAvoidedPlanned, Map<String, Long> surplusPlannedMinorUnits,
        long recommendedOptionsBooked, long recommendedLoadsBooked, double emptyMilesAvoidedBookedOfPlan,
        Map<String, Long> surplusBookedOfPlanMinorUnits) {

    public static final PlanCounters ZERO = new PlanCounters(0, 0, 0, 0, 0, Map.of(), 0, 0, 0, Map.of());

    public PlanCounters {
        surplusPlannedMinorUnits = Map.copyOf(Objects.requireNonNull(surplusPlannedMinorUnits,
                "surplusPlannedMinorUnits"));
        surplusBookedOfPlanMinorUnits = Map.copyOf(Objects.requireNonNull(surplusBookedOfPlanMinorUnits,
                "surplusBookedOfPlanMinorUnits"));
    }

    public PlanCounters plus(PlanCounters other) {
        return new PlanCounters(plansStored + other.plansStored, optionsRecommended + other.optionsRecommended,
                packagesRecommended + other.packagesRecommended, loadsRecommended + other.loadsRecommended,
                emptyMilesAvoidedPlanned + other.emptyMilesAvoidedPlanned,
                sum(surplusPlannedMinorUnits, other.surplusPlannedMinorUnits),
                recommendedOptionsBooked + other.recommendedOptionsBooked,
                recommendedLoadsBooked + other.recommendedLoadsBooked,
                emptyMilesAvoidedBookedOfPlan + other.emptyMilesAvoidedBookedOfPlan,
                sum(surplusBookedOfPlanMinorUnits, other.surplusBookedOfPlanMinorUnits));
    }

    /** The pairs among the recommended options. */
    public long pairsRecommended() {
        return optionsRecommended - packagesRecommended;
    }

    /** Recommended options booked ÷ options recommended; null when the plans recommended none. */
    public Double shareOfPlanBooked() {
        return optionsRecommended == 0 ? null : (double) recommendedOptionsBooked / optionsRecommended;
    }

    /** Planned surplus by currency, in currency order. */
    public Map<String, Long> surplusPlannedByCurrency() {
        return new TreeMap<>(surplusPlannedMinorUnits);
    }

    /** Surplus of the recommended options booked, by currency, in currency order. */
    public Map<String, Long> surplusBookedOfPlanByCurrency() {
        return new TreeMap<>(surplusBookedOfPlanMinorUnits);
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((currency, amount) -> sum.merge(currency, amount, Long::sum));
        return sum;
    }
}
