package com.backhaulexchange.adapter.json;

import static com.backhaulexchange.adapter.json.Views.tenths;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.chain.ChainPolicies;
import com.backhaulexchange.matching.chain.ChainRejection;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.PackageRun;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reload packages of a capacity lane as its carrier reads them (the {@code LanePackages} schema): the lane's
 * status, its latest package search (pending until the engine has run), a page of packages best first, each as
 * {@link PackageView} shows it, and the nearest rejected packages: anonymous (no load or shipper named), miles to
 * one decimal, every broken rule with its leg, worded without any shipper's private figure.
 */
public record LanePackagesView(
        String laneId,
        String laneStatus,
        SearchView search,
        List<RejectedPackageView> nearestRejected,
        List<PackageView> items,
        String nextCursor) {

    /** {@code PENDING}, {@code SKIPPED} (the lane closed before its own matching ran) or {@code COMPLETED}. */
    public record SearchView(String status, String computedAt, Integer keysQueried, Integer candidatesRead,
            Boolean retrievalComplete, Integer candidatesConsidered, Integer sequencesExplored,
            Integer chainsEvaluated, Boolean searchTruncated, Integer feasibleCount, Integer packagesStored) {
    }

    public record RejectedPackageView(List<RejectedLegView> legs, double destinationDeadheadMiles,
            double totalDeadheadMiles, List<PackageView.StopView> schedule, List<String> reasonCodes,
            List<ReasonView> reasons) {
    }

    public record RejectedLegView(int loadIndex, double deadheadToPickupMiles, double loadedMiles,
            List<String> reasonCodes) {
    }

    /** {@code loadIndex}: the leg the rule concerns (0-based), absent for a rule of the whole chain. */
    public record ReasonView(Integer loadIndex, String reasonCode, String detail, String pointer) {
    }

    public static LanePackagesView of(PostedLane lane, Optional<PackageRun> run, Page<PackageMatch> packages,
            Money marketRatePerLoadedMile, Instant now) {
        String notRun = lane.effectiveStatus(now).isOpenForMatching() ? "PENDING" : "SKIPPED";
        SearchView search = new SearchView(notRun, null, null, null, null, null, null, null, null, null, null);
        List<RejectedPackageView> rejected = List.of();
        if (run.isPresent()) {
            PackageRun done = run.get();
            search = new SearchView("COMPLETED", done.computedAt().toString(), done.keysQueried(),
                    done.candidatesRead(), done.retrievalComplete(), done.search().candidatesConsidered(),
                    done.search().prefixesExplored(), done.search().fullEvaluations(), done.search().truncated(),
                    done.feasibleCount(), done.packagesStored());
            rejected = done.nearestRejected().stream().map(LanePackagesView::rejected).toList();
        }
        return new LanePackagesView(lane.laneId(), lane.effectiveStatus(now).name(), search, rejected,
                packages.items().stream().map(found -> PackageView.of(found, marketRatePerLoadedMile, now)).toList(),
                packages.nextCursor());
    }

    private static RejectedPackageView rejected(PackageRun.RejectedPackage rejected) {
        List<ChainRejection> shown = rejected.rejections().stream().map(ChainPolicies::seenByCarrier).toList();
        List<RejectedLegView> legs = new java.util.ArrayList<>();
        for (int i = 0; i < rejected.legs().size(); i++) {
            Integer index = i;
            var leg = rejected.legs().get(i);
            legs.add(new RejectedLegView(i, tenths(leg.deadheadToPickupMiles()), tenths(leg.loadedMiles()),
                    shown.stream().filter(reason -> Objects.equals(reason.loadIndex(), index))
                            .map(ChainRejection::reasonCode).toList()));
        }
        return new RejectedPackageView(legs, tenths(rejected.destinationDeadheadMiles()),
                tenths(rejected.totalDeadheadMiles()),
                rejected.schedule().stream().map(PackageView.StopView::of).toList(),
                shown.stream().map(ChainRejection::reasonCode).toList(),
                shown.stream().map(reason -> new ReasonView(reason.loadIndex(), reason.reasonCode(),
                        reason.reason().detail(), reason.reason().field())).toList());
    }
}
