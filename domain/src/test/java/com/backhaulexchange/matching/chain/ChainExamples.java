package com.backhaulexchange.matching.chain;

import static com.backhaulexchange.lane.LaneExamples.at;

import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.TimeWindow;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * US cities (GeoNames coordinates, as in the bundled gazetteer {@code gazetteer/us-cities-50k.csv}) and lanes between
 * them for chain tests.
 * Road miles are great-circle × 1.2; the figures quoted in the tests were computed apart from the code, by the
 * haversine formula with the same Earth radius (3,958.7613 miles).
 */
public final class ChainExamples {

    static final Place CHICAGO = city("Chicago, IL", 41.85003, -87.65005);
    static final Place INDIANAPOLIS = city("Indianapolis, IN", 39.76838, -86.15804);
    static final Place DAYTON = city("Dayton, OH", 39.75895, -84.19161);
    static final Place PITTSBURGH = city("Pittsburgh, PA", 40.44062, -79.99589);
    static final Place ST_LOUIS = city("St. Louis, MO", 38.62727, -90.19789);
    static final Place MILWAUKEE = city("Milwaukee, WI", 43.0389, -87.90647);
    static final Place KANSAS_CITY = city("Kansas City, MO", 39.09973, -94.57857);
    static final Place COLUMBUS = city("Columbus, OH", 39.96118, -82.99879);
    static final Place CINCINNATI = city("Cincinnati, OH", 39.12711, -84.51439);
    static final Place DALLAS = city("Dallas, TX", 32.78306, -96.80667);
    static final Place DENVER = city("Denver, CO", 39.73915, -104.9847);

    public static final Money TWO_DOLLARS_A_MILE = Money.of(200, "USD");

    private ChainExamples() {
    }

    static Place city(String label, double latitude, double longitude) {
        return new Place(new Coordinates(latitude, longitude), label);
    }

    /** Monday 23 November 2026 plus {@code dayOffset} days, at hh:mm Chicago time. */
    static Instant chicago(int dayOffset, int hour, int minute) {
        return at(dayOffset, hour, minute);
    }

    static ZonedDateTime chicagoTime(int dayOffset, int hour, int minute) {
        return at(dayOffset, hour, minute).atZone(LaneExamples.CHICAGO);
    }

    static TimeWindow window(Instant opens, Instant closes) {
        return new TimeWindow(opens, closes, LaneExamples.CHICAGO);
    }

    /** A dry van (45,000 lbs, 26 pallets, 150 miles deadhead each side) from Monday 06:00 Chicago time. */
    static CapacityLane truck(Place emptyAt, Place mustEndAt, ZonedDateTime mustArriveBy) {
        return LaneExamples.capacityBuilder().route(emptyAt, mustEndAt)
                .times(LaneExamples.MONDAY_6AM, mustArriveBy).build();
    }

    /** A dry-van load of 30,000 lbs on 20 pallets with the given budget in US cents. */
    static LoadLane load(int n, Place origin, Place destination, TimeWindow pickup, TimeWindow delivery,
            long budgetCents) {
        return LaneExamples.loadBuilder().id(LaneExamples.loadId(n)).route(origin, destination)
                .windows(pickup, delivery).budget(Money.of(budgetCents, "USD")).build();
    }

    /** Chicago → Pittsburgh, Monday 06:00 to Wednesday 18:00: baseline 491.79 road miles. */
    public static CapacityLane chicagoToPittsburgh() {
        return truck(CHICAGO, PITTSBURGH, chicagoTime(2, 18, 0));
    }

    /** Chicago → Indianapolis (196.35 loaded miles): pickup Mon 06:00–10:00, delivery Mon 10:00–16:00, $900. */
    public static LoadLane chicagoToIndianapolis() {
        return load(1, CHICAGO, INDIANAPOLIS, window(chicago(0, 6, 0), chicago(0, 10, 0)),
                window(chicago(0, 10, 0), chicago(0, 16, 0)), 90_000);
    }

    /** Dayton → Pittsburgh (272.01 loaded miles): pickup Tue 06:00–10:00, delivery Tue 10:00–18:00, $1,100. */
    public static LoadLane daytonToPittsburgh() {
        return load(2, DAYTON, PITTSBURGH, window(chicago(1, 6, 0), chicago(1, 10, 0)),
                window(chicago(1, 10, 0), chicago(1, 18, 0)), 110_000);
    }
}
