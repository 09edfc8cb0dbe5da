package com.backhaulexchange.benchmarks.matching;

import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.lane.LanePostingPolicies;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.function.matchengine.MatchRunner;
import com.backhaulexchange.lane.CandidateKeys;
import com.backhaulexchange.matching.CandidateSource;
import com.backhaulexchange.matching.TradingPartners;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPackageRepository;
import com.backhaulexchange.testing.TemplateTables;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Loads a book into a fresh LanesTable on DynamoDB Local, then, for each posting event, posts the new lane
 * (not timed) and runs the match engine's per-posting path, {@link MatchRunner#match}, the very service the
 * SQS handler calls, with the handler's default settings, reload packages included (ADR 25). Per event: the
 * candidate entries read, the items all its queries returned, the queries, the read capacity DynamoDB reports and
 * the time in {@code match}.
 */
final class PostingEventBenchmark {
    static final String LANES_TABLE = "LanesTable";

    /**
     * One measured posting event. {@code candidatesRead}: the single-load search's index entries;
     * {@code itemsQueried}: the items every query of the event returned, the package search's included;
     * {@code packagesFound}: a truck's stored packages after its search (-1 for a load, whose search is not recorded).
     */
    record Event(LaneKind kind, int candidatesRead, long itemsQueried, int keysQueried, long queries, long getItems,
            double readCapacityUnits, double millis, int feasible, int stored, int packagesFound,
            boolean searchComplete, long bestSurplusMinorUnits, long bestSurplusWithoutBudgetMinorUnits) {
    }

    /** A book's load time and its events. */
    record Result(int bookSize, Duration loadTime, List<Event> events) {
    }

    private final DynamoDbClient dynamoDb;
    private final ConsumedCapacityMeter meter;
    private final Clock clock;
    private final int loadThreads;
    private final int readBudget;
    private final boolean packages;

    /** {@code packages}: the engine searches reload packages after each posting's matches, as the function does. */
    PostingEventBenchmark(DynamoDbClient dynamoDb, ConsumedCapacityMeter meter, Clock clock, int loadThreads,
            int readBudget, boolean packages) {
        this.packages = packages;
        this.dynamoDb = dynamoDb;
        this.meter = meter;
        this.clock = clock;
        this.loadThreads = loadThreads;
        this.readBudget = readBudget;
    }

    /** Measures {@code book.events()} after the first {@code warmUp} of them, which run unmeasured. */
    Result run(Book book, int warmUp) {
        String table = TemplateTables.createFresh(dynamoDb, LANES_TABLE);
        var lanes = new DynamoDbLaneRepository(dynamoDb, table);
        var roads = RoadDistanceModel.DEFAULT;
        var candidateKeys = new CandidateKeys(GeoCellScheme.DEFAULT, roads);
        var loader = new BookLoader(lanes, candidateKeys, loadThreads);
        Duration loadTime = loader.postAll(book.lanes());

        var matches = new DynamoDbMatchRepository(dynamoDb, table);
        var config = MatchingConfig.DEFAULT.withRoadDistance(roads);
        var evaluator = new MatchEvaluator(config);
        var packageRepository = new DynamoDbPackageRepository(dynamoDb, table);
        var runner = packages
                ? MatchRunner.withPackages(lanes, lanes, matches, lanes, tradingPartners(book.carrierCostsPerMile()),
                        config, candidateKeys, settings(readBudget), packageRepository, clock)
                : new MatchRunner(lanes, lanes, matches, lanes, tradingPartners(book.carrierCostsPerMile()),
                        evaluator, candidateKeys, settings(readBudget), match -> { }, clock);
        // The same search without a budget, run after the measured one, tells what the budget cost in quality.
        var unbudgetedRunner = new MatchRunner(lanes, lanes, matches, lanes, tradingPartners(book.carrierCostsPerMile()),
                evaluator, candidateKeys, settings(CandidateSource.UNLIMITED), match -> { }, clock);

        List<Event> events = new ArrayList<>();
        for (int i = 0; i < book.events().size(); i++) {
            PostedLane posting = book.events().get(i);
            loader.post(posting);
            meter.readAndReset();
            long started = System.nanoTime();
            var outcome = runner.match(posting.laneId());
            double millis = (System.nanoTime() - started) / 1e6;
            var reading = meter.readAndReset();
            if (!(outcome instanceof MatchRunner.Outcome.Matched matched)) {
                throw new IllegalStateException("posting " + posting.laneId() + " was not matched: " + outcome);
            }
            if (i >= warmUp) {
                var run = matched.run();
                long best = bestSurplus(matches, posting.laneId());
                if (!run.searchComplete()) {
                    unbudgetedRunner.match(posting.laneId());
                }
                long bestWithoutBudget = bestSurplus(matches, posting.laneId());
                int packagesFound = posting.kind() == LaneKind.CAPACITY
                        ? packageRepository.findRun(posting.laneId()).map(found -> found.packagesStored()).orElse(0) : -1;
                events.add(new Event(posting.kind(), run.candidatesRead(), reading.itemsQueried(), run.keysQueried(),
                        reading.queries(), reading.getItems(), reading.readCapacityUnits(), millis,
                        run.feasibleCount(), run.matchesStored(), packagesFound, run.searchComplete(), best,
                        bestWithoutBudget));
            }
        }
        return new Result(book.lanes().size(), loadTime, events);
    }

    private static MatchRunner.Settings settings(int readBudget) {
        return new MatchRunner.Settings(LanePostingPolicies.MAX_DEADHEAD_MILES, readBudget, 10, 5);
    }

    /** The surplus of the lane's best stored match, 0 without one. */
    private long bestSurplus(DynamoDbMatchRepository matches, String laneId) {
        return matches.rankedForLane(laneId, clock.instant(), 1, null).items().stream()
                .mapToLong(match -> match.score().surplus().amountMinorUnits()).findFirst().orElse(0);
    }

    /**
     * The carriers' costs from memory, every partner active: in production one BatchGetItem on PartnersTable
     * per posting (and one for the shippers of a truck's candidates), which is not the candidate index under
     * measurement.
     */
    private static TradingPartners tradingPartners(Map<PartnerId, Money> costs) {
        return new TradingPartners() {
            @Override
            public Map<PartnerId, Money> costsPerMile(Set<PartnerId> carriers) {
                Map<PartnerId, Money> found = new HashMap<>();
                for (PartnerId carrier : carriers) {
                    Money cost = costs.get(carrier);
                    if (cost != null) {
                        found.put(carrier, cost);
                    }
                }
                return found;
            }

            @Override
            public Set<PartnerId> activeAmong(Set<PartnerId> partners) {
                return partners;
            }
        };
    }
}
