package com.backhaulexchange.deal.packagedeal;

import com.backhaulexchange.deal.negotiation.MarketReference;
import com.backhaulexchange.deal.negotiation.Offer;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.partner.PartnerId;
import java.util.List;
import java.util.Objects;

/** One load's negotiation within a package: its offers, alternating sides, and where it stands. */
public record PackageLeg(int index, LoadLaneId loadLaneId, PartnerId shipper, MarketReference market,
        LegStatus status, List<Offer> offers) {

    public PackageLeg {
        Objects.requireNonNull(loadLaneId, "loadLaneId");
        Objects.requireNonNull(shipper, "shipper");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(status, "status");
        offers = List.copyOf(offers);
        if (offers.isEmpty()) {
            throw new IllegalArgumentException("a leg opens with the carrier's offer");
        }
    }

    public Offer currentOffer() {
        return offers.get(offers.size() - 1);
    }

    PackageLeg with(LegStatus nextStatus, List<Offer> nextOffers) {
        return new PackageLeg(index, loadLaneId, shipper, market, nextStatus, nextOffers);
    }
}
