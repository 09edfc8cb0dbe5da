package com.backhaulexchange.deal.packagedeal;

import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.matching.chain.ReloadPackage;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
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
}
