package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.emissions.Co2eAvoided;
import com.backhaulexchange.emissions.EmissionsCalculator;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.DrivePlan;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEconomics;
import com.backhaulexchange.matching.MatchExplanation;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchScorer;
import com.backhaulexchange.matching.MatchStatus;
import com.backhaulexchange.matching.RouteMiles;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A match as LanesTable stores it in the {@code match} map of its MATCH item and of its two lane links: as it
 * was computed, miles and kilograms exact (the API rounds them), the economics as computed (never shown to a
 * party). What changes without a recomputation — status, retraction, recommendation — are attributes of the
 * item, which a reader takes instead of {@link #status} and {@link #retractedAt} here (those hold the values
 * at the time the match was written). Derived figures ({@code outOfRouteMiles}, {@code emptyMilesAvoided},
 * {@code hoursOfServiceStops}, durations) are stored for a reader of the table and recomputed on reading.
 */
public record MatchDocument(
        String matchId,
        String status,
        String capacityLaneId,
        String loadLaneId,
        String carrierPartnerId,
        String shipperPartnerId,
        RouteDocument route,
        ExplanationDocument explanation,
        Instant computedAt,
        Instant matchableUntil,
        Instant retractedAt) {

    /**
     * Version 2 (issue 12, ADR 26): {@code co2eAvoided} (kg CO₂e well-to-wheel and tank-to-wheel with the factor
     * set and version) replaces version 1's {@code co2AvoidedKg} (a flat 1.6 kg CO₂ per empty mile avoided).
     * Version 1: the shape of the API's match view, exact, when the two were split (issue 9); read by
     * recomputing CO₂e from its stored miles with the default factor set, which is what version 2 stores for the
     * same miles (the figure depends on the miles alone), so an old match reads as a new one would.
     */
    public static final int SCHEMA_VERSION = 2;

    public record RouteDocument(PlaceDocument emptyAt, PlaceDocument pickup, PlaceDocument delivery,
            PlaceDocument mustEndAt) {
    }

    public record ExplanationDocument(
            double originDeadheadMiles,
            double loadedMiles,
            double destinationDeadheadMiles,
            double baselineEmptyMiles,
            double outOfRouteMiles,
            double emptyMilesAvoided,
            Double co2AvoidedKg,
            EmissionsDocument co2eAvoided,
            EconomicsDocument economics,
            ScheduleDocument schedule,
            List<ActivityDocument> hoursOfServiceStops,
            DrivePlanDocument drivePlan) {
    }

    /**
     * CO₂e avoided, kg, and the factor set id and version that produced it (ADR 24, 26), with the carrier's fleet
     * fuel economy when it was computed with one (ADR 47; added within version 2 as an optional field: a figure
     * stored without it used the default truck).
     */
    public record EmissionsDocument(double kgWellToWheel, double kgTankToWheel, String factorSetId,
            String factorSetVersion, FleetFuelEconomyDocument fleetFuelEconomy) {

        static EmissionsDocument of(Co2eAvoided avoided) {
            return new EmissionsDocument(avoided.kgWellToWheel(), avoided.kgTankToWheel(),
                    avoided.method().factorSetId(), avoided.method().factorSetVersion(),
                    FleetFuelEconomyDocument.of(avoided.fleetFuelEconomy()));
        }

        Co2eAvoided toCo2eAvoided() {
            return new Co2eAvoided(kgWellToWheel, kgTankToWheel, new EmissionsMethod(factorSetId, factorSetVersion),
                    FleetFuelEconomyDocument.economyOf(fleetFuelEconomy));
        }
    }

    public record EconomicsDocument(MoneyDocument shipperPrice, String priceSource,
            MoneyDocument carrierIncrementalCost, MoneyDocument surplus) {
    }

    /** Service and arrival times as RFC 9557 local times, slack in whole minutes. */
    public record ScheduleDocument(String pickupAt, long pickupSlackMinutes, String deliveryAt,
            long deliverySlackMinutes, String arrivesAtEndAt, long endArrivalSlackMinutes) {
    }

    public record DrivePlanDocument(Instant startsAt, Instant endsAt, long drivingMinutes,
            List<ActivityDocument> activities, List<StopDocument> stops) {
    }

    /** {@code legIndex} for driving, waiting and dwell; {@code miles} for driving only. */
    public record ActivityDocument(String kind, Instant startsAt, Instant endsAt, long durationMinutes,
            Integer legIndex, Double miles) {
    }

    public record StopDocument(int legIndex, Instant arrivesAt, Instant serviceStartsAt, Instant departsAt) {
    }

    public static MatchDocument of(Match match) {
        var route = match.route();
        return new MatchDocument(match.id().value(), match.status().name(), match.capacityLaneId().value(),
                match.loadLaneId().value(), match.carrier().value(), match.shipper().value(),
                new RouteDocument(PlaceDocument.of(route.emptyAt()), PlaceDocument.of(route.pickup()),
                        PlaceDocument.of(route.delivery()), PlaceDocument.of(route.mustEndAt())),
                explanationOf(match.explanation()), match.computedAt(), match.matchableUntil(), match.retractedAt());
    }

    /**
     * The match, with the status, retraction and recommendation its item holds now.
     */
    public Match toMatch(MatchStatus currentStatus, Instant currentRetractedAt, Match.Recommendation recommendation) {
        var e = explanation;
        var miles = new RouteMiles(e.originDeadheadMiles(), e.loadedMiles(), e.destinationDeadheadMiles(),
                e.baselineEmptyMiles());
        var explained = new MatchExplanation(new CapacityLaneId(capacityLaneId), new LoadLaneId(loadLaneId), miles,
                e.co2eAvoided() != null ? e.co2eAvoided().toCo2eAvoided() : recomputed(miles), economicsOf(e.economics()), scheduleOf(e.schedule()), drivePlanOf(e.drivePlan()));
        return new Match(new MatchId(matchId), new PartnerId(carrierPartnerId), new PartnerId(shipperPartnerId),
                currentStatus, new Match.Route(route.emptyAt().toPlace(), route.pickup().toPlace(),
                        route.delivery().toPlace(), route.mustEndAt().toPlace()),
                explained, MatchScorer.score(explained), computedAt, matchableUntil, currentRetractedAt,
                recommendation);
    }

    /** A version-1 document's CO₂e, from its miles, as the evaluator computes it with the default factor set. */
    private static Co2eAvoided recomputed(RouteMiles miles) {
        return EmissionsCalculator.DEFAULT.avoidedAgainstRunHome(miles.baselineEmptyMiles(),
                List.of(miles.originDeadheadMiles(), miles.destinationDeadheadMiles()));
    }

    private static ExplanationDocument explanationOf(MatchExplanation explanation) {
        var economics = explanation.economics();
        var schedule = explanation.schedule();
        return new ExplanationDocument(explanation.originDeadheadMiles(), explanation.loadedMiles(),
                explanation.destinationDeadheadMiles(), explanation.baselineEmptyMiles(),
                explanation.outOfRouteMiles(), explanation.emptyMilesAvoided(), null,
                EmissionsDocument.of(explanation.co2eAvoided()),
                economics == null ? null : new EconomicsDocument(MoneyDocument.of(economics.shipperPrice()),
                        economics.priceSource().name(), MoneyDocument.of(economics.carrierIncrementalCost()),
                        MoneyDocument.of(economics.surplus())),
                new ScheduleDocument(ZonedTimes.format(schedule.pickupAt()), schedule.pickupSlack().toMinutes(),
                        ZonedTimes.format(schedule.deliveryAt()), schedule.deliverySlack().toMinutes(),
                        ZonedTimes.format(schedule.arrivesAtEnd()), schedule.endArrivalSlack().toMinutes()),
                explanation.hoursOfServiceStops().stream().map(MatchDocument::activityDocument).toList(),
                drivePlanDocument(explanation.drivePlan()));
    }

    static DrivePlanDocument drivePlanDocument(DrivePlan plan) {
        return new DrivePlanDocument(plan.startsAt(), plan.endsAt(), plan.drivingTime().toMinutes(),
                plan.activities().stream().map(MatchDocument::activityDocument).toList(),
                plan.stops().stream().map(stop -> new StopDocument(stop.legIndex(), stop.arrivesAt(),
                        stop.serviceStartsAt(), stop.departsAt())).toList());
    }

    static ActivityDocument activityDocument(DrivePlan.Activity activity) {
        long minutes = activity.duration().toMinutes();
        return switch (activity) {
            case DrivePlan.Activity.Driving driving -> new ActivityDocument("DRIVING", driving.startsAt(),
                    driving.endsAt(), minutes, driving.legIndex(), driving.miles());
            case DrivePlan.Activity.Break pause -> new ActivityDocument("BREAK", pause.startsAt(), pause.endsAt(),
                    minutes, null, null);
            case DrivePlan.Activity.Rest rest -> new ActivityDocument("REST", rest.startsAt(), rest.endsAt(),
                    minutes, null, null);
            case DrivePlan.Activity.Waiting waiting -> new ActivityDocument("WAITING", waiting.startsAt(),
                    waiting.endsAt(), minutes, waiting.legIndex(), null);
            case DrivePlan.Activity.Dwell dwell -> new ActivityDocument("DWELL", dwell.startsAt(), dwell.endsAt(),
                    minutes, dwell.legIndex(), null);
        };
    }

    private static MatchEconomics economicsOf(EconomicsDocument economics) {
        return economics == null ? null : new MatchEconomics(economics.shipperPrice().toMoney(),
                MatchEconomics.PriceSource.valueOf(economics.priceSource()),
                economics.carrierIncrementalCost().toMoney(), economics.surplus().toMoney());
    }

    private static MatchExplanation.Schedule scheduleOf(ScheduleDocument schedule) {
        return new MatchExplanation.Schedule(
                ZonedTimes.parse(schedule.pickupAt()), Duration.ofMinutes(schedule.pickupSlackMinutes()),
                ZonedTimes.parse(schedule.deliveryAt()), Duration.ofMinutes(schedule.deliverySlackMinutes()),
                ZonedTimes.parse(schedule.arrivesAtEndAt()), Duration.ofMinutes(schedule.endArrivalSlackMinutes()));
    }

    static DrivePlan drivePlanOf(DrivePlanDocument plan) {
        List<DrivePlan.Activity> activities = plan.activities().stream().map(MatchDocument::activityOf).toList();
        List<DrivePlan.StopTimes> stops = plan.stops().stream().map(stop -> new DrivePlan.StopTimes(stop.legIndex(),
                stop.arrivesAt(), stop.serviceStartsAt(), stop.departsAt())).toList();
        return new DrivePlan(plan.startsAt(), activities, stops, plan.endsAt());
    }

    private static DrivePlan.Activity activityOf(ActivityDocument activity) {
        int legIndex = activity.legIndex() == null ? 0 : activity.legIndex();
        return switch (activity.kind()) {
            case "DRIVING" -> new DrivePlan.Activity.Driving(activity.startsAt(), activity.endsAt(), legIndex,
                    activity.miles() == null ? 0 : activity.miles());
            case "BREAK" -> new DrivePlan.Activity.Break(activity.startsAt(), activity.endsAt());
            case "REST" -> new DrivePlan.Activity.Rest(activity.startsAt(), activity.endsAt());
            case "WAITING" -> new DrivePlan.Activity.Waiting(activity.startsAt(), activity.endsAt(), legIndex);
            case "DWELL" -> new DrivePlan.Activity.Dwell(activity.startsAt(), activity.endsAt(), legIndex);
            default -> throw new IllegalArgumentException("unknown drive plan activity " + activity.kind());
        };
    }
}
