package com.backhaulexchange.function.laneposting;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.FeasibilityPolicies;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEconomics;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Match views per side (ADR 14, "Match views"): the shipper's budget and the carrier's operating cost per mile
 * and minimum rate are private. With sentinel values nobody would pick — a budget of USD 1,234.56, a cost of
 * USD 3.47 per mile, a minimum of USD 9.13 per loaded mile — the other side's response never contains them,
 * nor what they would let it work out (the incremental cost, the computed surplus, the minimum for the miles).
 */
class MatchViewsTest {
    private static final long BUDGET = 123_456;
    private static final Money CARRIER_COST_PER_MILE = Money.of(347, "USD");

    private final LanePostingFixture fixture = new LanePostingFixture();
    private final Caller carrier = Caller.carrier();
    private final Caller shipper = Caller.shipper();

    @Test
    void theCarrierSeesItsOwnCostAndTheMarketEstimateOfThePriceNeverTheBudget() {
        var posted = postedMatch(carrier, shipper, BUDGET);
        var economics = posted.match().explanation().economics();

        Reply byId = fixture.send("get-match.json", carrier.values("PATH_MATCH_ID", posted.match().id().value()));
        Reply listed = fixture.send("list-matches-of-own-lane.json", carrier.values("PATH_LANE_ID", posted.truckId()));

        assertThat(byId.status()).isEqualTo(200);
        var shown = byId.json().path("explanation").path("economics");
        assertThat(shown.path("priceSource").asText()).isEqualTo("MARKET_RATE");
        assertThat(amount(shown.path("shipperPrice"))).isEqualTo(marketPrice(posted.match()).amountMinorUnits());
        assertThat(shown.path("costSource").asText()).isEqualTo("CARRIER_COST");
        assertThat(amount(shown.path("carrierIncrementalCost")))
                .isEqualTo(economics.carrierIncrementalCost().amountMinorUnits());
        assertThat(amount(shown.path("surplus"))).isEqualTo(marketPrice(posted.match()).amountMinorUnits()
                - economics.carrierIncrementalCost().amountMinorUnits());
        assertThat(listed.json().path("items").path(0)).isEqualTo(byId.json());
        for (Reply reply : List.of(byId, listed)) {
            assertThat(reply.body()).doesNotContain("1234.56").doesNotContain("BUDGET");
            assertThat(numbersIn(reply.body())).doesNotContain(BUDGET, economics.surplus().amountMinorUnits());
        }
    }

    @Test
    void theShipperSeesItsOwnBudgetAndTheMarketEstimateOfTheCostNeverTheCarriers() {
        var posted = postedMatch(carrier, shipper, BUDGET);
        var economics = posted.match().explanation().economics();
        Money marketCost = MatchEconomics.perMile(NegotiationRules.DEFAULT.marketCostPerMile(),
                posted.match().explanation().outOfRouteMiles());

        Reply byId = fixture.send("get-match.json", shipper.values("PATH_MATCH_ID", posted.match().id().value()));
        Reply listed = fixture.send("list-matches-of-own-lane.json", shipper.values("PATH_LANE_ID", posted.loadId()));

        assertThat(byId.status()).isEqualTo(200);
        var shown = byId.json().path("explanation").path("economics");
        assertThat(shown.path("priceSource").asText()).isEqualTo("BUDGET");
        assertThat(amount(shown.path("shipperPrice"))).isEqualTo(BUDGET);
        assertThat(shown.path("costSource").asText()).isEqualTo("MARKET_COST");
        assertThat(amount(shown.path("carrierIncrementalCost"))).isEqualTo(marketCost.amountMinorUnits());
        assertThat(amount(shown.path("surplus"))).isEqualTo(BUDGET - marketCost.amountMinorUnits());
        assertThat(economics.carrierIncrementalCost()).as("the sentinel cost differs from the market's")
                .isNotEqualTo(marketCost);
        assertThat(listed.json().path("items").path(0)).isEqualTo(byId.json());
        for (Reply reply : List.of(byId, listed)) {
            assertThat(reply.body()).doesNotContain("CARRIER_COST").doesNotContain("3.47");
            assertThat(numbersIn(reply.body())).doesNotContain(CARRIER_COST_PER_MILE.amountMinorUnits(),
                    economics.carrierIncrementalCost().amountMinorUnits(), economics.surplus().amountMinorUnits());
        }
    }

    @Test
    void theTwoPartiesBodiesDifferOnlyInTheirEconomics() {
        var posted = postedMatch(carrier, shipper, BUDGET);

        JsonNode byCarrier = fixture.send("get-match.json",
                carrier.values("PATH_MATCH_ID", posted.match().id().value())).json().deepCopy();
        JsonNode byShipper = fixture.send("get-match.json",
                shipper.values("PATH_MATCH_ID", posted.match().id().value())).json().deepCopy();

        ((com.fasterxml.jackson.databind.node.ObjectNode) byCarrier.path("explanation")).remove("economics");
        ((com.fasterxml.jackson.databind.node.ObjectNode) byShipper.path("explanation")).remove("economics");
        assertThat(byShipper).isEqualTo(byCarrier);
    }

    @Test
    void aPartnerOwningBothLanesSeesTheComputedFigures() {
        var both = Caller.carrierAndShipper();
        var posted = postedMatch(both, both, BUDGET);
        var economics = posted.match().explanation().economics();

        var shown = fixture.send("get-match.json", both.values("PATH_MATCH_ID", posted.match().id().value())).json()
                .path("explanation").path("economics");

        assertThat(shown.path("priceSource").asText()).isEqualTo("BUDGET");
        assertThat(shown.path("costSource").asText()).isEqualTo("CARRIER_COST");
        assertThat(amount(shown.path("shipperPrice"))).isEqualTo(BUDGET);
        assertThat(amount(shown.path("surplus"))).isEqualTo(economics.surplus().amountMinorUnits());
    }

    @Test
    void aNearestRejectionKeepsItsReasonCodeButNotTheOtherSidesFigures() {
        var truckId = fixture.post("post-capacity-by-city-names.json", carrier);
        var loadId = postLoad(shipper, BUDGET);
        var truck = (PostedLane.Capacity) fixture.lanes.findLane(truckId).orElseThrow();
        var load = (PostedLane.Load) fixture.lanes.findLane(loadId).orElseThrow();
        Money minimumRate = Money.of(913, "USD");
        Money costPerMile = Money.of(90_347, "USD"); // so high the detour costs more than the budget
        var lane = truck.lane();
        var pricey = new CapacityLane(lane.id(), lane.carrier(), lane.emptyAt(), lane.mustEndAt(),
                lane.availableFrom(), lane.mustArriveBy(), lane.equipment(), lane.weightCapacityLbs(),
                lane.palletCapacity(), lane.maxOriginDeadheadMiles(), lane.maxDestinationDeadheadMiles(),
                minimumRate, lane.status());
        var rejected = (MatchEvaluation.Infeasible) MatchEvaluator.evaluate(pricey, costPerMile, load.lane(),
                MatchingConfig.DEFAULT);
        var economics = rejected.explanation().economics();
        Money minimum = MatchEconomics.perMile(minimumRate, rejected.explanation().loadedMiles());
        assertThat(rejected.rejections()).extracting(reason -> reason.reasonCode()).containsExactly(
                FeasibilityPolicies.BUDGET_BELOW_CARRIER_MINIMUM, FeasibilityPolicies.NO_SURPLUS);
        assertThat(rejected.rejections().toString()).as("as the rules write them, for the log")
                .contains("1234.56");
        var nearest = List.of(MatchRun.NearestRejection.of(rejected));
        fixture.matches.saveRun(new MatchRun(truckId, LaneKind.CAPACITY, fixture.clock.instant(), 1, 1, true, 1, 0, 0,
                nearest));
        fixture.matches.saveRun(new MatchRun(loadId, LaneKind.LOAD, fixture.clock.instant(), 1, 1, true, 1, 0, 0,
                nearest));

        Reply carrierView = fixture.send("list-matches-of-own-lane.json", carrier.values("PATH_LANE_ID", truckId));
        Reply shipperView = fixture.send("list-matches-of-own-lane.json", shipper.values("PATH_LANE_ID", loadId));

        for (Reply view : List.of(carrierView, shipperView)) {
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.json().path("nearestRejections").path(0).path("reasonCodes").toString())
                    .contains("BUDGET_BELOW_CARRIER_MINIMUM", "NO_SURPLUS");
            assertThat(view.json().path("nearestRejections").path(0).path("reasons").findValuesAsText("detail"))
                    .allSatisfy(detail -> assertThat(detail).doesNotContainPattern("[0-9]"));
        }
        assertThat(carrierView.body()).doesNotContain("1234.56").doesNotContain("/load/budget/amountMinorUnits");
        assertThat(numbersIn(carrierView.body())).doesNotContain(BUDGET);
        assertThat(shipperView.body()).doesNotContain(money(minimum))
                .doesNotContain(money(economics.carrierIncrementalCost())).doesNotContain("9.13");
        assertThat(numbersIn(shipperView.body())).doesNotContain(minimum.amountMinorUnits(),
                economics.carrierIncrementalCost().amountMinorUnits());
        assertThat(shipperView.json().path("nearestRejections").path(0).path("reasons").findValuesAsText("detail"))
                .anySatisfy(detail -> assertThat(detail).startsWith("Your budget"));
    }

    // ------------------------------------------------------------------ helpers

    private record Posted(String truckId, String loadId, Match match) {
    }

    /** The sample truck and a load with {@code budget}, matched as the engine would at the sentinel cost. */
    private Posted postedMatch(Caller truckOwner, Caller loadOwner, long budget) {
        String truckId = fixture.post("post-capacity-by-city-names.json", truckOwner);
        String loadId = postLoad(loadOwner, budget);
        var truck = (PostedLane.Capacity) fixture.lanes.findLane(truckId).orElseThrow();
        var load = (PostedLane.Load) fixture.lanes.findLane(loadId).orElseThrow();
        var evaluation = MatchEvaluator.evaluate(truck.lane(), CARRIER_COST_PER_MILE, load.lane(),
                MatchingConfig.DEFAULT);
        assertThat(evaluation).as("the sentinel figures still make a match: %s", evaluation)
                .isInstanceOf(MatchEvaluation.Feasible.class);
        var match = Match.proposed(truck, load, (MatchEvaluation.Feasible) evaluation, fixture.clock.instant());
        assertThat(fixture.matches.save(match, fixture.clock.instant())).isTrue();
        assertThat(match.explanation().economics().priceSource()).isEqualTo(MatchEconomics.PriceSource.BUDGET);
        return new Posted(truckId, loadId, match);
    }

    private String postLoad(Caller owner, long budget) {
        var event = LaneSampleEvents.load("post-load-by-city-names.json", owner.values());
        assertThat(event.getBody()).contains("\"amountMinorUnits\": 240000");
        event.setBody(event.getBody().replace("\"amountMinorUnits\": 240000", "\"amountMinorUnits\": " + budget));
        Reply reply = fixture.send(event);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("laneId").asText();
    }

    private static Money marketPrice(Match match) {
        return MatchEconomics.perMile(NegotiationRules.DEFAULT.marketRatePerLoadedMile(),
                match.explanation().loadedMiles());
    }

    private static long amount(JsonNode money) {
        assertThat(money.path("currency").asText()).isEqualTo("USD");
        return money.path("amountMinorUnits").asLong();
    }

    /** Every whole number in the body (digits not part of a longer number or a decimal fraction). */
    private static List<Long> numbersIn(String body) {
        return Pattern.compile("(?<![0-9.])[0-9]+(?![0-9.])").matcher(body).results()
                .map(result -> result.group())
                .filter(digits -> digits.length() < 18)
                .map(Long::parseLong).toList();
    }

    private static String money(Money money) {
        return java.math.BigDecimal.valueOf(money.amountMinorUnits(), 2).toPlainString();
    }
}
