package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * What was posted, as LanesTable stores it in the {@code lane} map of a lane and of each of its candidate
 * entries: the lane's fields without its id, owner, status or timestamps, which are attributes of the item.
 * The item's {@code kind} says which of the two shapes it is. Local times are RFC 9557 text
 * ({@link ZonedTimes}).
 */
public sealed interface LaneDocument {

    /** Version 1: the shape of the API's lane body when the two were split (issue 9). */
    int SCHEMA_VERSION = 1;

    /** The attributes of the item that complete the document into a posted lane. */
    record Identity(String laneId, PartnerId owner, LaneStatus status, Instant postedAt, Instant updatedAt) {
    }

    static LaneDocument of(PostedLane lane) {
        return switch (lane) {
            case PostedLane.Capacity capacity -> Capacity.of(capacity.lane());
            case PostedLane.Load load -> Load.of(load.lane());
        };
    }

    static Class<? extends LaneDocument> typeOf(LaneKind kind) {
        return switch (kind) {
            case CAPACITY -> Capacity.class;
            case LOAD -> Load.class;
        };
    }

    PostedLane toLane(Identity identity);

    record Capacity(
            PlaceDocument emptyAt,
            PlaceDocument mustEndAt,
            String availableFrom,
            String mustArriveBy,
            String equipment,
            int weightCapacityLbs,
            int palletCapacity,
            int maxOriginDeadheadMiles,
            int maxDestinationDeadheadMiles,
            MoneyDocument minimumRatePerLoadedMile,
            Integer maxReloadDeadheadMiles,
            FleetFuelEconomyDocument fleetFuelEconomy) implements LaneDocument {

        static Capacity of(CapacityLane lane) {
            return new Capacity(PlaceDocument.of(lane.emptyAt()), PlaceDocument.of(lane.mustEndAt()),
                    ZonedTimes.format(lane.availableFrom()), ZonedTimes.format(lane.mustArriveBy()),
                    lane.equipment().name(), lane.weightCapacityLbs(), lane.palletCapacity(),
                    lane.maxOriginDeadheadMiles(), lane.maxDestinationDeadheadMiles(),
                    MoneyDocument.of(lane.minimumRatePerLoadedMile()), lane.maxReloadDeadheadMiles(),
                    FleetFuelEconomyDocument.of(lane.fleetFuelEconomy()));
        }

        /**
         * Added within version 1 (ADR 21: an optional field); a lane stored before it has the default. So is
         * {@code fleetFuelEconomy} (ADR 47): a lane stored without it is the factor set's default truck.
         */
        int reloadLimit() {
            return maxReloadDeadheadMiles == null ? CapacityLane.DEFAULT_MAX_RELOAD_DEADHEAD_MILES
                    : maxReloadDeadheadMiles;
        }

        @Override
        public PostedLane toLane(Identity identity) {
            return new PostedLane.Capacity(new CapacityLane(new CapacityLaneId(identity.laneId()), identity.owner(),
                    emptyAt.toPlace(), mustEndAt.toPlace(), ZonedTimes.parse(availableFrom),
                    ZonedTimes.parse(mustArriveBy), EquipmentType.valueOf(equipment), weightCapacityLbs,
                    palletCapacity, maxOriginDeadheadMiles, maxDestinationDeadheadMiles, reloadLimit(),
                    MoneyDocument.moneyOf(minimumRatePerLoadedMile), identity.status(),
                    FleetFuelEconomyDocument.economyOf(fleetFuelEconomy)), identity.postedAt(), identity.updatedAt());
        }
    }

    record Load(
            PlaceDocument origin,
            PlaceDocument destination,
            WindowDocument pickupWindow,
            WindowDocument deliveryWindow,
            int weightLbs,
            int pallets,
            String equipment,
            String commodity,
            MoneyDocument budget) implements LaneDocument {

        static Load of(LoadLane lane) {
            return new Load(PlaceDocument.of(lane.origin()), PlaceDocument.of(lane.destination()),
                    WindowDocument.of(lane.pickupWindow()), WindowDocument.of(lane.deliveryWindow()),
                    lane.weightLbs(), lane.pallets(), lane.equipment().name(), lane.commodity(),
                    MoneyDocument.of(lane.budget()));
        }

        @Override
        public PostedLane toLane(Identity identity) {
            return new PostedLane.Load(new LoadLane(new LoadLaneId(identity.laneId()), identity.owner(),
                    origin.toPlace(), destination.toPlace(), pickupWindow.toWindow(), deliveryWindow.toWindow(),
                    weightLbs, pallets, EquipmentType.valueOf(equipment), commodity, MoneyDocument.moneyOf(budget),
                    identity.status()), identity.postedAt(), identity.updatedAt());
        }
    }

    /** A time window: both ends in the zone of the opening time (the closing time keeps its instant). */
    record WindowDocument(String opensAt, String closesAt) {
        static WindowDocument of(TimeWindow window) {
            return new WindowDocument(ZonedTimes.format(window.opensAtLocal()),
                    ZonedTimes.format(window.closesAtLocal()));
        }

        TimeWindow toWindow() {
            ZonedDateTime opens = ZonedTimes.parse(opensAt);
            return new TimeWindow(opens.toInstant(), ZonedTimes.parse(closesAt).toInstant(), opens.getZone());
        }
    }
}
