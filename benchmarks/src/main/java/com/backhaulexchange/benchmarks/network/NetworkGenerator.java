package com.backhaulexchange.benchmarks.network;

import com.backhaulexchange.benchmarks.matching.SyntheticLanes;
import com.backhaulexchange.benchmarks.matching.UsCities;
import com.backhaulexchange.gazetteer.Gazetteer;
import com.backhaulexchange.gazetteer.GazetteerEntry;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A US freight network from the bundled city data, deterministic for a seed: half the lanes are trucks, half
 * loads.
 *
 * <ul>
 * <li><b>Flows by population with regional imbalance.</b> A load's origin is drawn with probability
 *     population × its region's outbound factor, its destination population × the inbound factor, 150–1,000
 *     great-circle miles away. The factors ({@link Region}) are this generator's assumption, not measured
 *     data: the West (ports) and Texas ship out more than they receive, Florida and the Northeast receive
 *     more than they ship (the well-known Florida backhaul problem), the rest is near balance.</li>
 * <li><b>Trucks that must get home.</b> A truck is empty where freight ends (drawn by population × inbound
 *     factor: it has just delivered) and its home is drawn by population × outbound factor, 100–1,200 miles
 *     away; it must be home by the time of the drive plus 24–96 hours.</li>
 * <li><b>Time windows</b> over the week after {@code now}, deadhead limits, equipment, weights, costs and
 *     budgets as the matching benchmark's {@code BookGenerator}.</li>
 * </ul>
 */
final class NetworkGenerator {
    static final int CARRIERS = 400;
    static final int SHIPPERS = 400;
    private static final Set<String> OUTSIDE_CONTIGUOUS_US = Set.of("AK", "HI", "PR");

    /** Freight regions by state, with the generator's outbound and inbound factors (assumptions). */
    enum Region {
        WEST(1.3, 0.8, "CA", "OR", "WA", "NV", "AZ", "UT", "ID", "MT", "WY", "CO", "NM"),
        SOUTH_CENTRAL(1.2, 0.9, "TX", "OK", "LA", "AR"),
        MIDWEST(1.1, 1.0, "IL", "IN", "OH", "MI", "WI", "MN", "IA", "MO", "KS", "NE", "SD", "ND", "KY"),
        SOUTHEAST(0.9, 1.1, "GA", "AL", "MS", "TN", "SC", "NC"),
        FLORIDA(0.5, 1.5, "FL"),
        NORTHEAST(0.8, 1.2, "NY", "NJ", "PA", "MA", "CT", "RI", "VT", "NH", "ME", "MD", "DE", "VA", "WV", "DC");

        final double outbound;
        final double inbound;
        final Set<String> states;

        Region(double outbound, double inbound, String... states) {
            this.outbound = outbound;
            this.inbound = inbound;
            this.states = Set.of(states);
        }

        static Region of(GazetteerEntry city) {
            for (Region region : values()) {
                if (region.states.contains(city.region())) {
                    return region;
                }
            }
            return MIDWEST;
        }
    }

    private final Random random;
    private final List<GazetteerEntry> cities;
    private final double[] outbound;
    private final double[] inbound;
    private final List<PartnerId> carriers = new ArrayList<>();
    private final List<PartnerId> shippers = new ArrayList<>();
    private final Map<PartnerId, Money> costs = new HashMap<>();
    private final SyntheticLanes synthetic;

    NetworkGenerator(Instant now, long seed) {
        this.random = new Random(seed);
        this.synthetic = new SyntheticLanes(random, now);
        this.cities = Gazetteer.bundled().entries().stream()
                .filter(city -> "US".equals(city.countryCode()) && !OUTSIDE_CONTIGUOUS_US.contains(city.region()))
                .filter(city -> city.population() > 0)
                .toList();
        outbound = cumulative(city -> city.population() * Region.of(city).outbound);
        inbound = cumulative(city -> city.population() * Region.of(city).inbound);
        for (int i = 0; i < CARRIERS; i++) {
            PartnerId carrier = new PartnerId(synthetic.ulid());
            carriers.add(carrier);
            // Operating cost: USD 1.60 to 2.20 per mile (as BookGenerator).
            costs.put(carrier, Money.of(160 + random.nextInt(61), "USD"));
        }
        for (int i = 0; i < SHIPPERS; i++) {
            shippers.add(new PartnerId(synthetic.ulid()));
        }
    }

    /** {@code lanes} lanes: half trucks (rounded up), half loads. */
    Network generate(int lanes) {
        List<CapacityLane> trucks = new ArrayList<>();
        List<LoadLane> loads = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            if (i % 2 == 0) {
                trucks.add(truck());
            } else {
                loads.add(load());
            }
        }
        return new Network(trucks, loads, costs);
    }

    CapacityLane truck() {
        GazetteerEntry emptyAt = draw(inbound);
        GazetteerEntry home = drawAtDistance(outbound, emptyAt, 100, 1_200);
        ZonedDateTime availableFrom = synthetic.startOfDay(emptyAt).plusDays(random.nextInt(7))
                .plusHours(5 + random.nextInt(8));
        double roadMiles = RoadDistanceModel.DEFAULT.roadMiles(emptyAt.coordinates(), home.coordinates());
        ZonedDateTime mustArriveBy = availableFrom.plus(SyntheticLanes.timeToDrive(roadMiles))
                .plusHours(24 + random.nextInt(73))
                .withZoneSameInstant(UsCities.zoneOf(home));
        EquipmentType equipment = synthetic.equipment();
        boolean boxTruck = equipment == EquipmentType.BOX_TRUCK;
        return new CapacityLane(new CapacityLaneId(synthetic.ulid()), carriers.get(random.nextInt(carriers.size())),
                emptyAt.toPlace(), home.toPlace(), availableFrom, mustArriveBy, equipment,
                boxTruck ? 10_000 : 44_000 + 1_000 * random.nextInt(3), boxTruck ? 12 : 26,
                50 + 25 * random.nextInt(7), 100 + 25 * random.nextInt(9),
                random.nextInt(4) == 0 ? Money.of(150 + random.nextInt(60), "USD") : null, LaneStatus.OPEN);
    }

    LoadLane load() {
        GazetteerEntry origin = draw(outbound);
        GazetteerEntry destination = drawAtDistance(inbound, origin, 150, 1_000);
        double roadMiles = RoadDistanceModel.DEFAULT.roadMiles(origin.coordinates(), destination.coordinates());
        ZonedDateTime pickupOpens = synthetic.startOfDay(origin).plusDays(random.nextInt(7))
                .plusHours(6 + random.nextInt(8));
        ZonedDateTime pickupCloses = pickupOpens.plusHours(4 + random.nextInt(9));
        ZonedDateTime deliveryOpens = pickupOpens.plus(SyntheticLanes.timeToDrive(roadMiles))
                .withZoneSameInstant(UsCities.zoneOf(destination)).truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime deliveryCloses = deliveryOpens.plusHours(12 + random.nextInt(25));
        EquipmentType equipment = synthetic.equipment();
        boolean boxTruck = equipment == EquipmentType.BOX_TRUCK;
        return new LoadLane(new LoadLaneId(synthetic.ulid()), shippers.get(random.nextInt(shippers.size())),
                origin.toPlace(), destination.toPlace(),
                new TimeWindow(pickupOpens.toInstant(), pickupCloses.toInstant(), pickupOpens.getZone()),
                new TimeWindow(deliveryOpens.toInstant(), deliveryCloses.toInstant(), deliveryOpens.getZone()),
                boxTruck ? 500 * (4 + random.nextInt(16)) : 500 * (20 + random.nextInt(69)),
                boxTruck ? 2 + random.nextInt(10) : 6 + random.nextInt(21), equipment, "General freight",
                // What a dedicated truck would cost: USD 2.60 to 3.40 per loaded mile.
                Money.of(Math.round(roadMiles * (260 + random.nextInt(81))), "USD"), LaneStatus.OPEN);
    }

    private GazetteerEntry draw(double[] cumulative) {
        double ticket = random.nextDouble() * cumulative[cumulative.length - 1];
        int at = Arrays.binarySearch(cumulative, ticket);
        int index = at >= 0 ? at : -at - 1;
        return cities.get(Math.min(index, cities.size() - 1));
    }

    /** A city drawn from {@code cumulative} within the great-circle range of {@code from}; 100 tries at most. */
    private GazetteerEntry drawAtDistance(double[] cumulative, GazetteerEntry from, double minMiles, double maxMiles) {
        GazetteerEntry drawn = draw(cumulative);
        for (int attempt = 0; attempt < 100; attempt++) {
            double miles = UsCities.miles(from, drawn);
            if (miles >= minMiles && miles <= maxMiles) {
                return drawn;
            }
            drawn = draw(cumulative);
        }
        return drawn;
    }

    private double[] cumulative(java.util.function.ToDoubleFunction<GazetteerEntry> weight) {
        double[] sums = new double[cities.size()];
        double total = 0;
        for (int i = 0; i < sums.length; i++) {
            total += weight.applyAsDouble(cities.get(i));
            sums[i] = total;
        }
        return sums;
    }
}
