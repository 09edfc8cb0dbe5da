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
                truck.maxDestinationDeadheadMiles(), truck.minimumRatePerLoadedMile(), truck.status());
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
