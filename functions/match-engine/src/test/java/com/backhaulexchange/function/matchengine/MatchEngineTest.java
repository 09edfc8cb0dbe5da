package com.backhaulexchange.function.matchengine;

import com.backhaulexchange.testing.Postings;

import static com.backhaulexchange.function.matchengine.MatchEngineFixture.failedMessageIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.FeasibilityPolicies;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEconomics;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.Partner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.emissions.Fuel;
import com.backhaulexchange.emissions.FuelEconomySource;

class MatchEngineTest {
    private MatchEngineFixture fixture;
    private Partner carrier;
    private Partner shipper;

    @BeforeEach
    void freshTables() {
        fixture = new MatchEngineFixture();
        carrier = fixture.carrier();
        shipper = fixture.shipper();
    }

    private List<Match> matchesOf(PostedLane lane) {
        return fixture.matches.rankedForLane(lane.laneId(), fixture.clock.instant(), 50, null).items();
    }

    @Test
    void aNewLoadFindsTheOpenTruckAndBothPartiesSeeTheMatch() {
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        var load = fixture.postings.post(Postings.load(shipper.id()));

        var response = fixture.match(load);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(matchesOf(load)).singleElement().satisfies(match -> {
            assertThat(match.capacityLaneId().value()).isEqualTo(truck.laneId());
            assertThat(match.carrier()).isEqualTo(carrier.id());
            assertThat(match.shipper()).isEqualTo(shipper.id());
        });
        assertThat(matchesOf(truck)).extracting(Match::id).isEqualTo(matchesOf(load).stream().map(Match::id).toList());
        assertThat(fixture.matches.findRun(load.laneId())).hasValueSatisfying(run -> {
            assertThat(run.feasibleCount()).isEqualTo(1);
            assertThat(run.matchesStored()).isEqualTo(1);
            assertThat(run.candidatesRead()).isPositive();
            assertThat(run.keysQueried()).isPositive();
        });
        assertThat(fixture.lanes.pendingMatchRequest(load.laneId())).as("completed").isEmpty();
        assertThat(fixture.lanes.pendingMatchRequest(truck.laneId())).as("its own request not yet done").isPresent();
    }

    @Test
    void aNewTruckFindsTheOpenLoadAndTheSurplusIsTheBudgetLessTheOutOfRouteCost() {
        var load = fixture.postings.post(Postings.load(shipper.id()));
        var truck = fixture.postings.post(Postings.truck(carrier.id()));

        fixture.match(truck);

        var match = matchesOf(truck).getFirst();
        assertThat(match.loadLaneId().value()).isEqualTo(load.laneId());
        var explanation = match.explanation();
        Money expectedCost = MatchEconomics.perMile(carrier.profile().operatingCostPerMile(),
                explanation.outOfRouteMiles());
        assertThat(explanation.economics().surplus()).isEqualTo(Money.of(240_000, "USD").minus(expectedCost));
        assertThat(explanation.emptyMilesAvoided()).isGreaterThan(500);
    }

    @Test
    void aTruckCarryingItsCarriersFleetFuelEconomyGetsItsOwnCo2eForTheSameMatchAndSaysSo() {
        Partner other = fixture.carrier();
        var fleet = FleetFuelEconomy.byLoad(Fuel.DIESEL, 6.8, 5.2);
        var own = fixture.postings.post(Postings.truck(carrier.id()).withFleetFuelEconomy(fleet));
        var standard = fixture.postings.post(Postings.truck(other.id()));
        var load = fixture.postings.post(Postings.load(shipper.id()));

        fixture.match(load);

        var byTruck = matchesOf(load).stream().collect(java.util.stream.Collectors.toMap(
                match -> match.capacityLaneId().value(), Match::explanation));
        var withOwn = byTruck.get(own.laneId()).co2eAvoided();
        var withDefault = byTruck.get(standard.laneId()).co2eAvoided();
        assertThat(byTruck.get(own.laneId()).emptyMilesAvoided())
                .isCloseTo(byTruck.get(standard.laneId()).emptyMilesAvoided(), within(1e-9));
        // Same empty miles avoided, priced at 6.8 mpg empty instead of the default truck's 8.1.
        assertThat(withOwn.kgWellToWheel()).isCloseTo(withDefault.kgWellToWheel() * 8.1 / 6.8, within(1e-6));
        assertThat(withOwn.fuelEconomySource()).isEqualTo(FuelEconomySource.PARTNER_FLEET);
        assertThat(withOwn.fleetFuelEconomy()).isEqualTo(fleet);
        assertThat(withDefault.fuelEconomySource()).isEqualTo(FuelEconomySource.FACTOR_SET_DEFAULT);
        assertThat(withOwn.method()).isEqualTo(withDefault.method());
    }

    @Test
    void matchingBothLanesAndRedeliveringTheirRequestsStoresOneMatchForThePair() {
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        var load = fixture.postings.post(Postings.load(shipper.id()));
        var loadRequest = fixture.requestFor(load);

        fixture.deliver(loadRequest);
        fixture.match(truck);
        fixture.deliver(loadRequest);
        fixture.deliver(fixture.event("redelivered-match-request.json", Map.of("LANE_ID", truck.laneId(),
                "LANE_KIND", "CAPACITY", "MESSAGE_ID", "7f0c2b4e-6a8d-4e1f-9b3c-5d7e9f1a2b44")));

        assertThat(fixture.matchItems()).isEqualTo(1);
        assertThat(matchesOf(truck)).hasSize(1);
        assertThat(matchesOf(load)).hasSize(1);
    }

    @Test
    void aLoadWhosePickupWindowHasClosedIsNeverMatched() {
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        var load = fixture.postings.post(Postings.load(shipper.id()));
        fixture.clock.advance(Duration.between(fixture.clock.instant(), load.matchableUntil()));

        fixture.match(truck);

        assertThat(matchesOf(truck)).isEmpty();
        assertThat(fixture.matches.findRun(truck.laneId())).hasValueSatisfying(run -> {
            assertThat(run.candidatesRead()).as("still in the index until TTL removes it").isPositive();
            assertThat(run.candidatesEvaluated()).as("but not a candidate").isZero();
            assertThat(run.nearestRejections()).isEmpty();
        });
    }

    @Test
    void aWithdrawnTruckIsNeverMatchedAndAWithdrawnPostingIsNotMatchedAtAll() {
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        var load = fixture.postings.post(Postings.load(shipper.id()));
        fixture.lanes.changeStatus(truck.withStatus(LaneStatus.WITHDRAWN, fixture.clock.instant()), LaneStatus.OPEN);

        var forLoad = fixture.match(load);
        var forTruck = fixture.match(truck);

        assertThat(forLoad.getBatchItemFailures()).isEmpty();
        assertThat(forTruck.getBatchItemFailures()).isEmpty();
        assertThat(matchesOf(load)).isEmpty();
        assertThat(fixture.matchItems()).isZero();
        assertThat(fixture.matches.findRun(truck.laneId())).as("a withdrawn posting is not matched").isEmpty();
        assertThat(fixture.lanes.pendingMatchRequest(truck.laneId())).as("but its request is done").isEmpty();
    }

    @Test
    void aTruckAvailableSinceEarlierIsPlannedFromNowAndCannotReachAPickupInThePast() {
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        var load = fixture.postings.post(Postings.load(shipper.id(), Postings.FORT_WORTH, Postings.ST_LOUIS,
                38_000, Money.of(240_000, "USD")));
        Instant mondayHalfPastEleven = Postings.MONDAY_6AM.withHour(11).withMinute(30).toInstant();
        fixture.clock.advance(Duration.between(fixture.clock.instant(), mondayHalfPastEleven));

        fixture.match(load);

        assertThat(matchesOf(load)).isEmpty();
        assertThat(fixture.matches.findRun(load.laneId()).orElseThrow().nearestRejections()).singleElement()
                .satisfies(rejection -> assertThat(rejection.reasonCodes())
                        .contains(FeasibilityPolicies.PICKUP_WINDOW_MISSED));
        assertThat(truck.lane().availableFrom().toInstant()).isBefore(mondayHalfPastEleven);
    }

    @Test
    void aPostingWithoutAFeasibleCounterpartRecordsItsNearestRejectionsWithReasonCodes() {
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        fixture.postings.post(Postings.load(shipper.id(), Postings.DALLAS, Postings.ST_LOUIS, 46_000,
                Money.of(240_000, "USD")));
        fixture.postings.post(Postings.load(shipper.id(), Postings.DALLAS, Postings.DENVER, 30_000,
                Money.of(240_000, "USD")));

        fixture.match(truck);

        assertThat(matchesOf(truck)).isEmpty();
        var run = fixture.matches.findRun(truck.laneId()).orElseThrow();
        assertThat(run.feasibleCount()).isZero();
        assertThat(run.nearestRejections()).hasSize(2);
        assertThat(run.nearestRejections().get(0).reasonCodes()).containsExactly(FeasibilityPolicies.OVERWEIGHT);
        assertThat(run.nearestRejections().get(0).reasons().getFirst().field()).isEqualTo("/load/weightLbs");
        assertThat(run.nearestRejections().get(1).reasonCodes())
                .contains(FeasibilityPolicies.DESTINATION_DEADHEAD_EXCEEDED);
    }

    @Test
    void aTruckWhoseCarrierHasNoCostPerMileIsNotEvaluated() {
        var unknownCarrier = com.backhaulexchange.partner.PartnerExamples.newPartnerId();
        fixture.postings.post(Postings.truck(unknownCarrier));
        var load = fixture.postings.post(Postings.load(shipper.id()));

        fixture.match(load);

        assertThat(fixture.matches.findRun(load.laneId()).orElseThrow().candidatesEvaluated()).isZero();
    }

    @Test
    void onlyTheBestMatchesPerPostingAreStored() {
        fixture = new MatchEngineFixture(Map.of("MATCHES_PER_POSTING", "3"));
        carrier = fixture.carrier();
        shipper = fixture.shipper();
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        List<PostedLane.Load> loads = new java.util.ArrayList<>();
        for (int budget : new int[] {200_000, 240_000, 210_000, 230_000, 220_000}) {
            loads.add(fixture.postings.post(Postings.load(shipper.id(), Postings.DALLAS, Postings.ST_LOUIS, 38_000,
                    Money.of(budget, "USD"))));
        }

        fixture.match(truck);

        assertThat(matchesOf(truck)).extracting(match -> match.loadLaneId().value())
                .containsExactly(loads.get(1).laneId(), loads.get(3).laneId(), loads.get(4).laneId());
        var run = fixture.matches.findRun(truck.laneId()).orElseThrow();
        assertThat(run.feasibleCount()).isEqualTo(5);
        assertThat(run.matchesStored()).isEqualTo(3);
    }

    @Test
    void aSearchStopsAtTheConfiguredReadBudgetAndTheRunSaysSo() {
        fixture = new MatchEngineFixture(Map.of("CANDIDATE_READ_BUDGET", "3"));
        carrier = fixture.carrier();
        shipper = fixture.shipper();
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        for (int i = 0; i < 6; i++) {
            fixture.postings.post(Postings.load(shipper.id()));
        }

        fixture.match(truck);

        var run = fixture.matches.findRun(truck.laneId()).orElseThrow();
        assertThat(run.searchComplete()).isFalse();
        assertThat(run.candidatesRead()).isEqualTo(3);
        assertThat(run.feasibleCount()).isEqualTo(3);
        assertThat(matchesOf(truck)).hasSize(3);
    }

    @Test
    void aSearchWithinTheDefaultBudgetReadsEveryCandidate() {
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        for (int i = 0; i < 6; i++) {
            fixture.postings.post(Postings.load(shipper.id()));
        }

        fixture.match(truck);

        var run = fixture.matches.findRun(truck.laneId()).orElseThrow();
        assertThat(run.searchComplete()).isTrue();
        assertThat(run.feasibleCount()).isEqualTo(6);
    }

    @Test
    void aSuspendedShippersLoadIsNotMatchedAndItsOwnPostingFindsNothing() {
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        var load = fixture.postings.post(Postings.load(shipper.id()));
        fixture.partners.save(shipper.suspended("fraud review", fixture.clock.instant()), shipper.version());

        fixture.match(truck);
        fixture.match(load);

        assertThat(matchesOf(truck)).isEmpty();
        assertThat(matchesOf(load)).isEmpty();
        assertThat(fixture.matches.findRun(load.laneId()).orElseThrow().candidatesEvaluated()).isZero();
    }

    @Test
    void aSuspendedCarriersTruckIsNotMatchedUntilItIsReinstated() {
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        var suspended = carrier.suspended("insurance lapsed", fixture.clock.instant());
        fixture.partners.save(suspended, carrier.version());
        var load = fixture.postings.post(Postings.load(shipper.id()));

        fixture.match(load);
        assertThat(matchesOf(load)).isEmpty();

        fixture.partners.save(suspended.reinstated(fixture.clock.instant()), suspended.version());
        fixture.match(load);
        assertThat(matchesOf(load)).extracting(match -> match.capacityLaneId().value()).containsExactly(truck.laneId());
    }

    @Test
    void bothPartiesHearOfANewMatchOnceHoweverOftenItIsComputed() {
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        var load = fixture.postings.post(Postings.load(shipper.id()));

        fixture.match(load);
        fixture.match(truck);
        fixture.match(load);

        var notifications = fixture.notifications();
        assertThat(notifications).extracting(n -> n.type().name(), n -> n.recipient())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("MATCH_FOUND", carrier.id()),
                        org.assertj.core.groups.Tuple.tuple("MATCH_FOUND", shipper.id()));
        var match = matchesOf(load).getFirst();
        assertThat(notifications).allSatisfy(n -> assertThat(n.dataJson()).contains(match.id().value())
                .doesNotContain("240000"));
    }
}
