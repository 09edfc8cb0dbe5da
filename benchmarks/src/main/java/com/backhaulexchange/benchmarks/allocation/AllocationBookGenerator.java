package com.backhaulexchange.benchmarks.allocation;

import com.backhaulexchange.benchmarks.matching.UsCities;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.gazetteer.GazetteerEntry;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Collaboration books, deterministic for a seed. A collaboration works one region: a hub city drawn by
 * population (from a region seed, so collaborations of every size share it) and the cities within
 * {@value #REGION_MILES} miles of it. Each member has a base city in the region (by population) and posts
 * {@value #MIN_LANES}–{@value #MAX_LANES} lanes in the period, at least one truck and one load. Its trucks
 * come empty after a delivery — near another member's base (within 60 miles) three times in four, else
 * anywhere in the region 75+ miles from home — and head home to its base; its loads leave from near its base
 * (within 60 miles) for near another member's base three times in four, else a region city 75+ miles away. Windows fall on the
 * period's first {@value #DAYS} days. Dry vans (75 %) and reefers; carriers cost USD 1.60–2.20 a mile, loads
 * are budgeted at USD 2.60–3.40 a loaded mile (as the matching benchmark's {@code BookGenerator}). Every
 * truck × load pair of the collaboration is screened with {@link MatchEvaluator#plainlyInfeasible} and the
 * survivors fully evaluated: a pair with a positive surplus is feasible, with that surplus.
 */
final class AllocationBookGenerator {
    static final double REGION_MILES = 300;
    static final int MIN_LANES = 4;
    static final int MAX_LANES = 6;
    static final int DAYS = 4;
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final double PLANNING_SPEED_MPH = 50;
    private static final List<String> COMMODITIES = List.of("Packaged food", "Paper products", "Beverages",
            "Auto parts", "Household goods", "Produce", "Retail merchandise");

    private final UsCities cities;
    private final LocalDate periodStart;
    private final MatchEvaluator evaluator;

    /** {@code periodStart}: the first (UTC) day of the settlement period the lanes fall in. */
    AllocationBookGenerator(UsCities cities, LocalDate periodStart, MatchEvaluator evaluator) {
        this.cities = cities;
        this.periodStart = periodStart;
        this.evaluator = evaluator;
    }

    /** A collaboration of {@code memberCount} members in the region of the hub city drawn from {@code regionSeed}. */
    AllocationBook generate(int memberCount, long regionSeed, long seed) {
        GazetteerEntry hub = cities.drawByPopulation(new Random(regionSeed));
        UsCities region = cities.near(hub, REGION_MILES);
        Random random = new Random(seed);
        Ids ids = new Ids(random, seed);
        List<PartnerId> members = new ArrayList<>();
        List<GazetteerEntry> bases = new ArrayList<>();
        Map<PartnerId, Money> costs = new HashMap<>();
        for (int m = 0; m < memberCount; m++) {
            PartnerId member = new PartnerId(ids.next());
            members.add(member);
            bases.add(region.drawByPopulation(random));
            costs.put(member, Money.of(160 + random.nextInt(61), "USD"));
        }
        List<CapacityLane> capacities = new ArrayList<>();
        List<LoadLane> loads = new ArrayList<>();
        for (int m = 0; m < memberCount; m++) {
            int lanes = MIN_LANES + random.nextInt(MAX_LANES - MIN_LANES + 1);
            int trucks = 1 + random.nextInt(lanes - 1);
            for (int t = 0; t < trucks; t++) {
                capacities.add(capacity(ids, random, region, members.get(m), bases.get(m), partnerBase(bases, m, random)));
            }
            for (int l = trucks; l < lanes; l++) {
                loads.add(load(ids, random, region, members.get(m), bases.get(m), partnerBase(bases, m, random)));
            }
        }
        List<AllocationBook.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < capacities.size(); i++) {
            CapacityLane capacity = capacities.get(i);
            Money cost = costs.get(capacity.carrier());
            for (int j = 0; j < loads.size(); j++) {
                LoadLane load = loads.get(j);
                if (!evaluator.plainlyInfeasible(capacity, load)
                        && evaluator.evaluate(capacity, cost, load) instanceof MatchEvaluation.Feasible feasible
                        && feasible.score().surplus().amountMinorUnits() > 0) {
                    var economics = feasible.explanation().economics();
                    pairs.add(new AllocationBook.Pair(i, j, feasible.score().surplus().amountMinorUnits(),
                            economics.shipperPrice().amountMinorUnits(),
                            economics.carrierIncrementalCost().amountMinorUnits(),
                            feasible.explanation().schedule().pickupAt().toInstant()));
                }
            }
        }
        return new AllocationBook(hub, members, capacities, loads, pairs, costs);
    }

    /** Where a member's freight goes or its truck was last unloaded: another member's base, else a region city. */
    private static GazetteerEntry partnerBase(List<GazetteerEntry> bases, int member, Random random) {
        if (bases.size() == 1 || random.nextInt(4) == 0) {
            return null;
        }
        int other = random.nextInt(bases.size() - 1);
        return bases.get(other >= member ? other + 1 : other);
    }

    private CapacityLane capacity(Ids ids, Random random, UsCities region, PartnerId carrier, GazetteerEntry base,
            GazetteerEntry partner) {
        GazetteerEntry emptyAt = awayFrom(base, partner != null ? region.drawAtDistance(partner, 0, 60, random)
                : null, region, random);
        ZonedDateTime availableFrom = day(emptyAt, random).plusHours(5 + random.nextInt(8));
        double roadMiles = RoadDistanceModel.DEFAULT.roadMiles(emptyAt.coordinates(), base.coordinates());
        ZonedDateTime mustArriveBy = availableFrom.plus(timeToDrive(roadMiles)).plusHours(24 + random.nextInt(48))
                .withZoneSameInstant(UsCities.zoneOf(base));
        return new CapacityLane(new CapacityLaneId(ids.next()), carrier, emptyAt.toPlace(), base.toPlace(),
                availableFrom, mustArriveBy, equipment(random), 44_000 + 1_000 * random.nextInt(3), 26,
                100 + 25 * random.nextInt(5), 150 + 25 * random.nextInt(7), null, LaneStatus.OPEN);
    }

    private LoadLane load(Ids ids, Random random, UsCities region, PartnerId shipper, GazetteerEntry base,
            GazetteerEntry partner) {
        GazetteerEntry origin = region.drawAtDistance(base, 0, 60, random);
        GazetteerEntry destination = awayFrom(origin, partner != null ? region.drawAtDistance(partner, 0, 60, random)
                : null, region, random);
        double roadMiles = RoadDistanceModel.DEFAULT.roadMiles(origin.coordinates(), destination.coordinates());
        ZonedDateTime pickupOpens = day(origin, random).plusHours(6 + random.nextInt(8));
        ZonedDateTime pickupCloses = pickupOpens.plusHours(4 + random.nextInt(9));
        ZonedDateTime deliveryOpens = pickupOpens.plus(timeToDrive(roadMiles))
                .withZoneSameInstant(UsCities.zoneOf(destination)).truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime deliveryCloses = deliveryOpens.plusHours(12 + random.nextInt(25));
        return new LoadLane(new LoadLaneId(ids.next()), shipper, origin.toPlace(), destination.toPlace(),
                new TimeWindow(pickupOpens.toInstant(), pickupCloses.toInstant(), pickupOpens.getZone()),
                new TimeWindow(deliveryOpens.toInstant(), deliveryCloses.toInstant(), deliveryOpens.getZone()),
                500 * (20 + random.nextInt(69)), 6 + random.nextInt(21),
                random.nextInt(4) == 0 ? EquipmentType.REEFER : EquipmentType.DRY_VAN,
                COMMODITIES.get(random.nextInt(COMMODITIES.size())),
                Money.of(Math.round(roadMiles * (260 + random.nextInt(81))), "USD"), LaneStatus.OPEN);
    }

    /** {@code near}, when it is at least 75 miles from {@code from}; else a region city at 75+ miles. */
    private static GazetteerEntry awayFrom(GazetteerEntry from, GazetteerEntry near, UsCities region, Random random) {
        return near != null && UsCities.miles(from, near) >= 75 ? near
                : region.drawAtDistance(from, 75, 2 * REGION_MILES, random);
    }

    /** Midnight local time of one of the period's first {@link #DAYS} days, at the city. */
    private ZonedDateTime day(GazetteerEntry city, Random random) {
        return periodStart.plusDays(1 + random.nextInt(DAYS)).atStartOfDay(UsCities.zoneOf(city));
    }

    private static EquipmentType equipment(Random random) {
        return random.nextInt(4) == 0 ? EquipmentType.REEFER : EquipmentType.DRY_VAN;
    }

    /** Driving at 50 mph with a 10-hour rest after each 11 hours, plus 2 hours at the stops. */
    private static Duration timeToDrive(double roadMiles) {
        double driving = roadMiles / PLANNING_SPEED_MPH;
        double rests = Math.floor(driving / 11) * 10.5;
        return Duration.ofMinutes((long) Math.ceil((driving + rests + 2) * 60));
    }

    /** ULID-shaped ids in ascending order (a counter, then seeded randomness), so members list in id order. */
    private static final class Ids {
        private final Random random;
        private final long prefix;
        private long counter;

        Ids(Random random, long seed) {
            this.random = random;
            this.prefix = Math.floorMod(seed, 1L << 20);
        }

        String next() {
            StringBuilder id = new StringBuilder(26).append("01");
            long value = counter++;
            for (int i = 0; i < 4; i++) {
                id.append(CROCKFORD[(int) ((prefix >>> (5 * (3 - i))) & 31)]);
            }
            for (int i = 0; i < 6; i++) {
                id.append(CROCKFORD[(int) ((value >>> (5 * (5 - i))) & 31)]);
            }
            while (id.length() < 26) {
                id.append(CROCKFORD[random.nextInt(32)]);
            }
            return id.toString();
        }
    }
}
