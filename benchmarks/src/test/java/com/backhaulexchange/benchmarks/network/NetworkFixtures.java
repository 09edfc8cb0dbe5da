package com.backhaulexchange.benchmarks.network;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Hand-built lanes on the equator: place k is at longitude k degrees, so the road miles between places a and
 * b are exactly |a − b| units (one unit = the road miles of one degree of the equator), whatever the model's
 * circuity. Expected figures are written in units.
 */
final class NetworkFixtures {
    static final RoadDistanceModel ROADS = RoadDistanceModel.DEFAULT;
    static final double UNIT = ROADS.roadMiles(new Coordinates(0, 0), new Coordinates(0, 1));
    static final PartnerId CARRIER = new PartnerId(ulid('C', 1));
    static final PartnerId SHIPPER = new PartnerId(ulid('S', 1));
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 12, 2, 6, 0, 0, 0, ZoneOffset.UTC);

    private NetworkFixtures() {
    }

    static Place at(int k) {
        return new Place(new Coordinates(0, k), "P" + k);
    }

    static CapacityLane truck(int id, int emptyAt, int home) {
        return new CapacityLane(new CapacityLaneId(ulid('T', id)), CARRIER, at(emptyAt), at(home), START, START.plusDays(6),
                EquipmentType.DRY_VAN, 44_000, 26, 200, 200, null, LaneStatus.OPEN);
    }

    static LoadLane load(int id, int origin, int destination) {
        Instant opens = START.toInstant();
        return new LoadLane(new LoadLaneId(ulid('G', id)), SHIPPER, at(origin), at(destination),
                new TimeWindow(opens, opens.plusSeconds(5 * 86_400), ZoneOffset.UTC),
                new TimeWindow(opens, opens.plusSeconds(6 * 86_400), ZoneOffset.UTC), 30_000, 10,
                EquipmentType.DRY_VAN, "General freight", Money.of(100_000, "USD"), LaneStatus.OPEN);
    }

    /** A valid ULID: "01", a kind letter, the number zero-padded to 26 characters. */
    static String ulid(char kind, int number) {
        String digits = Integer.toString(number);
        return "01" + kind + "0".repeat(23 - digits.length()) + digits;
    }

    static Map<PartnerId, Money> costs() {
        return Map.of(CARRIER, Money.of(180, "USD"));
    }
}
