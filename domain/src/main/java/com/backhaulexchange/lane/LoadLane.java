package com.backhaulexchange.lane;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.util.Objects;

/**
 * A shipper's load: picked up at {@code origin} within the pickup window, delivered at {@code destination}
 * within the delivery window, on the given equipment. {@code budget} (optional, null when absent) is the
 * most the shipper would pay for the whole move, what it would otherwise pay a dedicated truck. Values are
 * checked by {@link LanePostingPolicies}, not here, so that each bad field can be reported with its pointer.
 */
public record LoadLane(
        LoadLaneId id,
        PartnerId shipper,
        Place origin,
        Place destination,
        TimeWindow pickupWindow,
        TimeWindow deliveryWindow,
        int weightLbs,
        int pallets,
        EquipmentType equipment,
        String commodity,
        Money budget,
        LaneStatus status) {

    public LoadLane {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shipper, "shipper");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(pickupWindow, "pickupWindow");
        Objects.requireNonNull(deliveryWindow, "deliveryWindow");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(status, "status");
    }

    public LoadLane withStatus(LaneStatus next) {
        return new LoadLane(id, shipper, origin, destination, pickupWindow, deliveryWindow, weightLbs, pallets,
                equipment, commodity, budget, next);
    }
}
