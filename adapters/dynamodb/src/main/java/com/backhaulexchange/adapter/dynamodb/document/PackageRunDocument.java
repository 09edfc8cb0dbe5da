package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.adapter.dynamodb.document.PackageDocument.RejectionDocument;
import com.backhaulexchange.adapter.dynamodb.document.PackageDocument.StopDocument;
import com.backhaulexchange.matching.chain.ChainMiles;
import com.backhaulexchange.matching.chain.ChainSearch;
import com.backhaulexchange.matching.chain.PackageRun;
import java.time.Instant;
import java.util.List;

/**
 * A capacity lane's latest package search as LanesTable stores it in the {@code packageRun} map of its
 * PACKAGE_RUN item: the retrieval and search figures, and the nearest rejected chains with their miles exact, their
 * schedule and every broken rule as the rules wrote it (the API rounds the miles and words the private figures out).
 */
public record PackageRunDocument(
        String laneId,
        Instant computedAt,
        int keysQueried,
        int candidatesRead,
        boolean retrievalComplete,
        SearchDocument search,
        int feasibleCount,
        int packagesStored,
        List<RejectedDocument> nearestRejected) {

    /** Version 1: the first package runs (ADR 25). */
    public static final int SCHEMA_VERSION = 1;

    public record SearchDocument(int candidatesGiven, int candidatesConsidered, int prefixesExplored,
            int sequencesPassed, int fullEvaluations, boolean truncated) {
    }

    public record RejectedDocument(List<LegMilesDocument> legs, double destinationDeadheadMiles,
            double baselineEmptyMiles, List<StopDocument> schedule, List<RejectionDocument> rejections) {
    }

    public record LegMilesDocument(double deadheadToPickupMiles, double loadedMiles) {
    }

    public static PackageRunDocument of(PackageRun run) {
        var search = run.search();
        return new PackageRunDocument(run.laneId(), run.computedAt(), run.keysQueried(), run.candidatesRead(),
                run.retrievalComplete(), new SearchDocument(search.candidatesGiven(), search.candidatesConsidered(),
                        search.prefixesExplored(), search.sequencesPassed(), search.fullEvaluations(),
                        search.truncated()),
                run.feasibleCount(), run.packagesStored(), run.nearestRejected().stream().map(rejected ->
                        new RejectedDocument(rejected.legs().stream().map(leg -> new LegMilesDocument(
                                leg.deadheadToPickupMiles(), leg.loadedMiles())).toList(),
                                rejected.destinationDeadheadMiles(), rejected.baselineEmptyMiles(),
                                PackageDocument.schedule(rejected.schedule()),
                                rejected.rejections().stream().map(RejectionDocument::of).toList())).toList());
    }

    public PackageRun toRun() {
        return new PackageRun(laneId, computedAt, keysQueried, candidatesRead, retrievalComplete,
                new ChainSearch.Stats(search.candidatesGiven(), search.candidatesConsidered(),
                        search.prefixesExplored(), search.sequencesPassed(), search.fullEvaluations(),
                        search.truncated()),
                feasibleCount, packagesStored, nearestRejected == null ? List.of() : nearestRejected.stream()
                        .map(rejected -> new PackageRun.RejectedPackage(rejected.legs().stream()
                                .map(leg -> new ChainMiles.LoadMiles(leg.deadheadToPickupMiles(), leg.loadedMiles()))
                                .toList(), rejected.destinationDeadheadMiles(), rejected.baselineEmptyMiles(),
                                PackageDocument.scheduleOf(rejected.schedule()),
                                rejected.rejections().stream().map(RejectionDocument::toRejection).toList()))
                        .toList());
    }
}
