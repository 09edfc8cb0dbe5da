package com.backhaulexchange.deal.network;

import com.backhaulexchange.deal.outcome.Co2eKg;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.partner.PartnerId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The additive counters of one region and week (or a sum of them). Lane figures come from posting and
 * matching; the delivery figures from the records settlement reads, as ADR 26 counts them on the carrier's
 * side: loaded miles, the empty miles driven, the baseline (run home empty), empty miles avoided, the realised
 * surplus (carrier earned + shipper saved) per currency in minor units and CO₂e avoided per factor set and
 * version. {@code partners} is the set of distinct partners behind the counters, kept for k-anonymity only and
 * never reported. {@code plan} holds the optimiser's plan against the bookings (ADR 48).
 */
public record NetworkCounters(long capacityLanesPosted, long loadLanesPosted, long lanesFirstMatched,
        long firstMatchSecondsTotal, long bookings, long deliveries, double loadedMiles, double emptyMilesDriven,
        double baselineEmptyMiles, double emptyMilesAvoided, Map<String, Long> surplusMinorUnits,
        Map<EmissionsMethod, Co2eKg> co2eAvoided, Set<PartnerId> partners, PlanCounters plan) {

    public static final NetworkCounters ZERO = new NetworkCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(),
            Set.of());

    /** Counters without plan figures. */
    public NetworkCounters(long capacityLanesPosted, long loadLanesPosted, long lanesFirstMatched,
            long firstMatchSecondsTotal, long bookings, long deliveries, double loadedMiles, double emptyMilesDriven,
            double baselineEmptyMiles, double emptyMilesAvoided, Map<String, Long> surplusMinorUnits,
            Map<EmissionsMethod, Co2eKg> co2eAvoided, Set<PartnerId> partners) {
        this(capacityLanesPosted, loadLanesPosted, lanesFirstMatched, firstMatchSecondsTotal, bookings, deliveries,
                loadedMiles, emptyMilesDriven, baselineEmptyMiles, emptyMilesAvoided, surplusMinorUnits, co2eAvoided,
                partners, PlanCounters.ZERO);
    }

    /** Only the plan's figures. */
    public static NetworkCounters ofPlan(PlanCounters plan) {
        return new NetworkCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), Set.of(), plan);
    }

    public NetworkCounters {
        plan = plan == null ? PlanCounters.ZERO : plan;
        surplusMinorUnits = Map.copyOf(Objects.requireNonNull(surplusMinorUnits, "surplusMinorUnits"));
        co2eAvoided = Map.copyOf(Objects.requireNonNull(co2eAvoided, "co2eAvoided"));
        partners = Set.copyOf(Objects.requireNonNull(partners, "partners"));
    }

    public NetworkCounters plus(NetworkCounters other) {
        Map<String, Long> surplus = new TreeMap<>(surplusMinorUnits);
        other.surplusMinorUnits.forEach((currency, amount) -> surplus.merge(currency, amount, Long::sum));
        Map<EmissionsMethod, Co2eKg> co2e = new LinkedHashMap<>(co2eAvoided);
        other.co2eAvoided.forEach((method, kg) -> co2e.merge(method, kg, Co2eKg::plus));
        Set<PartnerId> union = new TreeSet<>(java.util.Comparator.comparing(PartnerId::value));
        union.addAll(partners);
        union.addAll(other.partners);
        return new NetworkCounters(capacityLanesPosted + other.capacityLanesPosted,
                loadLanesPosted + other.loadLanesPosted, lanesFirstMatched + other.lanesFirstMatched,
                firstMatchSecondsTotal + other.firstMatchSecondsTotal, bookings + other.bookings,
                deliveries + other.deliveries, loadedMiles + other.loadedMiles,
                emptyMilesDriven + other.emptyMilesDriven, baselineEmptyMiles + other.baselineEmptyMiles,
                emptyMilesAvoided + other.emptyMilesAvoided, surplus, co2e, union, plan.plus(other.plan));
    }

    /** Surplus by currency, in currency order. */
    public Map<String, Long> surplusByCurrency() {
        return new TreeMap<>(surplusMinorUnits);
    }

    /** Share of the trucks' miles that would have been empty: baseline ÷ (baseline + loaded); null without miles. */
    public Double emptyMileShareBefore() {
        return share(baselineEmptyMiles, baselineEmptyMiles + loadedMiles);
    }

    /** Share of the trucks' miles driven empty with the exchange: empty ÷ (empty + loaded); null without miles. */
    public Double emptyMileShareAfter() {
        return share(emptyMilesDriven, emptyMilesDriven + loadedMiles);
    }

    /** Lanes that got a match ÷ lanes posted; null when none was posted. */
    public Double matchRate() {
        long posted = capacityLanesPosted + loadLanesPosted;
        return posted == 0 ? null : (double) lanesFirstMatched / posted;
    }

    /** Mean seconds from posting to a lane's first match; null when no lane was matched. */
    public Double meanSecondsToFirstMatch() {
        return lanesFirstMatched == 0 ? null : (double) firstMatchSecondsTotal / lanesFirstMatched;
    }

    /** Bookings ÷ matched lanes; null when no lane was matched. */
    public Double bookingConversion() {
        return lanesFirstMatched == 0 ? null : (double) bookings / lanesFirstMatched;
    }

    /** Bookings of a recommended option's loads ÷ all bookings; null when nothing was booked (ADR 48). */
    public Double shareOfBookingsFollowingPlan() {
        return bookings == 0 ? null : (double) plan.recommendedLoadsBooked() / bookings;
    }

    private static Double share(double part, double whole) {
        return whole <= 0 ? null : part / whole;
    }
}
