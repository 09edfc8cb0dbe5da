package com.backhaulexchange.matching.chain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the package search of a capacity lane's own posting found: the chain candidates it read (index keys queried,
 * entries read, whether the reads stopped at their budget; see ADR 25), what the {@link ChainSearch} did with them,
 * how many packages were feasible and stored, and why the nearest rejected packages fail, leg by leg. Rejected
 * packages are anonymous: they never name a load or its shipper.
 */
public record PackageRun(
        String laneId,
        Instant computedAt,
        int keysQueried,
        int candidatesRead,
        boolean retrievalComplete,
        ChainSearch.Stats search,
        int feasibleCount,
        int packagesStored,
        List<RejectedPackage> nearestRejected) {

    public PackageRun {
        Objects.requireNonNull(laneId, "laneId");
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(search, "search");
        nearestRejected = List.copyOf(nearestRejected);
    }

    /**
     * A rejected chain as its carrier may see it: per load, the empty hop into its pickup and its loaded miles; the
     * run to the lane's end; the time and slack at every stop; and every rule it breaks, each with its leg
     * ({@link ChainRejection#loadIndex}, null for a rule of the whole chain).
     */
    public record RejectedPackage(List<ChainMiles.LoadMiles> legs, double destinationDeadheadMiles,
            double baselineEmptyMiles, List<ChainExplanation.ScheduledStop> schedule,
            List<ChainRejection> rejections) {
        public RejectedPackage {
            legs = List.copyOf(legs);
            schedule = List.copyOf(schedule);
            rejections = List.copyOf(rejections);
        }

        public static RejectedPackage of(ChainEvaluation.Infeasible rejected) {
            var miles = rejected.explanation().miles();
            return new RejectedPackage(miles.loads(), miles.destinationDeadheadMiles(), miles.baselineEmptyMiles(),
                    rejected.explanation().schedule(), rejected.rejections());
        }

        public double totalDeadheadMiles() {
            return legs.stream().mapToDouble(ChainMiles.LoadMiles::deadheadToPickupMiles).sum()
                    + destinationDeadheadMiles;
        }

        public List<String> reasonCodes() {
            return rejections.stream().map(ChainRejection::reasonCode).toList();
        }
    }
}
