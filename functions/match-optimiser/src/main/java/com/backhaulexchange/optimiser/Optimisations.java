package com.backhaulexchange.optimiser;

import com.backhaulexchange.gazetteer.Gazetteer;
import com.backhaulexchange.geo.RoadDistanceModel;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.persistence.dynamodb.DynamoDbTradingPartners;
import com.backhaulexchange.persistence.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.persistence.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.runtime.AwsClients;
import com.backhaulexchange.runtime.FunctionEnvironment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** What both optimiser entry points share: the optimiser on the function's tables, and the regions to run. */
final class Optimisations {
    final MatchOptimiser optimiser;
    final DynamoDbLaneRepository lanes;
    final List<MatchingRegion> scheduledRegions;

    Optimisations(FunctionEnvironment environment, Clock clock) {
        var dynamoDb = AwsClients.dynamoDb(environment);
        String table = environment.required("LANES_TABLE_NAME");
        this.lanes = new DynamoDbLaneRepository(dynamoDb, table);
        var roads = new RoadDistanceModel(environment.doubleValue("ROAD_CIRCUITY_FACTOR",
                RoadDistanceModel.DEFAULT_CIRCUITY_FACTOR));
        this.optimiser = new MatchOptimiser(lanes, new DynamoDbMatchRepository(dynamoDb, table),
                new DynamoDbTradingPartners(dynamoDb, environment.required("PARTNERS_TABLE_NAME")),
                MatchingConfig.DEFAULT.withRoadDistance(roads), clock);
        this.scheduledRegions = OptimiserRegions.ofGazetteer(Gazetteer.bundled());
    }

    /** Optimises each region; returns the plans of the regions that had open lanes. */
    List<OptimisationPlan> optimise(List<MatchingRegion> regions) {
        List<OptimisationPlan> plans = new ArrayList<>();
        for (MatchingRegion region : regions) {
            var plan = optimiser.optimise(region);
            if (plan.trucks() > 0 || plan.loads() > 0) {
                plans.add(plan);
            }
        }
        return plans;
    }
}
