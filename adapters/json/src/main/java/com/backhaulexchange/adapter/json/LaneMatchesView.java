package com.backhaulexchange.adapter.json;

import com.backhaulexchange.adapter.json.MatchRunView.RejectionView;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The matches of a lane as its owner reads them (the {@code LaneMatches} schema): the lane's status, its latest
 * match run (pending until the engine has run; then the run's figures and nearest rejections as
 * {@link MatchRunView} words them for the owner) and a page of matches, each as {@link MatchView} shows it to
 * the viewer, so the carrier and the shipper of a match read their own economics.
 */
public record LaneMatchesView(
        String laneId,
        String laneStatus,
        MatchingView matching,
        List<RejectionView> nearestRejections,
        List<MatchView> items,
        String nextCursor) {

    /**
     * The state of the lane's matching: {@code PENDING}, {@code SKIPPED} (the lane closed before its own matching
     * ran), or {@code COMPLETED} with the latest run's figures.
     */
    public record MatchingView(String status, String computedAt, Integer keysQueried, Integer candidatesRead,
            Boolean searchComplete, Integer candidatesEvaluated, Integer feasibleCount, Integer matchesStored) {
    }

    public static LaneMatchesView of(PostedLane lane, Optional<MatchRun> run, Page<Match> matches, PartnerId viewer,
            NegotiationRules market, Instant now) {
        // A lane booked (through another lane's match), withdrawn or expired before its own request came up is
        // skipped by the match engine: it will never have a run of its own.
        String notRun = lane.effectiveStatus(now).isOpenForMatching() ? "PENDING" : "SKIPPED";
        MatchingView matching = new MatchingView(notRun, null, null, null, null, null, null, null);
        List<RejectionView> nearestRejections = List.of();
        if (run.isPresent()) {
            MatchRunView shown = MatchRunView.of(run.get());
            matching = new MatchingView("COMPLETED", shown.computedAt(), shown.keysQueried(), shown.candidatesRead(),
                    shown.searchComplete(), shown.candidatesEvaluated(), shown.feasibleCount(),
                    shown.matchesStored());
            nearestRejections = shown.nearestRejections();
        }
        return new LaneMatchesView(lane.laneId(), lane.effectiveStatus(now).name(), matching, nearestRejections,
                matches.items().stream().map(match -> MatchView.of(match, viewer, market, now)).toList(),
                matches.nextCursor());
    }
}
