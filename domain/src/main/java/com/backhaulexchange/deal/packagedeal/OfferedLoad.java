package com.backhaulexchange.deal.packagedeal;

import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.partner.PartnerId;
import java.util.Objects;

/**
 * One load of a package as the deal needs it: its position in the chain (0-based), its lane and shipper, its
 * loaded miles and the out-of-route miles attributed to it (ADR 22's cost attribution), from which the market
 * reference both sides of its leg see is priced.
 */
public record OfferedLoad(int index, LoadLaneId loadLaneId, PartnerId shipper, double loadedMiles,
        double attributedOutOfRouteMiles) {

    public OfferedLoad {
        Objects.requireNonNull(loadLaneId, "loadLaneId");
        Objects.requireNonNull(shipper, "shipper");
        if (index < 0 || !(loadedMiles >= 0) || !(attributedOutOfRouteMiles >= 0)) {
            throw new IllegalArgumentException("invalid offered load " + index + ": " + loadedMiles + ", "
                    + attributedOutOfRouteMiles);
        }
    }
}
