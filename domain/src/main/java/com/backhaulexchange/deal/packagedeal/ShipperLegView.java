package com.backhaulexchange.deal.packagedeal;

import com.backhaulexchange.deal.negotiation.MarketReference;
import com.backhaulexchange.deal.negotiation.Offer;
import com.backhaulexchange.lane.LoadLaneId;
import java.util.List;
import java.util.Objects;

/**
 * What the shipper of one load sees of a package deal: that its load is one of {@code loadsInPackage} carried
 * one after another by one truck, its own load's offers and status, and how the package stands or why it
 * failed. Never another load, its shipper, its price, or which load caused a failure when it was not this one.
 */
public record ShipperLegView(PackageDealId dealId, int loadsInPackage, LoadLaneId loadLaneId, LegStatus legStatus,
        MarketReference market, List<Offer> offers, PackageDealStatus packageStatus, FailureCause failureCause,
        boolean failedOnThisLoad) {

    public ShipperLegView {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(loadLaneId, "loadLaneId");
        Objects.requireNonNull(legStatus, "legStatus");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(packageStatus, "packageStatus");
        offers = List.copyOf(offers);
    }

    static ShipperLegView of(PackageDeal deal, int legIndex, java.time.Instant now) {
        PackageLeg leg = deal.legs().get(legIndex);
        PackageDealStatus status = deal.effectiveStatus(now);
        FailureCause cause = null;
        boolean onThisLoad = false;
        if (status == PackageDealStatus.FAILED) {
            var failure = deal.history().stream()
                    .filter(PackageDealEvent.PackageFailed.class::isInstance)
                    .map(PackageDealEvent.PackageFailed.class::cast)
                    .findFirst();
            if (failure.isPresent()) {
                cause = failure.get().cause();
                onThisLoad = Integer.valueOf(legIndex).equals(failure.get().legIndex());
            } else {
                var lapse = deal.lapseAt(now).orElseThrow();
                cause = FailureCause.LAPSED;
                onThisLoad = Integer.valueOf(legIndex).equals(lapse.legIndex());
            }
        }
        return new ShipperLegView(deal.id(), deal.legs().size(), leg.loadLaneId(), leg.status(), leg.market(),
                leg.offers(), status, cause, onThisLoad);
    }
}
