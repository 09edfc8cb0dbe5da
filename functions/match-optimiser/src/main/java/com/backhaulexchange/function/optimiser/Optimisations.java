package com.backhaulexchange.function.optimiser;

import com.backhaulexchange.adapter.lambda.MatchingSettings;
import com.backhaulexchange.gazetteer.Gazetteer;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.adapter.dynamodb.DynamoDbTradingPartners;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPackageRepository;
import com.backhaulexchange.matching.selection.SelectionSolver;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** What both optimiser entry points share: the optimiser on the function's tables, and the regions to run. */
final class Optimisations {
    final MatchOptimiser optimiser;
    final DynamoDbLaneRepository lanes;
    final List<MatchingRegion> scheduledRegions;

    Optimisations(FunctionEnvironment environment, Clock clock) {
        var dynamoDb = DynamoDbClients.create(environment);
        String table = environment.required("LANES_TABLE_NAME");
        this.lanes = new DynamoDbLaneRepository(dynamoDb, table);
        var matches = new DynamoDbMatchRepository(dynamoDb, table);
        this.optimiser = new MatchOptimiser(lanes, environment.optional("ANALYTICS_TABLE_NAME")
                        .map(matches::countingPlansIn).orElse(matches),
                new DynamoDbPackageRepository(dynamoDb, table),
                new DynamoDbTradingPartners(dynamoDb, environment.required("PARTNERS_TABLE_NAME")),
                MatchingSettings.matchingConfig(environment), new SelectionSolver(), clock);
        this.scheduledRegions = OptimiserRegions.ofGazetteer(Gazetteer.bundled());
    }

    /**
     * Optimises each region, in the order given (a load recommended in one is left out of the later ones, ADR 39);
     * returns the plans of the regions that had open lanes.
     */
    List<OptimisationPlan> optimise(List<MatchingRegion> regions) {
        List<OptimisationPlan> plans = new ArrayList<>();
        for (OptimisationPlan plan : optimiser.optimiseAll(regions)) {
            if (plan.trucks() > 0 || plan.loads() > 0) {
                plans.add(plan);
            }
        }
        return plans;
    }
}
