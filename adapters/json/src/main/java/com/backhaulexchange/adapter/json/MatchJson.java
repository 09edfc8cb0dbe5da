package com.backhaulexchange.adapter.json;

import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.matching.FeasibilityPolicies;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The v1 JSON documents of matches, match runs and optimisation plans (see infra/openapi/openapi.yaml), in a
 * dispatcher's terms: miles, money, CO₂, the schedule with its slack in minutes, and the hours-of-service
 * stops of the drive plan. The views are records ({@link MatchView}, {@link MatchRunView},
 * {@link OptimisationPlanView}); what is stored is another thing, with its own types and versions
 * (adapter.dynamodb.document).
 */
public final class MatchJson {

    private MatchJson() {
    }

    /**
     * The match as {@code viewer}, one of its parties, reads it, with its status at {@code now}: its economics
     * are that party's view (ADR 14, "Match views"), the other side's private figures replaced by the public
     * market estimates of {@code market}.
     */
    public static ObjectNode toJson(Match match, PartnerId viewer, NegotiationRules market, Instant now) {
        return Views.tree(MatchView.of(match, viewer, market, now));
    }

    /** The optimiser's plan of a region, as the operator reads it. */
    public static ObjectNode planToJson(OptimisationPlan plan) {
        return Views.tree(OptimisationPlanView.of(plan));
    }

    /**
     * The run as the posting's owner reads it: rejections never name the other lane or its owner, and the
     * details of the rules that compare the two sides' private figures are worded without them
     * ({@link FeasibilityPolicies#seenBy}).
     */
    public static ObjectNode runToJson(MatchRun run) {
        return Views.tree(MatchRunView.of(run));
    }
}
