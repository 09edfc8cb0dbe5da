package com.backhaulexchange.adapter.json;

import static com.backhaulexchange.adapter.json.LaneJson.zoned;

import com.backhaulexchange.adapter.json.Views.PlaceView;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.TimeWindow;
import java.time.Instant;

/**
 * A posted lane as its owner reads it (the {@code CapacityLane} and {@code LoadLane} schemas), with its status
 * at the time of reading: id, kind, status and owner, then what was posted, then its timestamps. Local times
 * are RFC 9557 text ({@link LaneJson#zoned}).
 */
public sealed interface LaneView permits LaneView.CapacityLaneView, LaneView.LoadLaneView {

    /** The lane as its owner reads it, with its status at {@code now}. */
    static LaneView of(PostedLane lane, Instant now) {
        String status = lane.effectiveStatus(now).name();
        return switch (lane) {
            case PostedLane.Capacity posted -> CapacityLaneView.of(posted, status);
            case PostedLane.Load posted -> LoadLaneView.of(posted, status);
        };
    }

    record CapacityLaneView(
            String laneId,
            String kind,
            String status,
            String ownerPartnerId,
            PlaceView emptyAt,
            PlaceView mustEndAt,
            String availableFrom,
            String mustArriveBy,
            String equipment,
            int weightCapacityLbs,
            int palletCapacity,
            int maxOriginDeadheadMiles,
            int maxDestinationDeadheadMiles,
            int maxReloadDeadheadMiles,
            MoneyView minimumRatePerLoadedMile,
            FleetFuelEconomyView fleetFuelEconomy,
            String postedAt,
            String updatedAt,
            String matchableUntil) implements LaneView {

        static CapacityLaneView of(PostedLane.Capacity posted, String status) {
            CapacityLane lane = posted.lane();
            return new CapacityLaneView(posted.laneId(), posted.kind().name(), status, posted.owner().value(),
                    PlaceView.of(lane.emptyAt()), PlaceView.of(lane.mustEndAt()), zoned(lane.availableFrom()),
                    zoned(lane.mustArriveBy()), lane.equipment().name(), lane.weightCapacityLbs(),
                    lane.palletCapacity(), lane.maxOriginDeadheadMiles(), lane.maxDestinationDeadheadMiles(),
                    lane.maxReloadDeadheadMiles(), MoneyView.of(lane.minimumRatePerLoadedMile()),
                    FleetFuelEconomyView.of(lane.fleetFuelEconomy()), posted.postedAt().toString(),
                    posted.updatedAt().toString(), posted.matchableUntil().toString());
        }
    }

    record LoadLaneView(
            String laneId,
            String kind,
            String status,
            String ownerPartnerId,
            PlaceView origin,
            PlaceView destination,
            WindowView pickupWindow,
            WindowView deliveryWindow,
            int weightLbs,
            int pallets,
            String equipment,
            String commodity,
            MoneyView budget,
            String postedAt,
            String updatedAt,
            String matchableUntil) implements LaneView {

        static LoadLaneView of(PostedLane.Load posted, String status) {
            LoadLane lane = posted.lane();
            return new LoadLaneView(posted.laneId(), posted.kind().name(), status, posted.owner().value(),
                    PlaceView.of(lane.origin()), PlaceView.of(lane.destination()),
                    WindowView.of(lane.pickupWindow()), WindowView.of(lane.deliveryWindow()), lane.weightLbs(),
                    lane.pallets(), lane.equipment().name(), lane.commodity(), MoneyView.of(lane.budget()),
                    posted.postedAt().toString(), posted.updatedAt().toString(), posted.matchableUntil().toString());
        }
    }

    /** A pickup or delivery window in local time. */
    record WindowView(String opensAt, String closesAt) {
        static WindowView of(TimeWindow window) {
            return new WindowView(zoned(window.opensAtLocal()), zoned(window.closesAtLocal()));
        }
    }
}
