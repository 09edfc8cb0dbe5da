package com.backhaulexchange.adapter.lambda;

import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.matching.MatchingConfig;

/**
 * The matching model's parameters as the template sets them, read the same way by every function that
 * evaluates a pairing: lane posting (candidate keys), the match engine, the optimiser and the period settler.
 * One reading, so matching and settlement never disagree about the same pair.
 */
public final class MatchingSettings {
    public static final String ROAD_CIRCUITY_FACTOR = "ROAD_CIRCUITY_FACTOR";

    private MatchingSettings() {
    }

    public static RoadDistanceModel roadDistance(FunctionEnvironment environment) {
        return new RoadDistanceModel(environment.doubleValue(ROAD_CIRCUITY_FACTOR, RoadDistanceModel.DEFAULT_CIRCUITY_FACTOR));
    }

    public static MatchingConfig matchingConfig(FunctionEnvironment environment) {
        return MatchingConfig.DEFAULT.withRoadDistance(roadDistance(environment));
    }
}
