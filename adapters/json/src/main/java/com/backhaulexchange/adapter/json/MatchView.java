package com.backhaulexchange.adapter.json;

import static com.backhaulexchange.adapter.json.Views.tenths;

import com.backhaulexchange.adapter.json.Views.PlaceView;
import com.backhaulexchange.deal.negotiation.MatchEconomicsView;
import com.backhaulexchange.emissions.Co2eAvoided;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.matching.DrivePlan;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchExplanation;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.List;

/**
 * A match as one of its parties reads it (the {@code Match} schema of infra/openapi/openapi.yaml): miles and
 * kilograms to one decimal, the economics as that party's view (ADR 14, "Match views"), the status at the
 * time of reading.
 */
public record MatchView(
        String matchId,
        String status,
        String capacityLaneId,
        String loadLaneId,
        String carrierPartnerId,
        String shipperPartnerId,
        RouteView route,
        ExplanationView explanation,
        String computedAt,
        String matchableUntil,
        String retractedAt,
        RecommendationView recommendation) {

    record RouteView(PlaceView emptyAt, PlaceView pickup, PlaceView delivery, PlaceView mustEndAt) {
    }

    record ExplanationView(
            double originDeadheadMiles,
            double loadedMiles,
            double destinationDeadheadMiles,
            double baselineEmptyMiles,
            double outOfRouteMiles,
            double emptyMilesAvoided,
            double co2eAvoidedKg,
            double co2eAvoidedTankToWheelKg,
            EmissionsMethodView emissionsMethod,
            EconomicsView economics,
            ScheduleView schedule,
            List<ActivityView> hoursOfServiceStops,
            DrivePlanView drivePlan) {
    }

    /**
     * Which factor set and version produced the CO₂e figures (ADR 24, 26) and whose fuel economy they used: the
     * carrier's own fleet figure or the factor set's default truck (ADR 47).
     */
    record EmissionsMethodView(String factorSet, String version, String fuelEconomySource) {
        static EmissionsMethodView of(Co2eAvoided co2e) {
            EmissionsMethod method = co2e.method();
            return new EmissionsMethodView(method.factorSetId(), method.factorSetVersion(),
                    co2e.fuelEconomySource().name());
        }
    }

    /** The viewer's figures; the other side's private ones replaced by market estimates, or left out. */
    record EconomicsView(MoneyView shipperPrice, String priceSource, MoneyView carrierIncrementalCost,
            String costSource, MoneyView surplus) {
    }

    record ScheduleView(String pickupAt, long pickupSlackMinutes, String deliveryAt, long deliverySlackMinutes,
            String arrivesAtEndAt, long endArrivalSlackMinutes) {
    }

    record DrivePlanView(String startsAt, String endsAt, long drivingMinutes, List<ActivityView> activities,
            List<StopView> stops) {
    }

    record ActivityView(String kind, String startsAt, String endsAt, long durationMinutes, Integer legIndex,
            Double miles) {
    }

    record StopView(int legIndex, String arrivesAt, String serviceStartsAt, String departsAt) {
    }

    record RecommendationView(String recommendedAt, String region) {
    }

    public static MatchView of(Match match, PartnerId viewer, NegotiationRules market, Instant now) {
        var route = match.route();
        var recommendation = match.recommendation();
        return new MatchView(match.id().value(), match.effectiveStatus(now), match.capacityLaneId().value(),
                match.loadLaneId().value(), match.carrier().value(), match.shipper().value(),
                new RouteView(PlaceView.of(route.emptyAt()), PlaceView.of(route.pickup()),
                        PlaceView.of(route.delivery()), PlaceView.of(route.mustEndAt())),
                explanationOf(match.explanation(), match.explanation().economics() == null ? null
                        : MatchEconomicsView.of(match, viewer, market)),
                match.computedAt().toString(), match.matchableUntil().toString(),
                match.retractedAt() == null ? null : match.retractedAt().toString(),
                recommendation == null ? null : new RecommendationView(
                        recommendation.recommendedAt().toString(), recommendation.region().value()));
    }

    private static ExplanationView explanationOf(MatchExplanation explanation, MatchEconomicsView economics) {
        var schedule = explanation.schedule();
        return new ExplanationView(tenths(explanation.originDeadheadMiles()), tenths(explanation.loadedMiles()),
                tenths(explanation.destinationDeadheadMiles()), tenths(explanation.baselineEmptyMiles()),
                tenths(explanation.outOfRouteMiles()), tenths(explanation.emptyMilesAvoided()),
                tenths(explanation.co2eAvoided().kgWellToWheel()), tenths(explanation.co2eAvoided().kgTankToWheel()),
                EmissionsMethodView.of(explanation.co2eAvoided()),
                economics == null ? null : new EconomicsView(MoneyView.of(economics.shipperPrice()),
                        economics.priceSource().name(), MoneyView.of(economics.carrierIncrementalCost()),
                        economics.costSource().name(), MoneyView.of(economics.surplus())),
                new ScheduleView(LaneJson.zoned(schedule.pickupAt()), schedule.pickupSlack().toMinutes(),
                        LaneJson.zoned(schedule.deliveryAt()), schedule.deliverySlack().toMinutes(),
                        LaneJson.zoned(schedule.arrivesAtEnd()), schedule.endArrivalSlack().toMinutes()),
                explanation.hoursOfServiceStops().stream().map(MatchView::activityOf).toList(),
                drivePlanOf(explanation.drivePlan()));
    }

    static DrivePlanView drivePlanOf(DrivePlan plan) {
        return new DrivePlanView(plan.startsAt().toString(), plan.endsAt().toString(), plan.drivingTime().toMinutes(),
                plan.activities().stream().map(MatchView::activityOf).toList(),
                plan.stops().stream().map(stop -> new StopView(stop.legIndex(), stop.arrivesAt().toString(),
                        stop.serviceStartsAt().toString(), stop.departsAt().toString())).toList());
    }

    static ActivityView activityOf(DrivePlan.Activity activity) {
        String startsAt = activity.startsAt().toString();
        String endsAt = activity.endsAt().toString();
        long minutes = activity.duration().toMinutes();
        return switch (activity) {
            case DrivePlan.Activity.Driving driving -> new ActivityView("DRIVING", startsAt, endsAt, minutes,
                    driving.legIndex(), tenths(driving.miles()));
            case DrivePlan.Activity.Break pause -> new ActivityView("BREAK", startsAt, endsAt, minutes, null, null);
            case DrivePlan.Activity.Rest rest -> new ActivityView("REST", startsAt, endsAt, minutes, null, null);
            case DrivePlan.Activity.Waiting waiting -> new ActivityView("WAITING", startsAt, endsAt, minutes,
                    waiting.legIndex(), null);
            case DrivePlan.Activity.Dwell dwell -> new ActivityView("DWELL", startsAt, endsAt, minutes,
                    dwell.legIndex(), null);
        };
    }
}
