package com.backhaulexchange.tracking;

import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.matching.DrivePlanner;
import com.backhaulexchange.matching.MatchingConfig;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The arrival time at a stop from a position, by the model matching plans with ({@link MatchingConfig}): road
 * miles as great-circle miles times the circuity factor, driven at the planning speed under the hours-of-service
 * rules ({@link DrivePlanner}). The driver is taken as rested at the report, as a posting's driver is: the exchange
 * does not read the driver's logs, so an ETA late in a long shift is optimistic by the rest the driver still owes
 * (ADR 30). The ETA is the arrival, before any wait for the window to open.
 */
public record EtaModel(RoadDistanceModel roads, DrivePlanner planner) {

    public EtaModel {
        Objects.requireNonNull(roads, "roads");
        Objects.requireNonNull(planner, "planner");
    }

    public static EtaModel of(MatchingConfig config) {
        return new EtaModel(config.roadDistance(), config.drivePlanner());
    }

    public Instant arrivalAt(TrackedStop stop, Coordinates from, Instant at) {
        double miles = roads.roadMiles(from, stop.location());
        var leg = new DrivePlanner.Leg(miles, stop.window().opensAt(), stop.window().closesAt(), stop.dwell());
        return planner.plan(at, List.of(leg)).stops().getFirst().arrivesAt();
    }
}
