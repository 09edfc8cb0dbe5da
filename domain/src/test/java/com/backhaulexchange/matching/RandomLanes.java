package com.backhaulexchange.matching;

import static com.backhaulexchange.lane.LaneExamples.CARRIER;
import static com.backhaulexchange.lane.LaneExamples.CHICAGO;
import static com.backhaulexchange.lane.LaneExamples.MONDAY_6AM;
import static com.backhaulexchange.lane.LaneExamples.SHIPPER;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.kernel.money.Money;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but plausible lanes of one region (the Mid-South, about 280 × 340 miles) over a few days, dense
 * enough that many pairs are feasible and many are not, for each reason.
 */
final class RandomLanes {

    private static final EquipmentType[] TRUCKS = {EquipmentType.DRY_VAN, EquipmentType.DRY_VAN, EquipmentType.REEFER,
        EquipmentType.FLATBED};
    private static final EquipmentType[] FREIGHT = {EquipmentType.DRY_VAN, EquipmentType.DRY_VAN,
        EquipmentType.DRY_VAN, EquipmentType.REEFER, EquipmentType.FLATBED};

    private final Random random;

    RandomLanes(long seed) {
        this.random = new Random(seed);
    }

    Place place() {
        return new Place(new Coordinates(33 + random.nextDouble() * 4, -92 + random.nextDouble() * 6), null);
    }

    private ZonedDateTime hoursAfterMonday(double hours) {
        return MONDAY_6AM.plusSeconds((long) (hours * 3600));
    }

    BatchMatcher.PricedCapacity capacity(int n) {
        ZonedDateTime availableFrom = hoursAfterMonday(random.nextDouble() * 48);
        ZonedDateTime mustArriveBy = availableFrom.plusMinutes(12 * 60 + random.nextInt(84 * 60));
        var lane = new CapacityLane(LaneExamples.capacityId(n), CARRIER, place(), place(), availableFrom,
                mustArriveBy, TRUCKS[random.nextInt(TRUCKS.length)], 30_000 + random.nextInt(18_001),
                18 + random.nextInt(13), 50 + random.nextInt(251), 50 + random.nextInt(251),
                random.nextDouble() < 0.7 ? null : Money.of(150 + random.nextInt(201), "USD"), LaneStatus.OPEN);
        return new BatchMatcher.PricedCapacity(lane, Money.of(150 + random.nextInt(151), "USD"));
    }

    LoadLane load(int n) {
        Instant pickupOpens = hoursAfterMonday(random.nextDouble() * 48).toInstant();
        Instant pickupCloses = pickupOpens.plusSeconds(3600L + random.nextInt(11 * 3600));
        Instant deliveryOpens = pickupOpens.plusSeconds(2 * 3600L + random.nextInt(34 * 3600));
        Instant deliveryCloses = deliveryOpens.plusSeconds(2 * 3600L + random.nextInt(22 * 3600));
        return new LoadLane(LaneExamples.loadId(n), SHIPPER, place(), place(),
                new TimeWindow(pickupOpens, pickupCloses, CHICAGO), new TimeWindow(deliveryOpens, deliveryCloses,
                        CHICAGO),
                5_000 + random.nextInt(43_001), random.nextInt(31), FREIGHT[random.nextInt(FREIGHT.length)],
                "general freight", random.nextDouble() < 0.3 ? null : Money.of(30_000 + random.nextInt(270_001), "USD"),
                LaneStatus.OPEN);
    }

    List<BatchMatcher.PricedCapacity> capacities(int from, int count) {
        List<BatchMatcher.PricedCapacity> capacities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            capacities.add(capacity(from + i));
        }
        return capacities;
    }

    List<LoadLane> loads(int from, int count) {
        List<LoadLane> loads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            loads.add(load(from + i));
        }
        return loads;
    }

    /** Trucks no generated load can use: tankers (no tanker freight is generated). */
    List<BatchMatcher.PricedCapacity> irrelevantCapacities(int from, int count) {
        List<BatchMatcher.PricedCapacity> capacities = new ArrayList<>();
        for (BatchMatcher.PricedCapacity capacity : capacities(from, count)) {
            var lane = capacity.lane();
            capacities.add(new BatchMatcher.PricedCapacity(new CapacityLane(lane.id(), lane.carrier(), lane.emptyAt(),
                    lane.mustEndAt(), lane.availableFrom(), lane.mustArriveBy(), EquipmentType.TANKER,
                    lane.weightCapacityLbs(), lane.palletCapacity(), lane.maxOriginDeadheadMiles(),
                    lane.maxDestinationDeadheadMiles(), lane.minimumRatePerLoadedMile(), lane.status()),
                    capacity.costPerMile()));
        }
        return capacities;
    }

    /** Loads no generated truck can carry: step-deck freight (no step deck is generated). */
    List<LoadLane> irrelevantLoads(int from, int count) {
        return loads(from, count).stream().map(load -> new LoadLane(load.id(), load.shipper(), load.origin(),
                load.destination(), load.pickupWindow(), load.deliveryWindow(), load.weightLbs(), load.pallets(),
                EquipmentType.STEP_DECK, load.commodity(), load.budget(), load.status())).toList();
    }
}
