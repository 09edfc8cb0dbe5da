package com.backhaulexchange.lane;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A carrier's empty leg: the truck becomes empty at {@code emptyAt} from {@code availableFrom} and must be
 * at {@code mustEndAt} by {@code mustArriveBy} (each in its place's time zone). It takes loads up to its
 * weight and pallet capacity, driving at most the given deadhead to the pickup and from the delivery.
 * {@code minimumRatePerLoadedMile} (optional, null when absent) is the carrier's floor, in minor units per
 * loaded mile. Values are checked by {@link LanePostingPolicies}, not here, so that each bad field can be
 * reported with its pointer.
 */
public record CapacityLane(
        CapacityLaneId id,
        PartnerId carrier,
        Place emptyAt,
        Place mustEndAt,
        ZonedDateTime availableFrom,
        ZonedDateTime mustArriveBy,
        EquipmentType equipment,
        int weightCapacityLbs,
        int palletCapacity,
        int maxOriginDeadheadMiles,
        int maxDestinationDeadheadMiles,
        Money minimumRatePerLoadedMile,
        LaneStatus status) {

    public CapacityLane {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(emptyAt, "emptyAt");
        Objects.requireNonNull(mustEndAt, "mustEndAt");
        Objects.requireNonNull(availableFrom, "availableFrom");
        Objects.requireNonNull(mustArriveBy, "mustArriveBy");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(status, "status");
    }

    public CapacityLane withStatus(LaneStatus next) {
        return new CapacityLane(id, carrier, emptyAt, mustEndAt, availableFrom, mustArriveBy, equipment,
                weightCapacityLbs, palletCapacity, maxOriginDeadheadMiles, maxDestinationDeadheadMiles,
                minimumRatePerLoadedMile, next);
    }
}
