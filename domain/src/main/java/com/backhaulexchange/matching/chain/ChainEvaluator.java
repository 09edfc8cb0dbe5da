package com.backhaulexchange.matching.chain;

import com.backhaulexchange.emissions.Co2eAvoided;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.matching.DrivePlan;
import com.backhaulexchange.matching.DrivePlanner;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.RouteMiles;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Judges one ordered chain: measures every leg, plans the whole drive under hours of service (one
 * {@link DrivePlanner} plan over all legs, so breaks, resets and the multi-day cycle carry from one load to
 * the next), prices each load, compares the chain's empty miles with each of its loads alone, applies every
 * {@link ChainPolicies chain rule} and, when none objects, scores it. A pure function of the lane, the
 * carrier's cost per mile, the ordered loads, the reload preferences and the configuration.
 */
public final class ChainEvaluator {

    private final MatchingConfig config;
    private final ReloadPreferences preferences;
    private final DrivePlanner planner;

    public ChainEvaluator(MatchingConfig config, ReloadPreferences preferences) {
        this.config = Objects.requireNonNull(config, "config");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.planner = config.drivePlanner();
    }

    public static ChainEvaluation evaluate(CapacityLane capacity, Money carrierCostPerMile, List<LoadLane> loads,
            ReloadPreferences preferences, MatchingConfig config) {
        return new ChainEvaluator(config, preferences).evaluate(new ReloadPackage(capacity, loads), carrierCostPerMile);
    }

    public MatchingConfig config() {
        return config;
    }

    public ReloadPreferences preferences() {
        return preferences;
    }

    public ChainEvaluation evaluate(ReloadPackage chain, Money carrierCostPerMile) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(carrierCostPerMile, "carrierCostPerMile");
        CapacityLane capacity = chain.capacity();
        List<LoadLane> loads = chain.loads();
        ChainMiles miles = ChainMiles.of(capacity, loads, config.roadDistance());
        DrivePlan plan = planner.plan(capacity.availableFrom().toInstant(), legs(loads, miles));
        ChainEconomics economics = ChainEconomics.pricedInOneCurrency(loads, carrierCostPerMile,
                config.marketRatePerLoadedMile())
                ? ChainEconomics.of(miles, loads, carrierCostPerMile, config.marketRatePerLoadedMile())
                : null;
        var comparison = new ChainExplanation.SingleLoadComparison(loads.stream()
                .map(load -> new ChainExplanation.SingleLoad(load.id(),
                        RouteMiles.of(capacity, load, config.roadDistance()).emptyMilesAvoided()))
                .toList(), miles.emptyMilesAvoided());
        var facts = new ChainFacts(capacity, loads, carrierCostPerMile, preferences,
                config.marketRatePerLoadedMile(), miles, plan, economics, comparison);
        var explanation = new ChainExplanation(chain.id(), capacity.id(), chain.loadIds(), miles,
                co2eAvoided(miles, capacity), economics, schedule(facts), plan, comparison);
        List<ChainRejection> rejections = ChainPolicies.rejections(facts);
        return rejections.isEmpty()
                ? new ChainEvaluation.Feasible(explanation, ChainScorer.score(explanation))
                : new ChainEvaluation.Infeasible(rejections, explanation);
    }

    /**
     * As for a single match (ADR 26): the chain's empty miles avoided at the empty truck's rate, the carrier's
     * fleet fuel economy when the lane carries it (ADR 47).
     */
    private Co2eAvoided co2eAvoided(ChainMiles miles, CapacityLane capacity) {
        List<Double> empty = new ArrayList<>(miles.loads().size() + 1);
        for (ChainMiles.LoadMiles leg : miles.loads()) {
            empty.add(leg.deadheadToPickupMiles());
        }
        empty.add(miles.destinationDeadheadMiles());
        return config.emissions().avoidedAgainstRunHome(miles.baselineEmptyMiles(), empty, capacity.fleet());
    }

    private List<DrivePlanner.Leg> legs(List<LoadLane> loads, ChainMiles miles) {
        List<DrivePlanner.Leg> legs = new ArrayList<>(2 * loads.size() + 1);
        for (int i = 0; i < loads.size(); i++) {
            LoadLane load = loads.get(i);
            ChainMiles.LoadMiles leg = miles.loads().get(i);
            legs.add(new DrivePlanner.Leg(leg.deadheadToPickupMiles(), load.pickupWindow().opensAt(),
                    load.pickupWindow().closesAt(), config.pickupDwell()));
            legs.add(new DrivePlanner.Leg(leg.loadedMiles(), load.deliveryWindow().opensAt(),
                    load.deliveryWindow().closesAt(), config.deliveryDwell()));
        }
        legs.add(DrivePlanner.Leg.to(miles.destinationDeadheadMiles()));
        return legs;
    }

    private static List<ChainExplanation.ScheduledStop> schedule(ChainFacts facts) {
        List<ChainExplanation.ScheduledStop> stops = new ArrayList<>();
        for (int i = 0; i < facts.loads().size(); i++) {
            LoadLane load = facts.loads().get(i);
            stops.add(stop(ChainExplanation.StopKind.PICKUP, i, facts.pickup(i).serviceStartsAt(),
                    load.pickupWindow().closesAt(), load.pickupWindow().zone()));
            stops.add(stop(ChainExplanation.StopKind.DELIVERY, i, facts.delivery(i).serviceStartsAt(),
                    load.deliveryWindow().closesAt(), load.deliveryWindow().zone()));
        }
        var mustArriveBy = facts.capacity().mustArriveBy();
        stops.add(stop(ChainExplanation.StopKind.END, null, facts.end().arrivesAt(), mustArriveBy.toInstant(),
                mustArriveBy.getZone()));
        return stops;
    }

    private static ChainExplanation.ScheduledStop stop(ChainExplanation.StopKind kind, Integer loadIndex, Instant at,
            Instant deadline, ZoneId zone) {
        return new ChainExplanation.ScheduledStop(kind, loadIndex, at.atZone(zone), Duration.between(at, deadline));
    }
}
