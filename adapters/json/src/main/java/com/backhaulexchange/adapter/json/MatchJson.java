package com.backhaulexchange.adapter.json;

import static com.backhaulexchange.adapter.json.PartnerJson.moneyFrom;
import static com.backhaulexchange.adapter.json.PartnerJson.moneyToJson;
import static com.backhaulexchange.adapter.json.PartnerJson.placeFrom;
import static com.backhaulexchange.adapter.json.PartnerJson.placeToJson;

import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.DrivePlan;
import com.backhaulexchange.matching.FeasibilityPolicies;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEconomics;
import com.backhaulexchange.matching.MatchExplanation;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.matching.MatchScorer;
import com.backhaulexchange.matching.MatchStatus;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.matching.RouteMiles;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.deal.negotiation.MatchEconomicsView;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.policy.Decision;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The v1 JSON documents of matches and match runs (see infra/openapi/openapi.yaml), in a dispatcher's terms:
 * miles, money, CO₂, the schedule with its slack in minutes, and the hours-of-service stops of the drive plan.
 *
 * <p>Two precisions of one shape: what the API shows rounds miles and kilograms to one decimal; what is
 * stored ({@link #toStoredJson}) keeps them exact, so a stored match reads back as it was computed.
 */
public final class MatchJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MatchJson() {
    }

    /**
     * The match as {@code viewer}, one of its parties, reads it, with its status at {@code now}: its economics
     * are that party's view (ADR 14, "Match views"), the other side's private figures replaced by the public
     * market estimates of {@code market}.
     */
    public static ObjectNode toJson(Match match, PartnerId viewer, NegotiationRules market, Instant now) {
        var economics = match.explanation().economics() == null ? null
                : MatchEconomicsView.of(match, viewer, market);
        ObjectNode json = document(match, true, economics);
        json.put("status", match.effectiveStatus(now));
        return json;
    }

    /** The stored document leaves out what changes without a recomputation (its own attributes hold those). */
    public static ObjectNode toStoredJson(Match match) {
        ObjectNode json = document(match, false, null);
        json.remove("recommendation");
        return json;
    }

    /** The optimiser's plan of a region, as the operator reads it. */
    public static ObjectNode planToJson(OptimisationPlan plan) {
        ObjectNode json = NODES.objectNode();
        json.put("region", plan.region().value());
        json.put("computedAt", plan.computedAt().toString());
        json.put("trucks", plan.trucks());
        json.put("loads", plan.loads());
        json.put("candidatePairs", plan.candidatePairs());
        json.put("feasiblePairs", plan.feasiblePairs());
        ArrayNode recommended = json.putArray("recommendedMatchIds");
        plan.recommended().forEach(id -> recommended.add(id.value()));
        ArrayNode total = json.putArray("totalSurplus");
        plan.totalSurplus().forEach(money -> total.add(moneyToJson(money)));
        ArrayNode greedy = json.putArray("greedySurplus");
        plan.greedySurplus().forEach(money -> greedy.add(moneyToJson(money)));
        return json;
    }

    public static OptimisationPlan planFrom(JsonNode json) {
        List<MatchId> recommended = new ArrayList<>();
        json.path("recommendedMatchIds").forEach(id -> recommended.add(new MatchId(id.asText())));
        List<Money> total = new ArrayList<>();
        json.path("totalSurplus").forEach(money -> total.add(moneyFrom(money)));
        List<Money> greedy = new ArrayList<>();
        json.path("greedySurplus").forEach(money -> greedy.add(moneyFrom(money)));
        return new OptimisationPlan(
                MatchingRegion.parse(json.path("region").asText()),
                Instant.parse(json.path("computedAt").asText()), json.path("trucks").asInt(),
                json.path("loads").asInt(), json.path("candidatePairs").asInt(), json.path("feasiblePairs").asInt(),
                recommended, total, greedy);
    }

    /** A stored match; status, retraction and recommendation come from the item's own attributes. */
    public static Match fromStoredJson(JsonNode json, MatchStatus status, Instant retractedAt,
            Match.Recommendation recommendation) {
        var explanationJson = json.path("explanation");
        var explanation = new MatchExplanation(
                new CapacityLaneId(json.path("capacityLaneId").asText()),
                new LoadLaneId(json.path("loadLaneId").asText()),
                new RouteMiles(explanationJson.path("originDeadheadMiles").asDouble(),
                        explanationJson.path("loadedMiles").asDouble(),
                        explanationJson.path("destinationDeadheadMiles").asDouble(),
                        explanationJson.path("baselineEmptyMiles").asDouble()),
                explanationJson.path("co2AvoidedKg").asDouble(),
                economicsFrom(explanationJson.path("economics")),
                scheduleFrom(explanationJson.path("schedule")),
                drivePlanFrom(explanationJson.path("drivePlan")));
        var route = json.path("route");
        return new Match(new MatchId(json.path("matchId").asText()),
                new PartnerId(json.path("carrierPartnerId").asText()),
                new PartnerId(json.path("shipperPartnerId").asText()),
                status,
                new Match.Route(placeFrom(route.path("emptyAt")), placeFrom(route.path("pickup")),
                        placeFrom(route.path("delivery")), placeFrom(route.path("mustEndAt"))),
                explanation, MatchScorer.score(explanation),
                Instant.parse(json.path("computedAt").asText()),
                Instant.parse(json.path("matchableUntil").asText()),
                retractedAt, recommendation);
    }

    /** With {@code view} null, the computed economics (stored, never shown to a party). */
    private static ObjectNode document(Match match, boolean rounded, MatchEconomicsView view) {
        ObjectNode json = NODES.objectNode();
        json.put("matchId", match.id().value());
        json.put("status", match.status().name());
        json.put("capacityLaneId", match.capacityLaneId().value());
        json.put("loadLaneId", match.loadLaneId().value());
        json.put("carrierPartnerId", match.carrier().value());
        json.put("shipperPartnerId", match.shipper().value());
        ObjectNode route = json.putObject("route");
        route.set("emptyAt", placeToJson(match.route().emptyAt()));
        route.set("pickup", placeToJson(match.route().pickup()));
        route.set("delivery", placeToJson(match.route().delivery()));
        route.set("mustEndAt", placeToJson(match.route().mustEndAt()));
        json.set("explanation", explanationToJson(match.explanation(), rounded, view));
        json.put("computedAt", match.computedAt().toString());
        json.put("matchableUntil", match.matchableUntil().toString());
        if (match.retractedAt() != null) {
            json.put("retractedAt", match.retractedAt().toString());
        }
        if (match.recommendation() != null) {
            ObjectNode recommendation = json.putObject("recommendation");
            recommendation.put("recommendedAt", match.recommendation().recommendedAt().toString());
            recommendation.put("region", match.recommendation().region().value());
        }
        return json;
    }

    private static ObjectNode explanationToJson(MatchExplanation explanation, boolean rounded,
            MatchEconomicsView view) {
        ObjectNode json = NODES.objectNode();
        json.put("originDeadheadMiles", tenths(explanation.originDeadheadMiles(), rounded));
        json.put("loadedMiles", tenths(explanation.loadedMiles(), rounded));
        json.put("destinationDeadheadMiles", tenths(explanation.destinationDeadheadMiles(), rounded));
        json.put("baselineEmptyMiles", tenths(explanation.baselineEmptyMiles(), rounded));
        json.put("outOfRouteMiles", tenths(explanation.outOfRouteMiles(), rounded));
        json.put("emptyMilesAvoided", tenths(explanation.emptyMilesAvoided(), rounded));
        json.put("co2AvoidedKg", tenths(explanation.co2AvoidedKg(), rounded));
        var economics = explanation.economics();
        if (view != null) {
            ObjectNode money = json.putObject("economics");
            if (view.shipperPrice() != null) {
                money.set("shipperPrice", moneyToJson(view.shipperPrice()));
            }
            money.put("priceSource", view.priceSource().name());
            if (view.carrierIncrementalCost() != null) {
                money.set("carrierIncrementalCost", moneyToJson(view.carrierIncrementalCost()));
            }
            money.put("costSource", view.costSource().name());
            if (view.surplus() != null) {
                money.set("surplus", moneyToJson(view.surplus()));
            }
        } else if (economics != null) {
            ObjectNode money = json.putObject("economics");
            money.set("shipperPrice", moneyToJson(economics.shipperPrice()));
            money.put("priceSource", economics.priceSource().name());
            money.set("carrierIncrementalCost", moneyToJson(economics.carrierIncrementalCost()));
            money.set("surplus", moneyToJson(economics.surplus()));
        }
        var schedule = explanation.schedule();
        ObjectNode times = json.putObject("schedule");
        times.put("pickupAt", LaneJson.zoned(schedule.pickupAt()));
        times.put("pickupSlackMinutes", schedule.pickupSlack().toMinutes());
        times.put("deliveryAt", LaneJson.zoned(schedule.deliveryAt()));
        times.put("deliverySlackMinutes", schedule.deliverySlack().toMinutes());
        times.put("arrivesAtEndAt", LaneJson.zoned(schedule.arrivesAtEnd()));
        times.put("endArrivalSlackMinutes", schedule.endArrivalSlack().toMinutes());
        ArrayNode stops = json.putArray("hoursOfServiceStops");
        explanation.hoursOfServiceStops().forEach(stop -> stops.add(activityToJson(stop, rounded)));
        json.set("drivePlan", drivePlanToJson(explanation.drivePlan(), rounded));
        return json;
    }

    private static ObjectNode drivePlanToJson(DrivePlan plan, boolean rounded) {
        ObjectNode json = NODES.objectNode();
        json.put("startsAt", plan.startsAt().toString());
        json.put("endsAt", plan.endsAt().toString());
        json.put("drivingMinutes", plan.drivingTime().toMinutes());
        ArrayNode activities = json.putArray("activities");
        plan.activities().forEach(activity -> activities.add(activityToJson(activity, rounded)));
        ArrayNode stops = json.putArray("stops");
        for (var stop : plan.stops()) {
            ObjectNode stopJson = stops.addObject();
            stopJson.put("legIndex", stop.legIndex());
            stopJson.put("arrivesAt", stop.arrivesAt().toString());
            stopJson.put("serviceStartsAt", stop.serviceStartsAt().toString());
            stopJson.put("departsAt", stop.departsAt().toString());
        }
        return json;
    }

    private static ObjectNode activityToJson(DrivePlan.Activity activity, boolean rounded) {
        ObjectNode json = NODES.objectNode();
        json.put("kind", switch (activity) {
            case DrivePlan.Activity.Driving driving -> "DRIVING";
            case DrivePlan.Activity.Break pause -> "BREAK";
            case DrivePlan.Activity.Rest rest -> "REST";
            case DrivePlan.Activity.Waiting waiting -> "WAITING";
            case DrivePlan.Activity.Dwell dwell -> "DWELL";
        });
        json.put("startsAt", activity.startsAt().toString());
        json.put("endsAt", activity.endsAt().toString());
        json.put("durationMinutes", activity.duration().toMinutes());
        switch (activity) {
            case DrivePlan.Activity.Driving driving -> {
                json.put("legIndex", driving.legIndex());
                json.put("miles", tenths(driving.miles(), rounded));
            }
            case DrivePlan.Activity.Waiting waiting -> json.put("legIndex", waiting.legIndex());
            case DrivePlan.Activity.Dwell dwell -> json.put("legIndex", dwell.legIndex());
            default -> {
                // breaks and rests belong to no leg
            }
        }
        return json;
    }

    private static MatchEconomics economicsFrom(JsonNode json) {
        if (json.isMissingNode() || json.isNull()) {
            return null;
        }
        return new MatchEconomics(moneyFrom(json.path("shipperPrice")),
                MatchEconomics.PriceSource.valueOf(json.path("priceSource").asText()),
                moneyFrom(json.path("carrierIncrementalCost")), moneyFrom(json.path("surplus")));
    }

    private static MatchExplanation.Schedule scheduleFrom(JsonNode json) {
        return new MatchExplanation.Schedule(
                LaneJson.parseZoned(json.path("pickupAt").asText()),
                Duration.ofMinutes(json.path("pickupSlackMinutes").asLong()),
                LaneJson.parseZoned(json.path("deliveryAt").asText()),
                Duration.ofMinutes(json.path("deliverySlackMinutes").asLong()),
                LaneJson.parseZoned(json.path("arrivesAtEndAt").asText()),
                Duration.ofMinutes(json.path("endArrivalSlackMinutes").asLong()));
    }

    private static DrivePlan drivePlanFrom(JsonNode json) {
        List<DrivePlan.Activity> activities = new ArrayList<>();
        for (JsonNode activity : json.path("activities")) {
            Instant startsAt = Instant.parse(activity.path("startsAt").asText());
            Instant endsAt = Instant.parse(activity.path("endsAt").asText());
            int legIndex = activity.path("legIndex").asInt();
            activities.add(switch (activity.path("kind").asText()) {
                case "DRIVING" -> new DrivePlan.Activity.Driving(startsAt, endsAt, legIndex,
                        activity.path("miles").asDouble());
                case "BREAK" -> new DrivePlan.Activity.Break(startsAt, endsAt);
                case "REST" -> new DrivePlan.Activity.Rest(startsAt, endsAt);
                case "WAITING" -> new DrivePlan.Activity.Waiting(startsAt, endsAt, legIndex);
                case "DWELL" -> new DrivePlan.Activity.Dwell(startsAt, endsAt, legIndex);
                default -> throw new IllegalArgumentException("unknown drive plan activity " + activity.path("kind"));
            });
        }
        List<DrivePlan.StopTimes> stops = new ArrayList<>();
        for (JsonNode stop : json.path("stops")) {
            stops.add(new DrivePlan.StopTimes(stop.path("legIndex").asInt(),
                    Instant.parse(stop.path("arrivesAt").asText()),
                    Instant.parse(stop.path("serviceStartsAt").asText()),
                    Instant.parse(stop.path("departsAt").asText())));
        }
        return new DrivePlan(Instant.parse(json.path("startsAt").asText()), activities, stops,
                Instant.parse(json.path("endsAt").asText()));
    }

    /**
     * The run as the posting's owner reads it: rejections never name the other lane or its owner, and the
     * details of the rules that compare the two sides' private figures are worded without them
     * ({@link FeasibilityPolicies#seenBy}).
     */
    public static ObjectNode runToJson(MatchRun run) {
        return runDocument(run, true, true);
    }

    /** The run as stored, with the details as the rules wrote them (never shown to a party). */
    public static ObjectNode runToStoredJson(MatchRun run) {
        return runDocument(run, false, false);
    }

    private static ObjectNode runDocument(MatchRun run, boolean rounded, boolean ownersView) {
        ObjectNode json = NODES.objectNode();
        json.put("laneId", run.laneId());
        json.put("kind", run.kind().name());
        json.put("computedAt", run.computedAt().toString());
        json.put("keysQueried", run.keysQueried());
        json.put("candidatesRead", run.candidatesRead());
        json.put("searchComplete", run.searchComplete());
        json.put("candidatesEvaluated", run.candidatesEvaluated());
        json.put("feasibleCount", run.feasibleCount());
        json.put("matchesStored", run.matchesStored());
        ArrayNode rejections = json.putArray("nearestRejections");
        for (var rejection : run.nearestRejections()) {
            ObjectNode rejectionJson = rejections.addObject();
            rejectionJson.put("originDeadheadMiles", tenths(rejection.originDeadheadMiles(), rounded));
            rejectionJson.put("loadedMiles", tenths(rejection.loadedMiles(), rounded));
            rejectionJson.put("destinationDeadheadMiles", tenths(rejection.destinationDeadheadMiles(), rounded));
            ArrayNode codes = rejectionJson.putArray("reasonCodes");
            rejection.reasonCodes().forEach(codes::add);
            ArrayNode reasons = rejectionJson.putArray("reasons");
            for (var reason : rejection.reasons()) {
                ObjectNode reasonJson = reasons.addObject();
                var shown = ownersView ? FeasibilityPolicies.seenBy(reason, run.kind()) : reason;
                reasonJson.put("reasonCode", shown.reasonCode());
                reasonJson.put("detail", shown.detail());
                if (shown.field() != null) {
                    reasonJson.put("pointer", shown.field());
                }
            }
        }
        return json;
    }

    public static MatchRun runFrom(JsonNode json) {
        List<MatchRun.NearestRejection> rejections = new ArrayList<>();
        for (JsonNode rejection : json.path("nearestRejections")) {
            List<Decision.Rejected> reasons = new ArrayList<>();
            rejection.path("reasons").forEach(reason -> reasons.add(new Decision.Rejected(
                    reason.path("reasonCode").asText(), reason.path("detail").asText(),
                    reason.hasNonNull("pointer") ? reason.get("pointer").asText() : null)));
            rejections.add(new MatchRun.NearestRejection(rejection.path("originDeadheadMiles").asDouble(),
                    rejection.path("loadedMiles").asDouble(), rejection.path("destinationDeadheadMiles").asDouble(),
                    reasons));
        }
        return new MatchRun(json.path("laneId").asText(), LaneKind.valueOf(json.path("kind").asText()),
                Instant.parse(json.path("computedAt").asText()), json.path("keysQueried").asInt(),
                json.path("candidatesRead").asInt(), json.path("searchComplete").asBoolean(true),
                json.path("candidatesEvaluated").asInt(),
                json.path("feasibleCount").asInt(), json.path("matchesStored").asInt(), rejections);
    }

    private static double tenths(double value, boolean rounded) {
        return rounded ? BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue() : value;
    }
}
