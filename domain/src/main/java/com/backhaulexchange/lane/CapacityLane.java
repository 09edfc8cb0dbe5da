package com.backhaulexchange.lane;

import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A carrier's empty leg: the truck becomes empty at {@code emptyAt} from {@code availableFrom} and must be
 * at {@code mustEndAt} by {@code mustArriveBy} (each in its place's time zone). It takes loads up to its
 * weight and pallet capacity, driving at most the given deadhead to the pickup and from the delivery.
 * {@code maxReloadDeadheadMiles} is the most it drives empty from one delivery to the next pickup when it
 * carries several loads one after another (a reload package, ADR 22); a posting without one gets
 * {@value #DEFAULT_MAX_RELOAD_DEADHEAD_MILES}. {@code minimumRatePerLoadedMile} (optional, null when absent) is
 * the carrier's floor, in minor units per loaded mile. {@code fleetFuelEconomy} (optional, null when absent) is
 * the carrier's fleet fuel economy as its profile stated it when the lane was posted: the truck's CO₂e figures
 * use it instead of the factor set's default truck, and a lane posted before the carrier stated one keeps the
 * default (ADR 47). Values are checked by {@link LanePostingPolicies}, not
 * here, so that each bad field can be reported with its pointer.
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
        int maxReloadDeadheadMiles,
        Money minimumRatePerLoadedMile,
        LaneStatus status,
        FleetFuelEconomy fleetFuelEconomy) {

    /**
     * The reload limit of a posting that does not set one: the deadhead limit the examples give each side of a
     * posting, about three hours at the planning speed; farther, a reload is a new trip (ADR 22).
     */
    public static final int DEFAULT_MAX_RELOAD_DEADHEAD_MILES = 150;

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

    /** A lane of the factor set's default truck. */
    public CapacityLane(CapacityLaneId id, PartnerId carrier, Place emptyAt, Place mustEndAt,
            ZonedDateTime availableFrom, ZonedDateTime mustArriveBy, EquipmentType equipment, int weightCapacityLbs,
            int palletCapacity, int maxOriginDeadheadMiles, int maxDestinationDeadheadMiles, int maxReloadDeadheadMiles,
            Money minimumRatePerLoadedMile, LaneStatus status) {
        this(id, carrier, emptyAt, mustEndAt, availableFrom, mustArriveBy, equipment, weightCapacityLbs,
                palletCapacity, maxOriginDeadheadMiles, maxDestinationDeadheadMiles, maxReloadDeadheadMiles,
                minimumRatePerLoadedMile, status, null);
    }

    /** A lane with the {@linkplain #DEFAULT_MAX_RELOAD_DEADHEAD_MILES default reload limit}. */
    public CapacityLane(CapacityLaneId id, PartnerId carrier, Place emptyAt, Place mustEndAt,
            ZonedDateTime availableFrom, ZonedDateTime mustArriveBy, EquipmentType equipment, int weightCapacityLbs,
            int palletCapacity, int maxOriginDeadheadMiles, int maxDestinationDeadheadMiles,
            Money minimumRatePerLoadedMile, LaneStatus status) {
        this(id, carrier, emptyAt, mustEndAt, availableFrom, mustArriveBy, equipment, weightCapacityLbs,
                palletCapacity, maxOriginDeadheadMiles, maxDestinationDeadheadMiles, DEFAULT_MAX_RELOAD_DEADHEAD_MILES,
                minimumRatePerLoadedMile, status);
    }

    public CapacityLane withStatus(LaneStatus next) {
        return new CapacityLane(id, carrier, emptyAt, mustEndAt, availableFrom, mustArriveBy, equipment,
                weightCapacityLbs, palletCapacity, maxOriginDeadheadMiles, maxDestinationDeadheadMiles,
                maxReloadDeadheadMiles, minimumRatePerLoadedMile, next, fleetFuelEconomy);
    }

    /** The same lane with another reload limit. */
    public CapacityLane withMaxReloadDeadheadMiles(int miles) {
        return new CapacityLane(id, carrier, emptyAt, mustEndAt, availableFrom, mustArriveBy, equipment,
                weightCapacityLbs, palletCapacity, maxOriginDeadheadMiles, maxDestinationDeadheadMiles, miles,
                minimumRatePerLoadedMile, status, fleetFuelEconomy);
    }

    /** The same lane with the carrier's fleet fuel economy (null: the default truck). */
    public CapacityLane withFleetFuelEconomy(FleetFuelEconomy economy) {
        return new CapacityLane(id, carrier, emptyAt, mustEndAt, availableFrom, mustArriveBy, equipment,
                weightCapacityLbs, palletCapacity, maxOriginDeadheadMiles, maxDestinationDeadheadMiles,
                maxReloadDeadheadMiles, minimumRatePerLoadedMile, status, economy);
    }

    /** The fuel economy the truck's CO₂e figures use: the carrier's, when the lane carries it. */
    public Optional<FleetFuelEconomy> fleet() {
        return Optional.ofNullable(fleetFuelEconomy);
    }
}
