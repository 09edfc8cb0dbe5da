package com.backhaulexchange.matching;

import com.backhaulexchange.emissions.Co2eAvoided;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Judges one capacity/load pair: measures the route, plans the drive under hours of service, prices it,
 * applies every {@link FeasibilityPolicies feasibility rule} and, when none objects, scores it. A pure
 * function of the two lanes, the carrier's cost per mile and the configuration: no other lane matters.
 */
public final class MatchEvaluator {

    private final MatchingConfig config;
    private final DrivePlanner planner;

    public MatchEvaluator(MatchingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.planner = config.drivePlanner();
    }

    public static MatchEvaluation evaluate(CapacityLane capacity, Money carrierCostPerMile, LoadLane load,
            MatchingConfig config) {
        return new MatchEvaluator(config).evaluate(capacity, carrierCostPerMile, load);
    }

    public MatchingConfig config() {
        return config;
    }

    public MatchEvaluation evaluate(CapacityLane capacity, Money carrierCostPerMile, LoadLane load) {
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(carrierCostPerMile, "carrierCostPerMile");
        Objects.requireNonNull(load, "load");
        RouteMiles miles = RouteMiles.of(capacity, load, config.roadDistance());
        DrivePlan plan = planner.plan(capacity.availableFrom().toInstant(), List.of(
                new DrivePlanner.Leg(miles.originDeadheadMiles(), load.pickupWindow().opensAt(),
                        load.pickupWindow().closesAt(), config.pickupDwell()),
                new DrivePlanner.Leg(miles.loadedMiles(), load.deliveryWindow().opensAt(),
                        load.deliveryWindow().closesAt(), config.deliveryDwell()),
                DrivePlanner.Leg.to(miles.destinationDeadheadMiles())));
        MatchEconomics economics = pricedInOneCurrency(carrierCostPerMile, load)
                ? MatchEconomics.of(miles, carrierCostPerMile, load.budget(), config.marketRatePerLoadedMile())
                : null;
        var facts = new MatchFacts(capacity, load, carrierCostPerMile, miles, plan, economics);
        var explanation = new MatchExplanation(capacity.id(), load.id(), miles,
                co2eAvoided(miles, capacity), economics, schedule(facts), plan);
        List<Decision.Rejected> rejections = FeasibilityPolicies.rejections(facts);
        return rejections.isEmpty()
                ? new MatchEvaluation.Feasible(explanation, MatchScorer.score(explanation))
                : new MatchEvaluation.Infeasible(rejections, explanation);
    }

    /**
     * A cheap screen for batch work: true only when {@link #evaluate} would surely reject the pair (a lane not
     * open, equipment, weight, pallets, a deadhead limit, or a pickup the truck cannot reach in time even
     * driving non-stop). False says nothing: the pair still needs the full evaluation.
     */
    public boolean plainlyInfeasible(CapacityLane capacity, LoadLane load) {
        if (!capacity.status().isOpenForMatching() || !load.status().isOpenForMatching()
                || !EquipmentCompatibility.canCarry(capacity.equipment(), load.equipment())
                || load.weightLbs() > capacity.weightCapacityLbs() || load.pallets() > capacity.palletCapacity()) {
            return true;
        }
        var roads = config.roadDistance();
        double originDeadheadMiles = roads.roadMiles(capacity.emptyAt().coordinates(), load.origin().coordinates());
        if (originDeadheadMiles > capacity.maxOriginDeadheadMiles()
                || roads.roadMiles(load.destination().coordinates(), capacity.mustEndAt().coordinates())
                        > capacity.maxDestinationDeadheadMiles()) {
            return true;
        }
        return capacity.availableFrom().toInstant().plus(planner.driveTime(originDeadheadMiles))
                .isAfter(load.pickupWindow().closesAt());
    }

    /**
     * Well-to-wheel CO₂e avoided against the carrier's run home empty: the empty miles avoided at the empty
     * truck's rate of the configured factor set (the loaded leg is driven either way, ADR 26), with the carrier's
     * fleet fuel economy when the lane carries it (ADR 47).
     */
    private Co2eAvoided co2eAvoided(RouteMiles miles, CapacityLane capacity) {
        return config.emissions().avoidedAgainstRunHome(miles.baselineEmptyMiles(),
                List.of(miles.originDeadheadMiles(), miles.destinationDeadheadMiles()), capacity.fleet());
    }

    private boolean pricedInOneCurrency(Money carrierCostPerMile, LoadLane load) {
        Money price = load.budget() != null ? load.budget() : config.marketRatePerLoadedMile();
        return price.currency().equals(carrierCostPerMile.currency());
    }

    private static MatchExplanation.Schedule schedule(MatchFacts facts) {
        var load = facts.load();
        var capacity = facts.capacity();
        return new MatchExplanation.Schedule(
                facts.pickup().serviceStartsAt().atZone(load.pickupWindow().zone()),
                Duration.between(facts.pickup().serviceStartsAt(), load.pickupWindow().closesAt()),
                facts.delivery().serviceStartsAt().atZone(load.deliveryWindow().zone()),
                Duration.between(facts.delivery().serviceStartsAt(), load.deliveryWindow().closesAt()),
                facts.end().arrivesAt().atZone(capacity.mustArriveBy().getZone()),
                Duration.between(facts.end().arrivesAt(), capacity.mustArriveBy().toInstant()));
    }
}
