package com.backhaulexchange.deal.packagedeal;

import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.ReloadPackage;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A feasible package as the match engine found it, reduced to what a deal on it needs: its identity, the truck
 * and its carrier, the currency of its lanes, the instant after which it can no longer be booked (its first
 * pickup window closes, or a lane expires: the earliest), and its loads in order.
 */
public record OfferedPackage(ReloadPackageId packageId, CapacityLaneId capacityLaneId, PartnerId carrier,
        Currency currency, Instant openUntil, List<OfferedLoad> loads) {

    public OfferedPackage {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(capacityLaneId, "capacityLaneId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(openUntil, "openUntil");
        loads = List.copyOf(loads);
        if (loads.size() < ReloadPackage.MIN_LOADS || loads.size() > ReloadPackage.MAX_LOADS) {
            throw new IllegalArgumentException("a package has 2 or 3 loads, not " + loads.size());
        }
        var lanes = new HashSet<>();
        for (int i = 0; i < loads.size(); i++) {
            if (loads.get(i).index() != i || !lanes.add(loads.get(i).loadLaneId())) {
                throw new IllegalArgumentException("loads must be distinct and in chain order");
            }
        }
    }

    /**
     * The package as the match engine stored it: open until its {@code matchableUntil} (the earliest end of its
     * lanes: the truck's must-arrive-by, each load's pickup window), in the currency its economics are priced in,
     * each load charged the share of the chain's out-of-route miles that ADR 22 attributes to it (in proportion to
     * its attributable miles, as the carrier's cost is shared).
     */
    public static OfferedPackage of(PackageMatch match) {
        var explanation = match.explanation();
        if (explanation.economics() == null) {
            throw new IllegalArgumentException("package " + match.id() + " has no economics: it is not feasible");
        }
        var miles = explanation.miles();
        int count = match.legs().size();
        double attributable = 0;
        for (int i = 0; i < count; i++) {
            attributable += miles.attributableMiles(i);
        }
        List<OfferedLoad> loads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            var leg = match.legs().get(i);
            double share = attributable > 0 ? miles.attributableMiles(i) / attributable : 1.0 / count;
            loads.add(new OfferedLoad(i, leg.loadLaneId(), leg.shipper(), miles.loads().get(i).loadedMiles(),
                    miles.outOfRouteMiles() * share));
        }
        return new OfferedPackage(match.id(), match.capacityLaneId(), match.carrier(),
                explanation.economics().shipperPrice().currency(), match.matchableUntil(), loads);
    }
}
