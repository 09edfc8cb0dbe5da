package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.gazetteer.LocationQuery;
import com.backhaulexchange.kernel.money.Money;
import java.time.ZonedDateTime;

/** What a posting asks for, as the HTTP layer read it: places not yet located, equipment not yet parsed. */
final class LanePostingCommands {
    private LanePostingCommands() {
    }

    /**
     * POST /lanes/capacity. {@code minimumRatePerLoadedMile} is null when absent; {@code maxReloadDeadheadMiles}
     * is the posted value or, when absent, the default ({@code CapacityLane.DEFAULT_MAX_RELOAD_DEADHEAD_MILES}).
     */
    record PostCapacity(LocationQuery emptyAt, LocationQuery mustEndAt, ZonedDateTime availableFrom,
            ZonedDateTime mustArriveBy, String equipment, int weightCapacityLbs, int palletCapacity,
            int maxOriginDeadheadMiles, int maxDestinationDeadheadMiles, int maxReloadDeadheadMiles,
            Money minimumRatePerLoadedMile) {
    }

    /** POST /lanes/loads. {@code budget} is null when absent. */
    record PostLoad(LocationQuery origin, LocationQuery destination, ZonedDateTime pickupOpensAt,
            ZonedDateTime pickupClosesAt, ZonedDateTime deliveryOpensAt, ZonedDateTime deliveryClosesAt,
            int weightLbs, int pallets, String equipment, String commodity, Money budget) {
    }
}
