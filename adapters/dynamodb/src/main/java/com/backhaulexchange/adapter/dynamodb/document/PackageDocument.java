package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.adapter.dynamodb.document.MatchDocument.DrivePlanDocument;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.MatchEconomics;
import com.backhaulexchange.matching.chain.ChainEconomics;
import com.backhaulexchange.matching.chain.ChainExplanation;
import com.backhaulexchange.matching.chain.ChainMiles;
import com.backhaulexchange.matching.chain.ChainRejection;
import com.backhaulexchange.matching.chain.ChainScorer;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.PackageStatus;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A reload package as LanesTable stores it in the {@code package} map of its PACKAGE item and of its capacity
 * lane's link: as computed, miles and kilograms exact, the economics as computed (both sides' private figures:
 * never shown to a party as they are). Times at stops are RFC 9557 text, slack an ISO-8601 duration (exact, so a
 * package reads back as it was computed). What changes without a recomputation (status, retraction) are
 * attributes of the item, which a reader takes instead of {@link #status} and {@link #retractedAt} here.
 */
public record PackageDocument(
        String packageId,
        String status,
        String capacityLaneId,
        String carrierPartnerId,
        PlaceDocument emptyAt,
        PlaceDocument mustEndAt,
        List<LegDocument> legs,
        ExplanationDocument explanation,
        Instant computedAt,
        Instant matchableUntil,
        Instant retractedAt) {

    /** Version 1: the first stored packages (ADR 25). */
    public static final int SCHEMA_VERSION = 1;

    public record LegDocument(String loadLaneId, String shipperPartnerId, PlaceDocument pickup,
            PlaceDocument delivery, double deadheadToPickupMiles, double loadedMiles, LoadShareDocument economics,
            double emptyMilesAvoidedAlone) {
    }

    /** One load's part of the chain's money; null (with the chain's) when the prices are in mixed currencies. */
    public record LoadShareDocument(double attributableMiles, MoneyDocument shipperPrice, String priceSource,
            MoneyDocument carrierCostShare, MoneyDocument surplus) {
    }

    public record ExplanationDocument(
            double destinationDeadheadMiles,
            double baselineEmptyMiles,
            MatchDocument.EmissionsDocument co2eAvoided,
            EconomicsDocument economics,
            List<StopDocument> schedule,
            DrivePlanDocument drivePlan) {
    }

    public record EconomicsDocument(MoneyDocument shipperPrice, MoneyDocument carrierIncrementalCost,
            MoneyDocument surplus) {
    }

    /** A pickup, delivery or the lane's end: when service starts (the arrival for the end) and the slack left. */
    public record StopDocument(String kind, Integer loadIndex, String at, String slack) {
    }

    /** A broken rule of a chain, with its leg (null: the whole chain). */
    public record RejectionDocument(Integer loadIndex, String reasonCode, String detail, String pointer) {
        static RejectionDocument of(ChainRejection rejection) {
            return new RejectionDocument(rejection.loadIndex(), rejection.reasonCode(), rejection.reason().detail(),
                    rejection.reason().field());
        }

        ChainRejection toRejection() {
            return new ChainRejection(loadIndex, new Decision.Rejected(reasonCode, detail, pointer));
        }
    }

    public static PackageDocument of(PackageMatch found) {
        var explanation = found.explanation();
        var miles = explanation.miles();
        var economics = explanation.economics();
        List<LegDocument> legs = new java.util.ArrayList<>();
        for (int i = 0; i < found.legs().size(); i++) {
            var leg = found.legs().get(i);
            var loadMiles = miles.loads().get(i);
            var share = economics == null ? null : economics.perLoad().get(i);
            legs.add(new LegDocument(leg.loadLaneId().value(), leg.shipper().value(), PlaceDocument.of(leg.pickup()),
                    PlaceDocument.of(leg.delivery()), loadMiles.deadheadToPickupMiles(), loadMiles.loadedMiles(),
                    share == null ? null : new LoadShareDocument(share.attributableMiles(),
                            MoneyDocument.of(share.shipperPrice()), share.priceSource().name(),
                            MoneyDocument.of(share.carrierCostShare()), MoneyDocument.of(share.surplus())),
                    explanation.singleLoads().alone().get(i).emptyMilesAvoided()));
        }
        return new PackageDocument(found.id().value(), found.status().name(), found.capacityLaneId().value(),
                found.carrier().value(), PlaceDocument.of(found.emptyAt()), PlaceDocument.of(found.mustEndAt()), legs,
                new ExplanationDocument(miles.destinationDeadheadMiles(), miles.baselineEmptyMiles(),
                        MatchDocument.EmissionsDocument.of(explanation.co2eAvoided()), economics == null ? null : new EconomicsDocument(
                                MoneyDocument.of(economics.shipperPrice()),
                                MoneyDocument.of(economics.carrierIncrementalCost()),
                                MoneyDocument.of(economics.surplus())),
                        schedule(explanation.schedule()), MatchDocument.drivePlanDocument(explanation.drivePlan())),
                found.computedAt(), found.matchableUntil(), found.retractedAt());
    }

    /** The package, with the status and retraction its item holds now. */
    public PackageMatch toPackage(PackageStatus currentStatus, Instant currentRetractedAt) {
        List<LoadLaneId> loadIds = legs.stream().map(leg -> new LoadLaneId(leg.loadLaneId())).toList();
        var miles = new ChainMiles(legs.stream().map(leg -> new ChainMiles.LoadMiles(leg.deadheadToPickupMiles(),
                leg.loadedMiles())).toList(), explanation.destinationDeadheadMiles(), explanation.baselineEmptyMiles());
        ChainEconomics economics = null;
        if (explanation.economics() != null) {
            List<ChainEconomics.LoadShare> shares = new java.util.ArrayList<>();
            for (int i = 0; i < legs.size(); i++) {
                var share = legs.get(i).economics();
                shares.add(new ChainEconomics.LoadShare(loadIds.get(i), share.attributableMiles(),
                        share.shipperPrice().toMoney(), MatchEconomics.PriceSource.valueOf(share.priceSource()),
                        share.carrierCostShare().toMoney(), share.surplus().toMoney()));
            }
            var totals = explanation.economics();
            economics = new ChainEconomics(shares, totals.shipperPrice().toMoney(),
                    totals.carrierIncrementalCost().toMoney(), totals.surplus().toMoney());
        }
        var comparison = new ChainExplanation.SingleLoadComparison(java.util.stream.IntStream.range(0, legs.size())
                .mapToObj(i -> new ChainExplanation.SingleLoad(loadIds.get(i), legs.get(i).emptyMilesAvoidedAlone()))
                .toList(), miles.emptyMilesAvoided());
        var explained = new ChainExplanation(new ReloadPackageId(packageId), new CapacityLaneId(capacityLaneId),
                loadIds, miles, explanation.co2eAvoided().toCo2eAvoided(), economics, scheduleOf(explanation.schedule()),
                MatchDocument.drivePlanOf(explanation.drivePlan()), comparison);
        return new PackageMatch(new ReloadPackageId(packageId), new PartnerId(carrierPartnerId), currentStatus,
                emptyAt.toPlace(), mustEndAt.toPlace(), legs.stream().map(leg -> new PackageMatch.Leg(
                        new LoadLaneId(leg.loadLaneId()), new PartnerId(leg.shipperPartnerId()),
                        leg.pickup().toPlace(), leg.delivery().toPlace())).toList(),
                explained, ChainScorer.score(explained), computedAt, matchableUntil, currentRetractedAt);
    }

    static List<StopDocument> schedule(List<ChainExplanation.ScheduledStop> stops) {
        return stops.stream().map(stop -> new StopDocument(stop.kind().name(), stop.loadIndex(),
                ZonedTimes.format(stop.at()), stop.slack().toString())).toList();
    }

    static List<ChainExplanation.ScheduledStop> scheduleOf(List<StopDocument> stops) {
        return stops.stream().map(stop -> new ChainExplanation.ScheduledStop(
                ChainExplanation.StopKind.valueOf(stop.kind()), stop.loadIndex(), ZonedTimes.parse(stop.at()),
                Duration.parse(stop.slack()))).toList();
    }
}
