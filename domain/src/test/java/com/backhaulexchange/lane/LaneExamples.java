package com.backhaulexchange.lane;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.GreatCircle;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Lanes for tests, valid unless a test changes them on purpose, and places at exact road distances (on
 * one meridian, road miles = great-circle miles × the default circuity) so that cases compute by hand.
 */
public final class LaneExamples {

    public static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** Monday 23 November 2026, 06:00 in Chicago; a posting "now" is before it. */
    public static final ZonedDateTime MONDAY_6AM = ZonedDateTime.of(2026, 11, 23, 6, 0, 0, 0, CHICAGO);
    public static final Instant NOW = MONDAY_6AM.minusDays(2).toInstant();
    /** Near Dallas; the other example places lie due north of it. */
    public static final Coordinates ORIGIN = new Coordinates(32.7767, -96.7970);
    public static final PartnerId CARRIER = new PartnerId("01JDCARR000000000000000001");
    public static final PartnerId SHIPPER = new PartnerId("01JDSHPR000000000000000001");

    private LaneExamples() {
    }

    /** A place {@code roadMiles} (default circuity) due north of {@link #ORIGIN}. */
    public static Place northOfOrigin(double roadMiles) {
        double greatCircleMiles = roadMiles / RoadDistanceModel.DEFAULT_CIRCUITY_FACTOR;
        double latitude = ORIGIN.latitudeDegrees() + Math.toDegrees(greatCircleMiles / GreatCircle.EARTH_RADIUS_MILES);
        return new Place(new Coordinates(latitude, ORIGIN.longitudeDegrees()), "mile " + roadMiles);
    }

    public static CapacityLaneId capacityId(int n) {
        return new CapacityLaneId(String.format("01JDCAP%019d", n));
    }

    public static LoadLaneId loadId(int n) {
        return new LoadLaneId(String.format("01JDFRT%019d", n));
    }

    public static Instant at(int dayOffset, int hour, int minute) {
        return MONDAY_6AM.withHour(hour).withMinute(minute).plusDays(dayOffset).toInstant();
    }

    /**
     * A dry van empty at mile 0 from Monday 06:00 that must be at mile 600 by Tuesday 18:00; 45,000 lbs,
     * 26 pallets, deadhead up to 150 miles each side, no minimum rate.
     */
    public static CapacityLane capacity() {
        return new CapacityLane(capacityId(1), CARRIER, northOfOrigin(0), northOfOrigin(600),
                MONDAY_6AM, MONDAY_6AM.plusDays(1).withHour(18), EquipmentType.DRY_VAN,
                45_000, 26, 150, 150, null, LaneStatus.OPEN);
    }

    /**
     * A dry-van load from mile 100 (pickup Monday 08:00–12:00) to mile 700 (delivery Tuesday 06:00–14:00),
     * 30,000 lbs on 20 pallets, budget USD 1,500.
     */
    public static LoadLane load() {
        return new LoadLane(loadId(1), SHIPPER, northOfOrigin(100), northOfOrigin(700),
                new TimeWindow(at(0, 8, 0), at(0, 12, 0), CHICAGO),
                new TimeWindow(at(1, 6, 0), at(1, 14, 0), CHICAGO),
                30_000, 20, EquipmentType.DRY_VAN, "canned goods", Money.of(150_000, "USD"), LaneStatus.OPEN);
    }

    public static Builder capacityBuilder() {
        return new Builder(capacity());
    }

    public static LoadBuilder loadBuilder() {
        return new LoadBuilder(load());
    }

    /** Changes a capacity lane field by field. */
    public static final class Builder {
        private CapacityLane lane;

        Builder(CapacityLane lane) {
            this.lane = lane;
        }

        private Builder set(CapacityLaneId id, Place emptyAt, Place mustEndAt, ZonedDateTime availableFrom,
                ZonedDateTime mustArriveBy, EquipmentType equipment, int weight, int pallets, int originDeadhead,
                int destinationDeadhead, Money minimumRate, LaneStatus status) {
            lane = new CapacityLane(id, lane.carrier(), emptyAt, mustEndAt, availableFrom, mustArriveBy, equipment,
                    weight, pallets, originDeadhead, destinationDeadhead, lane.maxReloadDeadheadMiles(), minimumRate,
                    status);
            return this;
        }

        public Builder reloadDeadheadLimit(int miles) {
            lane = lane.withMaxReloadDeadheadMiles(miles);
            return this;
        }

        public Builder id(CapacityLaneId id) {
            return set(id, lane.emptyAt(), lane.mustEndAt(), lane.availableFrom(), lane.mustArriveBy(),
                    lane.equipment(), lane.weightCapacityLbs(), lane.palletCapacity(), lane.maxOriginDeadheadMiles(),
                    lane.maxDestinationDeadheadMiles(), lane.minimumRatePerLoadedMile(), lane.status());
        }

        public Builder route(Place emptyAt, Place mustEndAt) {
            return set(lane.id(), emptyAt, mustEndAt, lane.availableFrom(), lane.mustArriveBy(), lane.equipment(),
                    lane.weightCapacityLbs(), lane.palletCapacity(), lane.maxOriginDeadheadMiles(),
                    lane.maxDestinationDeadheadMiles(), lane.minimumRatePerLoadedMile(), lane.status());
        }

        public Builder times(ZonedDateTime availableFrom, ZonedDateTime mustArriveBy) {
            return set(lane.id(), lane.emptyAt(), lane.mustEndAt(), availableFrom, mustArriveBy, lane.equipment(),
                    lane.weightCapacityLbs(), lane.palletCapacity(), lane.maxOriginDeadheadMiles(),
                    lane.maxDestinationDeadheadMiles(), lane.minimumRatePerLoadedMile(), lane.status());
        }

        public Builder equipment(EquipmentType equipment) {
            return set(lane.id(), lane.emptyAt(), lane.mustEndAt(), lane.availableFrom(), lane.mustArriveBy(),
                    equipment, lane.weightCapacityLbs(), lane.palletCapacity(), lane.maxOriginDeadheadMiles(),
                    lane.maxDestinationDeadheadMiles(), lane.minimumRatePerLoadedMile(), lane.status());
        }

        public Builder capacity(int weightLbs, int pallets) {
            return set(lane.id(), lane.emptyAt(), lane.mustEndAt(), lane.availableFrom(), lane.mustArriveBy(),
                    lane.equipment(), weightLbs, pallets, lane.maxOriginDeadheadMiles(),
                    lane.maxDestinationDeadheadMiles(), lane.minimumRatePerLoadedMile(), lane.status());
        }

        public Builder deadheadLimits(int originMiles, int destinationMiles) {
            return set(lane.id(), lane.emptyAt(), lane.mustEndAt(), lane.availableFrom(), lane.mustArriveBy(),
                    lane.equipment(), lane.weightCapacityLbs(), lane.palletCapacity(), originMiles, destinationMiles,
                    lane.minimumRatePerLoadedMile(), lane.status());
        }

        public Builder minimumRate(Money ratePerLoadedMile) {
            return set(lane.id(), lane.emptyAt(), lane.mustEndAt(), lane.availableFrom(), lane.mustArriveBy(),
                    lane.equipment(), lane.weightCapacityLbs(), lane.palletCapacity(), lane.maxOriginDeadheadMiles(),
                    lane.maxDestinationDeadheadMiles(), ratePerLoadedMile, lane.status());
        }

        public Builder status(LaneStatus status) {
            lane = lane.withStatus(status);
            return this;
        }

        public CapacityLane build() {
            return lane;
        }
    }

    /** Changes a load lane field by field. */
    public static final class LoadBuilder {
        private LoadLane lane;

        LoadBuilder(LoadLane lane) {
            this.lane = lane;
        }

        private LoadBuilder set(LoadLaneId id, Place origin, Place destination, TimeWindow pickup,
                TimeWindow delivery, int weight, int pallets, EquipmentType equipment, String commodity,
                Money budget) {
            lane = new LoadLane(id, lane.shipper(), origin, destination, pickup, delivery, weight, pallets, equipment,
                    commodity, budget, lane.status());
            return this;
        }

        public LoadBuilder id(LoadLaneId id) {
            return set(id, lane.origin(), lane.destination(), lane.pickupWindow(), lane.deliveryWindow(),
                    lane.weightLbs(), lane.pallets(), lane.equipment(), lane.commodity(), lane.budget());
        }

        public LoadBuilder route(Place origin, Place destination) {
            return set(lane.id(), origin, destination, lane.pickupWindow(), lane.deliveryWindow(), lane.weightLbs(),
                    lane.pallets(), lane.equipment(), lane.commodity(), lane.budget());
        }

        public LoadBuilder windows(TimeWindow pickup, TimeWindow delivery) {
            return set(lane.id(), lane.origin(), lane.destination(), pickup, delivery, lane.weightLbs(),
                    lane.pallets(), lane.equipment(), lane.commodity(), lane.budget());
        }

        public LoadBuilder size(int weightLbs, int pallets) {
            return set(lane.id(), lane.origin(), lane.destination(), lane.pickupWindow(), lane.deliveryWindow(),
                    weightLbs, pallets, lane.equipment(), lane.commodity(), lane.budget());
        }

        public LoadBuilder equipment(EquipmentType equipment) {
            return set(lane.id(), lane.origin(), lane.destination(), lane.pickupWindow(), lane.deliveryWindow(),
                    lane.weightLbs(), lane.pallets(), equipment, lane.commodity(), lane.budget());
        }

        public LoadBuilder commodity(String commodity) {
            return set(lane.id(), lane.origin(), lane.destination(), lane.pickupWindow(), lane.deliveryWindow(),
                    lane.weightLbs(), lane.pallets(), lane.equipment(), commodity, lane.budget());
        }

        public LoadBuilder budget(Money budget) {
            return set(lane.id(), lane.origin(), lane.destination(), lane.pickupWindow(), lane.deliveryWindow(),
                    lane.weightLbs(), lane.pallets(), lane.equipment(), lane.commodity(), budget);
        }

        public LoadBuilder status(LaneStatus status) {
            lane = lane.withStatus(status);
            return this;
        }

        public LoadLane build() {
            return lane;
        }
    }
}
