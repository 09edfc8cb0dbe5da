package com.backhaulexchange.testing;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.PendingMatchRequest;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.lane.CandidateKeys;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.lane.LaneRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Lanes between real US cities (gazetteer coordinates), posted the way the lane-posting function posts them:
 * the lane, its candidate entries and its pending match request in one write. The default truck is empty
 * in Dallas on Monday 23 November 2026 at 06:00 and must be home in Chicago by Tuesday 20:00; the default
 * load goes Dallas → St. Louis (pickup Monday 07:00–12:00, delivery Tuesday 06:00–18:00): on its way.
 */
public final class Postings {
    public static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    public static final Place DALLAS = new Place(new Coordinates(32.78306, -96.80667), "Dallas, TX");
    public static final Place FORT_WORTH = new Place(new Coordinates(32.72541, -97.32085), "Fort Worth, TX");
    public static final Place CHICAGO = new Place(new Coordinates(41.85003, -87.65005), "Chicago, IL");
    public static final Place ST_LOUIS = new Place(new Coordinates(38.62727, -90.19789), "St. Louis, MO");
    public static final Place MEMPHIS = new Place(new Coordinates(35.14953, -90.04898), "Memphis, TN");
    public static final Place DENVER = new Place(new Coordinates(39.73915, -104.9847), "Denver, CO");
    public static final Place SPRINGFIELD_IL = new Place(new Coordinates(39.80172, -89.64371), "Springfield, IL");
    public static final Place INDIANAPOLIS = new Place(new Coordinates(39.76838, -86.15804), "Indianapolis, IN");
    public static final Place MILWAUKEE = new Place(new Coordinates(43.0389, -87.90647), "Milwaukee, WI");
    public static final Place HOUSTON = new Place(new Coordinates(29.76328, -95.36327), "Houston, TX");
    public static final ZonedDateTime MONDAY_6AM = ZonedDateTime.of(2026, 11, 23, 6, 0, 0, 0, CENTRAL);

    private final LaneRepository lanes;
    private final Clock clock;
    private final CandidateKeys keys = new CandidateKeys(GeoCellScheme.DEFAULT, RoadDistanceModel.DEFAULT);
    private final Ulid ids;

    public Postings(LaneRepository lanes, Clock clock) {
        this.lanes = lanes;
        this.clock = clock;
        this.ids = new Ulid(clock, new SecureRandom());
    }

    public static CapacityLane truck(PartnerId carrier) {
        return truck(carrier, CHICAGO, 350);
    }

    /** The default truck, going home to {@code home} and accepting that much destination deadhead. */
    public static CapacityLane truck(PartnerId carrier, Place home, int maxDestinationDeadheadMiles) {
        return new CapacityLane(new CapacityLaneId("00000000000000000000000000"), carrier, DALLAS, home,
                MONDAY_6AM, MONDAY_6AM.plusDays(1).withHour(20), EquipmentType.DRY_VAN, 44_000, 26, 150,
                maxDestinationDeadheadMiles, null, LaneStatus.OPEN);
    }

    /**
     * A dry van at home in {@code home} from Monday 06:00 that must be back by Thursday 20:00: 44,000 lbs, 26 pallets,
     * 150 miles deadhead each side, the default reload limit (150).
     */
    public static CapacityLane roundTrip(PartnerId carrier, Place home) {
        return new CapacityLane(new CapacityLaneId("00000000000000000000000000"), carrier, home, home, MONDAY_6AM,
                MONDAY_6AM.plusDays(3).withHour(20), EquipmentType.DRY_VAN, 44_000, 26, 150, 150, null,
                LaneStatus.OPEN);
    }

    /**
     * Three shippers' loads that take a truck at home in Indianapolis round a triangle and back: Indianapolis → St.
     * Louis (pickup Monday 06:00–08:00, delivery Monday 10:00–18:00, $900), St. Louis → Chicago (Tuesday 06:00–10:00,
     * 10:00–18:00, $1,000), then a 100-mile hop to Milwaukee → Indianapolis (Wednesday 06:00–10:00, 10:00–18:00,
     * $1,000). No load alone gets the truck home within its 150-mile destination limit; the three in this order do.
     */
    public static java.util.List<LoadLane> triangleFromIndianapolis(PartnerId first, PartnerId second,
            PartnerId third) {
        return java.util.List.of(
                dayLoad(first, INDIANAPOLIS, ST_LOUIS, 0, 6, 8, 90_000),
                dayLoad(second, ST_LOUIS, CHICAGO, 1, 6, 10, 100_000),
                dayLoad(third, MILWAUKEE, INDIANAPOLIS, 2, 6, 10, 100_000));
    }

    /**
     * Two loads a truck at home in Dallas could only chain if it could be in Houston twice at once: Dallas → Houston
     * (pickup Monday 06:00–08:00, delivery 10:00–18:00), Houston → Dallas (pickup Monday 08:00–12:00, which the truck
     * reaches after 13:00). The nearest chain breaks the second pickup window.
     */
    public static java.util.List<LoadLane> brokenPairFromDallas(PartnerId first, PartnerId second) {
        return java.util.List.of(
                dayLoad(first, DALLAS, HOUSTON, 0, 6, 8, 150_000),
                new LoadLane(new LoadLaneId("00000000000000000000000000"), second, HOUSTON, DALLAS,
                        new TimeWindow(MONDAY_6AM.withHour(8).toInstant(), MONDAY_6AM.withHour(12).toInstant(),
                                CENTRAL),
                        new TimeWindow(MONDAY_6AM.withHour(14).toInstant(), MONDAY_6AM.withHour(23).toInstant(),
                                CENTRAL),
                        30_000, 20, EquipmentType.DRY_VAN, "paper towels", Money.of(150_000, "USD"),
                        LaneStatus.OPEN));
    }

    /** A load picked up on day {@code day} (0: Monday) between the hours given and delivered 10:00–18:00. */
    private static LoadLane dayLoad(PartnerId shipper, Place origin, Place destination, int day, int opensHour,
            int closesHour, long budgetCents) {
        ZonedDateTime date = MONDAY_6AM.plusDays(day);
        return new LoadLane(new LoadLaneId("00000000000000000000000000"), shipper, origin, destination,
                new TimeWindow(date.withHour(opensHour).toInstant(), date.withHour(closesHour).toInstant(), CENTRAL),
                new TimeWindow(date.withHour(10).toInstant(), date.withHour(18).toInstant(), CENTRAL),
                30_000, 20, EquipmentType.DRY_VAN, "general freight", Money.of(budgetCents, "USD"), LaneStatus.OPEN);
    }

    public static LoadLane load(PartnerId shipper) {
        return load(shipper, DALLAS, ST_LOUIS, 38_000, Money.of(240_000, "USD"));
    }

    public static LoadLane load(PartnerId shipper, Place origin, Place destination, int weightLbs, Money budget) {
        return new LoadLane(new LoadLaneId("00000000000000000000000000"), shipper, origin, destination,
                new TimeWindow(MONDAY_6AM.withHour(7).toInstant(), MONDAY_6AM.withHour(12).toInstant(), CENTRAL),
                new TimeWindow(MONDAY_6AM.plusDays(1).toInstant(), MONDAY_6AM.plusDays(1).withHour(18).toInstant(),
                        CENTRAL),
                weightLbs, 22, EquipmentType.DRY_VAN, "canned vegetables", budget, LaneStatus.OPEN);
    }

    /** Posts the truck under a fresh id, as of now. */
    public PostedLane.Capacity post(CapacityLane truck) {
        var lane = new CapacityLane(new CapacityLaneId(ids.next()), truck.carrier(), truck.emptyAt(),
                truck.mustEndAt(), truck.availableFrom(), truck.mustArriveBy(), truck.equipment(),
                truck.weightCapacityLbs(), truck.palletCapacity(), truck.maxOriginDeadheadMiles(),
                truck.maxDestinationDeadheadMiles(), truck.maxReloadDeadheadMiles(), truck.minimumRatePerLoadedMile(),
                truck.status(), truck.fleetFuelEconomy());
        Instant now = clock.instant();
        var posted = new PostedLane.Capacity(lane, now, now);
        lanes.post(posted, keys.capacityIndexKeys(lane), PendingMatchRequest.forNewLane(posted,
                Duration.ofMinutes(2)), null);
        return posted;
    }

    /** Posts the load under a fresh id, as of now. */
    public PostedLane.Load post(LoadLane load) {
        var lane = new LoadLane(new LoadLaneId(ids.next()), load.shipper(), load.origin(), load.destination(),
                load.pickupWindow(), load.deliveryWindow(), load.weightLbs(), load.pallets(), load.equipment(),
                load.commodity(), load.budget(), load.status());
        Instant now = clock.instant();
        var posted = new PostedLane.Load(lane, now, now);
        lanes.post(posted, keys.loadIndexKeys(lane), PendingMatchRequest.forNewLane(posted, Duration.ofMinutes(2)),
                null);
        return posted;
    }
}
