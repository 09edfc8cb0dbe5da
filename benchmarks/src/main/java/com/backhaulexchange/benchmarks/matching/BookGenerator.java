package com.backhaulexchange.benchmarks.matching;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.gazetteer.GazetteerEntry;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic books of open lanes, deterministic for a seed. Origins and destinations are US cities drawn by
 * population; trucks become empty somewhere and head home 100–1,200 miles away, loads go 150–1,000 miles;
 * windows start over the week after {@code now}; the equipment mix is roughly a US load board's (dry van
 * first, then reefer and flatbed). Half the lanes are capacity, half loads, in random posting order.
 */
final class BookGenerator {
    static final int CARRIERS = 400;
    static final int SHIPPERS = 400;
    private static final List<String> COMMODITIES = List.of("Packaged food", "Paper products", "Building materials",
            "Beverages", "Auto parts", "Household goods", "Produce", "Steel coils", "Retail merchandise");

    private final UsCities cities;
    private final Instant now;
    private final Random random;
    private final List<PartnerId> carriers = new ArrayList<>();
    private final List<PartnerId> shippers = new ArrayList<>();
    private final Map<PartnerId, Money> costs = new HashMap<>();
    private final SyntheticLanes synthetic;

    BookGenerator(UsCities cities, Instant now, long seed) {
        this.cities = cities;
        this.now = now;
        this.random = new Random(seed);
        this.synthetic = new SyntheticLanes(random, now);
        for (int i = 0; i < CARRIERS; i++) {
            PartnerId carrier = new PartnerId(synthetic.ulid());
            carriers.add(carrier);
            // Operating cost: USD 1.60 to 2.20 per mile.
            costs.put(carrier, Money.of(160 + random.nextInt(61), "USD"));
        }
        for (int i = 0; i < SHIPPERS; i++) {
            shippers.add(new PartnerId(synthetic.ulid()));
        }
    }

    /** {@code size} lanes (half capacity, half loads), then {@code events} more postings, half of each kind. */
    Book generate(int size, int events) {
        List<PostedLane> lanes = postings(size);
        return new Book(lanes, postings(events), costs);
    }

    private List<PostedLane> postings(int count) {
        List<PostedLane> lanes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lanes.add(i % 2 == 0 ? capacity() : load());
        }
        java.util.Collections.shuffle(lanes, random);
        return lanes;
    }

    PostedLane.Capacity capacity() {
        GazetteerEntry emptyAt = cities.drawByPopulation(random);
        GazetteerEntry home = cities.drawAtDistance(emptyAt, 100, 1_200, random);
        ZonedDateTime availableFrom = synthetic.startOfDay(emptyAt).plusDays(random.nextInt(7))
                .plusHours(5 + random.nextInt(8));
        double roadMiles = RoadDistanceModel.DEFAULT.roadMiles(emptyAt.coordinates(), home.coordinates());
        ZonedDateTime mustArriveBy = availableFrom.plus(SyntheticLanes.timeToDrive(roadMiles))
                .plusHours(24 + random.nextInt(48))
                .withZoneSameInstant(UsCities.zoneOf(home));
        EquipmentType equipment = synthetic.equipment();
        boolean boxTruck = equipment == EquipmentType.BOX_TRUCK;
        var lane = new CapacityLane(new CapacityLaneId(synthetic.ulid()), carriers.get(random.nextInt(carriers.size())),
                emptyAt.toPlace(), home.toPlace(), availableFrom, mustArriveBy, equipment,
                boxTruck ? 10_000 : 44_000 + 1_000 * random.nextInt(3), boxTruck ? 12 : 26,
                50 + 25 * random.nextInt(7), 100 + 25 * random.nextInt(9),
                random.nextInt(4) == 0 ? Money.of(150 + random.nextInt(60), "USD") : null, LaneStatus.OPEN);
        return new PostedLane.Capacity(lane, now, now);
    }

    PostedLane.Load load() {
        GazetteerEntry origin = cities.drawByPopulation(random);
        GazetteerEntry destination = cities.drawAtDistance(origin, 150, 1_000, random);
        double roadMiles = RoadDistanceModel.DEFAULT.roadMiles(origin.coordinates(), destination.coordinates());
        ZonedDateTime pickupOpens = synthetic.startOfDay(origin).plusDays(random.nextInt(7))
                .plusHours(6 + random.nextInt(8));
        ZonedDateTime pickupCloses = pickupOpens.plusHours(4 + random.nextInt(9));
        ZonedDateTime deliveryOpens = pickupOpens.plus(SyntheticLanes.timeToDrive(roadMiles))
                .withZoneSameInstant(UsCities.zoneOf(destination)).truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime deliveryCloses = deliveryOpens.plusHours(12 + random.nextInt(25));
        EquipmentType equipment = synthetic.equipment();
        boolean boxTruck = equipment == EquipmentType.BOX_TRUCK;
        var lane = new LoadLane(new LoadLaneId(synthetic.ulid()), shippers.get(random.nextInt(shippers.size())),
                origin.toPlace(), destination.toPlace(),
                new TimeWindow(pickupOpens.toInstant(), pickupCloses.toInstant(), pickupOpens.getZone()),
                new TimeWindow(deliveryOpens.toInstant(), deliveryCloses.toInstant(), deliveryOpens.getZone()),
                boxTruck ? 500 * (4 + random.nextInt(16)) : 500 * (20 + random.nextInt(69)),
                boxTruck ? 2 + random.nextInt(10) : 6 + random.nextInt(21), equipment,
                COMMODITIES.get(random.nextInt(COMMODITIES.size())),
                // What a dedicated truck would cost: USD 2.60 to 3.40 per loaded mile.
                Money.of(Math.round(roadMiles * (260 + random.nextInt(81))), "USD"), LaneStatus.OPEN);
        return new PostedLane.Load(lane, now, now);
    }
}
