package com.backhaulexchange.adapter.json;

import static com.backhaulexchange.adapter.json.Views.tenths;

import com.backhaulexchange.adapter.json.MatchView.ActivityView;
import com.backhaulexchange.adapter.json.MatchView.DrivePlanView;
import com.backhaulexchange.adapter.json.Views.PlaceView;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.matching.MatchEconomics;
import com.backhaulexchange.matching.chain.ChainEconomics;
import com.backhaulexchange.matching.chain.ChainExplanation;
import com.backhaulexchange.matching.chain.ChainMiles;
import com.backhaulexchange.matching.chain.PackageMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A reload package as its carrier (or a broker acting for it) reads it (the {@code ReloadPackage} schema): the
 * loads in carrying order, and the explanation per leg and in total, miles and kilograms to one decimal. The
 * economics follow ADR 14's match views for the carrier's side: its own cost (the chain's out-of-route miles at its
 * cost per mile, split over the loads as ADR 22 attributes it) against the market estimate of each shipper's price
 * (the market rate × that load's loaded miles), never a budget, nor whether a load has one; a load the carrier
 * posted itself shows its own figure. The surplus shown is the difference of the figures shown.
 */
public record PackageView(
        String packageId,
        String status,
        String capacityLaneId,
        String carrierPartnerId,
        boolean roundTrip,
        PlaceView emptyAt,
        PlaceView mustEndAt,
        List<LegView> legs,
        ExplanationView explanation,
        String computedAt,
        String matchableUntil,
        String retractedAt,
        MatchView.RecommendationView recommendation) {

    /** One load, with the empty hop into its pickup, its loaded miles and its part of the money. */
    public record LegView(int loadIndex, String loadLaneId, String shipperPartnerId, PlaceView pickup,
            PlaceView delivery, double deadheadToPickupMiles, double loadedMiles, double attributableMiles,
            double emptyMilesAvoidedAlone, LegEconomicsView economics) {
    }

    public record LegEconomicsView(MoneyView shipperPrice, String priceSource, MoneyView carrierCostShare,
            String costSource, MoneyView surplus) {
    }

    public record ExplanationView(
            double originDeadheadMiles,
            double reloadDeadheadMiles,
            double loadedMiles,
            double destinationDeadheadMiles,
            double totalDeadheadMiles,
            double baselineEmptyMiles,
            double outOfRouteMiles,
            double emptyMilesAvoided,
            double bestSingleLoadEmptyMilesAvoided,
            double co2eAvoidedKg,
            double co2eAvoidedTankToWheelKg,
            MatchView.EmissionsMethodView emissionsMethod,
            EconomicsView economics,
            List<StopView> schedule,
            List<ActivityView> hoursOfServiceStops,
            DrivePlanView drivePlan) {
    }

    public record EconomicsView(MoneyView shipperPrice, MoneyView carrierIncrementalCost, String costSource,
            MoneyView surplus) {
    }

    /** A pickup, delivery or the lane's end: local time of service (arrival, for the end) and slack to its deadline. */
    public record StopView(String kind, Integer loadIndex, String at, long slackMinutes) {
        static StopView of(ChainExplanation.ScheduledStop stop) {
            return new StopView(stop.kind().name(), stop.loadIndex(), LaneJson.zoned(stop.at()),
                    stop.slack().toMinutes());
        }
    }

    /** The package as the carrier sees it at {@code now}; {@code marketRatePerLoadedMile} prices others' loads. */
    public static PackageView of(PackageMatch found, Money marketRatePerLoadedMile, Instant now) {
        ChainExplanation explanation = found.explanation();
        ChainMiles miles = explanation.miles();
        ChainEconomics economics = explanation.economics();
        List<LegView> legs = new ArrayList<>();
        Money shownPrice = economics == null ? null : Money.zero(economics.carrierIncrementalCost().currency());
        for (int i = 0; i < found.legs().size(); i++) {
            var leg = found.legs().get(i);
            var loadMiles = miles.loads().get(i);
            LegEconomicsView legEconomics = null;
            if (economics != null) {
                var share = economics.perLoad().get(i);
                boolean own = leg.shipper().equals(found.carrier());
                Money price = own ? share.shipperPrice()
                        : MatchEconomics.perMile(marketRatePerLoadedMile, loadMiles.loadedMiles());
                if (!price.currency().equals(share.carrierCostShare().currency())) {
                    price = null;
                }
                shownPrice = price == null || shownPrice == null ? null : shownPrice.plus(price);
                legEconomics = new LegEconomicsView(MoneyView.of(price),
                        own ? share.priceSource().name() : MatchEconomics.PriceSource.MARKET_RATE.name(),
                        MoneyView.of(share.carrierCostShare()), "CARRIER_COST",
                        price == null ? null : MoneyView.of(price.minus(share.carrierCostShare())));
            }
            legs.add(new LegView(i, leg.loadLaneId().value(), leg.shipper().value(), PlaceView.of(leg.pickup()),
                    PlaceView.of(leg.delivery()), tenths(loadMiles.deadheadToPickupMiles()),
                    tenths(loadMiles.loadedMiles()), tenths(miles.attributableMiles(i)),
                    tenths(explanation.singleLoads().alone().get(i).emptyMilesAvoided()), legEconomics));
        }
        EconomicsView total = economics == null ? null : new EconomicsView(MoneyView.of(shownPrice),
                MoneyView.of(economics.carrierIncrementalCost()), "CARRIER_COST",
                shownPrice == null ? null : MoneyView.of(shownPrice.minus(economics.carrierIncrementalCost())));
        var explained = new ExplanationView(tenths(miles.originDeadheadMiles()), tenths(miles.reloadDeadheadMiles()),
                tenths(miles.loadedMiles()), tenths(miles.destinationDeadheadMiles()),
                tenths(miles.totalDeadheadMiles()), tenths(miles.baselineEmptyMiles()), tenths(miles.outOfRouteMiles()),
                tenths(miles.emptyMilesAvoided()), tenths(explanation.singleLoads().bestSingleEmptyMilesAvoided()),
                tenths(explanation.co2eAvoided().kgWellToWheel()), tenths(explanation.co2eAvoided().kgTankToWheel()),
                MatchView.EmissionsMethodView.of(explanation.co2eAvoided()), total,
                explanation.schedule().stream().map(StopView::of).toList(),
                explanation.hoursOfServiceStops().stream().map(MatchView::activityOf).toList(),
                MatchView.drivePlanOf(explanation.drivePlan()));
        return new PackageView(found.id().value(), found.effectiveStatus(now), found.capacityLaneId().value(),
                found.carrier().value(), found.isRoundTrip(), PlaceView.of(found.emptyAt()),
                PlaceView.of(found.mustEndAt()), legs, explained, found.computedAt().toString(),
                found.matchableUntil().toString(), found.retractedAt() == null ? null : found.retractedAt().toString(),
                found.recommendation() == null ? null : new MatchView.RecommendationView(
                        found.recommendation().recommendedAt().toString(), found.recommendation().region().value()));
    }
}
