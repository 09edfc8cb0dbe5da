package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.json.MoneyView;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.negotiation.MarketReference;
import com.backhaulexchange.deal.negotiation.Offer;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.deal.packagedeal.PackageDeal;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent;
import com.backhaulexchange.deal.packagedeal.PackageDealStatus;
import com.backhaulexchange.deal.packagedeal.PackageLeg;
import com.backhaulexchange.deal.packagedeal.ShipperLegView;
import com.backhaulexchange.function.negotiationbooking.DealViews.AccessorialsView;
import com.backhaulexchange.function.negotiationbooking.DealViews.MarketView;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of a package deal (ADR 32) as one side sees it. The carrier's side: the package, every leg with its
 * shipper and offers, and why it failed. A shipper's side: only {@link ShipperLegView}s of its own loads (their
 * index in the chain, how many loads the package has, the offers on them, the package's status, and on failure
 * the cause and whether it was its own load): never another load, its shipper or its price.
 */
final class PackageDealViews {

    private PackageDealViews() {
    }

    record OfferLine(int round, String offeredBy, MoneyView amount, AccessorialsView accessorials, String offeredAt,
            String expiresAt, boolean expired, String note) {
    }

    record LegLine(int legIndex, String loadLaneId, String shipperPartnerId, String status, MarketView market,
            List<OfferLine> offers) {
    }

    record FailureView(String cause, Integer legIndex, Boolean onYourLoad, String reason) {
    }

    record PackageDealView(String dealId, String yourSide, String status, int loadsInPackage, String packageId,
            String capacityLaneId, String carrierPartnerId, String openUntil, FailureView failure, List<LegLine> legs,
            List<String> bookingIds) {
    }

    record PackageDealPageView(List<PackageDealView> items, String nextCursor) {
    }

    static PackageDealView of(PackageDealService.Seen seen, Instant now) {
        PackageDeal deal = seen.deal();
        PackageDealStatus status = deal.effectiveStatus(now);
        List<String> bookingIds = seen.bookingIds().isEmpty() ? null
                : seen.bookingIds().stream().map(BookingId::value).toList();
        if (seen.side() == Side.CARRIER) {
            return new PackageDealView(deal.id().value(), Side.CARRIER.name(), status.name(), deal.legs().size(),
                    deal.packageId().value(), deal.capacityLaneId().value(), deal.carrier().value(),
                    deal.openUntil().toString(), carrierFailure(deal, status, now),
                    deal.legs().stream().map(leg -> carrierLeg(leg, now)).toList(), bookingIds);
        }
        List<ShipperLegView> own = seen.ownLegs().stream().map(index -> deal.viewForShipper(index, now)).toList();
        FailureView failure = null;
        if (status == PackageDealStatus.FAILED) {
            boolean onOwn = own.stream().anyMatch(ShipperLegView::failedOnThisLoad);
            failure = new FailureView(own.getFirst().failureCause().name(), null, onOwn, null);
        }
        List<LegLine> legs = new java.util.ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            ShipperLegView view = own.get(i);
            legs.add(new LegLine(seen.ownLegs().get(i), view.loadLaneId().value(), null, view.legStatus().name(),
                    market(view.market()), offers(view.offers(), now)));
        }
        // A shipper is told the bookings of its own loads only (the list is in chain order).
        List<String> ownBookings = bookingIds == null ? null
                : seen.ownLegs().stream().map(bookingIds::get).toList();
        return new PackageDealView(deal.id().value(), Side.SHIPPER.name(), status.name(), deal.legs().size(), null,
                null, null, null, failure, legs, ownBookings);
    }

    private static FailureView carrierFailure(PackageDeal deal, PackageDealStatus status, Instant now) {
        if (status != PackageDealStatus.FAILED) {
            return null;
        }
        var recorded = deal.history().stream().filter(PackageDealEvent.PackageFailed.class::isInstance)
                .map(PackageDealEvent.PackageFailed.class::cast).findFirst();
        if (recorded.isPresent()) {
            return new FailureView(recorded.get().cause().name(), recorded.get().legIndex(), null,
                    recorded.get().reason());
        }
        // Lapsed, not recorded yet (expiry is lazy): the earliest unanswered offer, or the package's deadline.
        Integer lapsedLeg = null;
        Instant first = deal.openUntil();
        for (PackageLeg leg : deal.legs()) {
            Instant expiry = leg.currentOffer().expiresAt();
            if (leg.status() != com.backhaulexchange.deal.packagedeal.LegStatus.ACCEPTED && expiry.isBefore(first)) {
                first = expiry;
                lapsedLeg = leg.index();
            }
        }
        return new FailureView("LAPSED", lapsedLeg, null, null);
    }

    private static LegLine carrierLeg(PackageLeg leg, Instant now) {
        return new LegLine(leg.index(), leg.loadLaneId().value(), leg.shipper().value(), leg.status().name(),
                market(leg.market()), offers(leg.offers(), now));
    }

    private static MarketView market(MarketReference market) {
        return new MarketView(MoneyView.of(market.marketShipperPrice()), MoneyView.of(market.marketIncrementalCost()),
                market.loadedMiles(), market.outOfRouteMiles());
    }

    private static List<OfferLine> offers(List<Offer> offers, Instant now) {
        return offers.stream().map(offer -> new OfferLine(offer.round(), offer.author().name(),
                MoneyView.of(offer.amount()), AccessorialsView.of(offer.accessorials()), offer.offeredAt().toString(),
                offer.expiresAt().toString(), !now.isBefore(offer.expiresAt()), offer.terms().note())).toList();
    }
}
