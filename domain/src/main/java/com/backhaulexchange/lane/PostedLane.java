package com.backhaulexchange.lane;

import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A lane as the exchange holds it: what was posted, by whom, when, and where it stands. Capacity and load
 * lanes share one id space (ULIDs), so {@code /lanes/{laneId}} names either.
 *
 * <p>A lane stops being matchable at {@link #matchableUntil()}: a load once its pickup window has closed, a
 * truck once it must be at its end point. Nothing has to run at that moment: {@link #effectiveStatus} reads
 * an open lane past that time as {@link LaneStatus#EXPIRED}, and the stored status never says otherwise.
 */
public sealed interface PostedLane permits PostedLane.Capacity, PostedLane.Load {

    String laneId();

    PartnerId owner();

    LaneKind kind();

    /** The status as stored; see {@link #effectiveStatus}. */
    LaneStatus status();

    Instant postedAt();

    Instant updatedAt();

    Instant matchableUntil();

    PostedLane withStatus(LaneStatus next, Instant now);

    /** The status at {@code now}: an open (or matched) lane whose time has passed is EXPIRED. */
    default LaneStatus effectiveStatus(Instant now) {
        boolean live = status() == LaneStatus.OPEN || status() == LaneStatus.MATCHED;
        return live && !now.isBefore(matchableUntil()) ? LaneStatus.EXPIRED : status();
    }

    default boolean isOpenForMatchingAt(Instant now) {
        return effectiveStatus(now).isOpenForMatching();
    }

    /** A carrier's posted empty leg. */
    record Capacity(CapacityLane lane, Instant postedAt, Instant updatedAt) implements PostedLane {
        public Capacity {
            Objects.requireNonNull(lane, "lane");
            Objects.requireNonNull(postedAt, "postedAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }

        @Override
        public String laneId() {
            return lane.id().value();
        }

        @Override
        public PartnerId owner() {
            return lane.carrier();
        }

        @Override
        public LaneKind kind() {
            return LaneKind.CAPACITY;
        }

        @Override
        public LaneStatus status() {
            return lane.status();
        }

        @Override
        public Instant matchableUntil() {
            return lane.mustArriveBy().toInstant();
        }

        @Override
        public Capacity withStatus(LaneStatus next, Instant now) {
            return new Capacity(lane.withStatus(next), postedAt, now);
        }

        /** The lane as the matching rules see it at {@code now}: an expired lane is not open. */
        public CapacityLane laneAt(Instant now) {
            return lane.status() == effectiveStatus(now) ? lane : lane.withStatus(effectiveStatus(now));
        }

        /**
         * The truck as it can still drive at {@code now}: a driver cannot leave in the past, so a truck available
         * since before now is planned from now (in its own time zone). A posting may sit in the book for days.
         */
        public CapacityLane drivableAt(Instant now) {
            CapacityLane current = laneAt(now);
            if (!current.availableFrom().toInstant().isBefore(now)) {
                return current;
            }
            return new CapacityLane(current.id(), current.carrier(), current.emptyAt(), current.mustEndAt(),
                    now.atZone(current.availableFrom().getZone()), current.mustArriveBy(), current.equipment(),
                    current.weightCapacityLbs(), current.palletCapacity(), current.maxOriginDeadheadMiles(),
                    current.maxDestinationDeadheadMiles(), current.maxReloadDeadheadMiles(),
                    current.minimumRatePerLoadedMile(), current.status(), current.fleetFuelEconomy());
        }
    }

    /** A shipper's posted load. */
    record Load(LoadLane lane, Instant postedAt, Instant updatedAt) implements PostedLane {
        public Load {
            Objects.requireNonNull(lane, "lane");
            Objects.requireNonNull(postedAt, "postedAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }

        @Override
        public String laneId() {
            return lane.id().value();
        }

        @Override
        public PartnerId owner() {
            return lane.shipper();
        }

        @Override
        public LaneKind kind() {
            return LaneKind.LOAD;
        }

        @Override
        public LaneStatus status() {
            return lane.status();
        }

        @Override
        public Instant matchableUntil() {
            return lane.pickupWindow().closesAt();
        }

        @Override
        public Load withStatus(LaneStatus next, Instant now) {
            return new Load(lane.withStatus(next), postedAt, now);
        }

        /** The lane as the matching rules see it at {@code now}: an expired lane is not open. */
        public LoadLane laneAt(Instant now) {
            return lane.status() == effectiveStatus(now) ? lane : lane.withStatus(effectiveStatus(now));
        }
    }
}
