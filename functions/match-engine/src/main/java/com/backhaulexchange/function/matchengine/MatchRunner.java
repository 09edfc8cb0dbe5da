package com.backhaulexchange.function.matchengine;

import com.backhaulexchange.lane.LaneRepository;
import com.backhaulexchange.lane.MatchRequestOutbox;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.CandidateKeys;
import com.backhaulexchange.matching.CandidateSource;
import com.backhaulexchange.matching.TradingPartners;
import com.backhaulexchange.matching.EquipmentCompatibility;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchRepository;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.matching.MatchScorer;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.chain.PackageRepository;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Matches one posting against the open lanes of the other side, both ways: a truck searches the loads
 * near where it becomes empty, a load searches the trucks within the capacity search radius of its pickup.
 * Candidates come from the candidate index only (never a scan); the lanes that are no longer open are
 * dropped, and so are the lanes of suspended partners (a suspended partner's own posting finds nothing); each
 * remaining pair is judged by {@link MatchEvaluator}; the best {@code matchesPerPosting} are
 * stored (one item per pair, however often this runs) and the nearest rejections are recorded with their
 * reasons. Running it again for the same lane is harmless, which is what at-least-once delivery needs; a
 * pair stored for the first time is handed to {@code onNewMatch} (the handler tells both parties). Then, with a
 * {@link PackageFinder}, the posting's reload packages are searched and stored the same way (ADR 25).
 */
public final class MatchRunner {

    /** What became of one match request. */
    public sealed interface Outcome {
        String laneId();

        /** The lane was matched; the run says what was found. */
        record Matched(MatchRun run) implements Outcome {
            @Override
            public String laneId() {
                return run.laneId();
            }
        }

        /** Nothing to match: the lane is unknown, withdrawn, booked or expired. */
        record Skipped(String laneId, String reason) implements Outcome {
        }
    }

    /** How far and how many: see the template's parameters. */
    public record Settings(int capacitySearchRadiusRoadMiles, int candidateReadBudget, int matchesPerPosting,
            int rejectionsShown) {
        /**
         * Index entries one posting's search may read: complete for all but the densest areas of a 10k-lane
         * book, flat beyond (docs/benchmarks.md, ADR 15).
         */
        public static final int DEFAULT_CANDIDATE_READ_BUDGET = 500;

        public Settings {
            if (capacitySearchRadiusRoadMiles < 0 || candidateReadBudget < 1 || matchesPerPosting < 1
                    || rejectionsShown < 0) {
                throw new IllegalArgumentException("invalid match settings " + capacitySearchRadiusRoadMiles + ", "
                        + candidateReadBudget + ", " + matchesPerPosting + ", " + rejectionsShown);
            }
        }
    }

    private final LaneRepository lanes;
    private final CandidateSource candidates;
    private final MatchRepository matches;
    private final MatchRequestOutbox outbox;
    private final TradingPartners tradingPartners;
    private final MatchEvaluator evaluator;
    private final CandidateKeys candidateKeys;
    private final Settings settings;
    private final Consumer<Match> onNewMatch;
    private final PackageFinder packages;
    private final Clock clock;

    /** Single-load matching only (the matching benchmark's engine). */
    public MatchRunner(LaneRepository lanes, CandidateSource candidates, MatchRepository matches,
            MatchRequestOutbox outbox, TradingPartners tradingPartners, MatchEvaluator evaluator,
            CandidateKeys candidateKeys, Settings settings, Consumer<Match> onNewMatch, Clock clock) {
        this(lanes, candidates, matches, outbox, tradingPartners, evaluator, candidateKeys, settings, onNewMatch, null,
                clock);
    }

    /**
     * Matching, then reload packages with the function's default package settings (ADR 25), stored in
     * {@code packageRepository}, nobody notified of new ones: the matching benchmark's engine as the handler builds it.
     */
    public static MatchRunner withPackages(LaneRepository lanes, CandidateSource candidates, MatchRepository matches,
            MatchRequestOutbox outbox, TradingPartners tradingPartners, MatchingConfig config,
            CandidateKeys candidateKeys, Settings settings, PackageRepository packageRepository, Clock clock) {
        var packages = new PackageFinder(candidates, packageRepository, tradingPartners, config, candidateKeys,
                PackageFinder.Settings.DEFAULT, found -> { });
        return new MatchRunner(lanes, candidates, matches, outbox, tradingPartners, new MatchEvaluator(config),
                candidateKeys, settings, match -> { }, packages, clock);
    }

    /** Matching, then reload packages ({@code packages}; null: none) for each posting. */
    MatchRunner(LaneRepository lanes, CandidateSource candidates, MatchRepository matches,
            MatchRequestOutbox outbox, TradingPartners tradingPartners, MatchEvaluator evaluator,
            CandidateKeys candidateKeys, Settings settings, Consumer<Match> onNewMatch, PackageFinder packages,
            Clock clock) {
        this.packages = packages;
        this.lanes = lanes;
        this.candidates = candidates;
        this.matches = matches;
        this.outbox = outbox;
        this.tradingPartners = tradingPartners;
        this.evaluator = evaluator;
        this.candidateKeys = candidateKeys;
        this.settings = settings;
        this.onNewMatch = onNewMatch;
        this.clock = clock;
    }

    public Outcome match(String laneId) {
        Instant now = clock.instant();
        var found = lanes.findLane(laneId);
        if (found.isEmpty()) {
            outbox.complete(laneId);
            return new Outcome.Skipped(laneId, "no such lane");
        }
        PostedLane lane = found.get();
        if (!lane.isOpenForMatchingAt(now)) {
            outbox.complete(laneId);
            return new Outcome.Skipped(laneId, "the lane is " + lane.effectiveStatus(now));
        }
        MatchRun run = switch (lane) {
            case PostedLane.Capacity capacity -> matchTruck(capacity, now);
            case PostedLane.Load load -> matchLoad(load, now);
        };
        matches.saveRun(run);
        // Last: should anything above fail, the request stays pending and the sweeper sends it again.
        outbox.complete(laneId);
        return new Outcome.Matched(run);
    }

    /** A truck searches the loads of its origin-deadhead disc over its availability. */
    private MatchRun matchTruck(PostedLane.Capacity truck, Instant now) {
        var keys = candidateKeys.loadsNear(truck.lane());
        var found = candidates.loads(keys, EquipmentCompatibility.loadsFor(truck.lane().equipment()),
                settings.candidateReadBudget());
        List<PostedLane.Load> open = found.lanes().stream().filter(load -> load.isOpenForMatchingAt(now)).toList();
        Money cost = tradingPartners.costsPerMile(Set.of(truck.owner())).get(truck.owner());
        if (cost != null && !open.isEmpty()) {
            Set<PartnerId> activeShippers = tradingPartners.activeAmong(
                    open.stream().map(PostedLane::owner).collect(Collectors.toSet()));
            open = open.stream().filter(load -> activeShippers.contains(load.owner())).toList();
        }
        List<Pair> pairs = new ArrayList<>();
        if (cost != null) {
            var truckNow = truck.drivableAt(now);
            for (PostedLane.Load load : open) {
                pairs.add(new Pair(truck, load, evaluator.evaluate(truckNow, cost, load.laneAt(now))));
            }
        }
        MatchRun run = store(truck, pairs, found, now);
        if (packages != null) {
            packages.forTruck(truck, cost, open, now);
        }
        return run;
    }

    /** A load searches the trucks empty within the search radius of its pickup, over its pickup window. */
    private MatchRun matchLoad(PostedLane.Load load, Instant now) {
        var keys = candidateKeys.capacitiesNear(load.lane(), settings.capacitySearchRadiusRoadMiles());
        var found = candidates.capacities(keys, EquipmentCompatibility.trucksFor(load.lane().equipment()),
                settings.candidateReadBudget());
        List<PostedLane.Capacity> open = found.lanes().stream().filter(truck -> truck.isOpenForMatchingAt(now))
                .toList();
        if (!open.isEmpty() && tradingPartners.activeAmong(Set.of(load.owner())).isEmpty()) {
            open = List.of();
        }
        Map<PartnerId, Money> costs = open.isEmpty() ? Map.of()
                : tradingPartners.costsPerMile(open.stream().map(PostedLane::owner).collect(Collectors.toSet()));
        List<Pair> pairs = new ArrayList<>();
        Map<PostedLane.Capacity, Money> costed = new java.util.LinkedHashMap<>();
        for (PostedLane.Capacity truck : open) {
            Money cost = costs.get(truck.owner());
            if (cost != null) {
                costed.put(truck, cost);
                pairs.add(new Pair(truck, load, evaluator.evaluate(truck.drivableAt(now), cost, load.laneAt(now))));
            }
        }
        MatchRun run = store(load, pairs, found, now);
        if (packages != null) {
            packages.forLoad(load, costed, now);
        }
        return run;
    }

    private MatchRun store(PostedLane posting, List<Pair> pairs, CandidateSource.Candidates<?> found, Instant now) {
        Map<MatchEvaluation, Pair> byEvaluation = new HashMap<>();
        pairs.forEach(pair -> byEvaluation.put(pair.evaluation(), pair));
        var shortlist = MatchScorer.shortlist(pairs.stream().map(Pair::evaluation).toList(),
                Math.max(settings.matchesPerPosting(), settings.rejectionsShown()));
        int stored = 0;
        for (var feasible : shortlist.best().subList(0, Math.min(settings.matchesPerPosting(),
                shortlist.best().size()))) {
            Pair pair = byEvaluation.get(feasible);
            Match match = Match.proposed(pair.capacity(), pair.load(), feasible, now);
            boolean isNew = matches.find(match.id()).isEmpty();
            if (matches.save(match, now)) {
                stored++;
                if (isNew) {
                    onNewMatch.accept(match);
                }
            }
        }
        var rejections = shortlist.nearestRejected().stream().limit(settings.rejectionsShown())
                .map(MatchRun.NearestRejection::of).toList();
        return new MatchRun(posting.laneId(), posting.kind(), now, found.queries(), found.entriesRead(),
                found.complete(), pairs.size(), (int) pairs.stream().filter(pair -> pair.evaluation() instanceof MatchEvaluation.Feasible)
                        .count(), stored, rejections);
    }

    /** A judged pair with the posted lanes it came from (the evaluation knows only the domain lanes). */
    private record Pair(PostedLane.Capacity capacity, PostedLane.Load load, MatchEvaluation evaluation) {
        Pair {
            Objects.requireNonNull(evaluation, "evaluation");
        }
    }
}
