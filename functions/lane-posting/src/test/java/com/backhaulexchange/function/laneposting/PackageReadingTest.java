package com.backhaulexchange.function.laneposting;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.negotiation.Delegation;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.chain.ChainMiles;
import com.backhaulexchange.matching.chain.ChainRejection;
import com.backhaulexchange.matching.chain.ChainSearch;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.PackageRun;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.Reply;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The package routes of the posting function (ADR 25): the carrier reads its truck's packages through the lane and
 * by id, a broker holding its delegation reads them too, nobody else can tell them from unknown ids, and a
 * withdrawn load retracts the package. (The match engine stores packages; here one is stored as it would, from
 * the chain search over the posted lanes.)
 */
class PackageReadingTest {
    private static final Money CARRIER_COST = Money.of(212, "USD");

    private LanePostingFixture fixture;
    private Caller carrier;
    private List<Caller> shippers;
    private PostedLane.Capacity truck;
    private List<PostedLane.Load> loads;
    private PackageMatch triangle;

    @BeforeEach
    void aTruckAtHomeAndTheTriangleOfThreeShippersLoads() {
        fixture = new LanePostingFixture();
        carrier = Caller.carrier();
        shippers = List.of(Caller.shipper(), Caller.shipper(), Caller.shipper());
        var postings = new Postings(fixture.lanes, fixture.clock);
        truck = postings.post(Postings.roundTrip(carrier.partnerId(), Postings.INDIANAPOLIS));
        loads = Postings.triangleFromIndianapolis(shippers.get(0).partnerId(), shippers.get(1).partnerId(),
                shippers.get(2).partnerId()).stream().map(postings::post).toList();
        var result = new ChainSearch(MatchingConfig.DEFAULT).search(truck.lane(), CARRIER_COST,
                loads.stream().map(PostedLane.Load::lane).toList(), 5);
        assertThat(result.best()).as("the triangle is the truck's only package").hasSize(1);
        triangle = PackageMatch.proposed(truck, loads, result.best().getFirst(), fixture.clock.instant());
        assertThat(fixture.packages.save(triangle, fixture.clock.instant())).isTrue();
    }

    @Test
    void aPackageTheBatchOptimiserRecommendsCarriesTheMarkInTheListAndById() {
        assertThat(listAs(carrier, truck.laneId()).json().path("items").path(0).has("recommendation"))
                .as("no mark before the optimiser chose it").isFalse();
        var region = com.backhaulexchange.matching.MatchingRegion.of(truck);
        assertThat(fixture.packages.recommend(triangle.id(),
                new com.backhaulexchange.matching.Match.Recommendation(fixture.clock.instant(), region))).isTrue();

        var listed = listAs(carrier, truck.laneId()).json().path("items").path(0).path("recommendation");
        assertThat(listed.path("region").asText()).isEqualTo(region.value());
        assertThat(listed.path("recommendedAt").asText()).isEqualTo(fixture.clock.instant().toString());
        assertThat(getAs(carrier, triangle.id().value()).json().path("recommendation")).isEqualTo(listed);

        assertThat(fixture.packages.recommend(triangle.id(), null)).isTrue();
        assertThat(getAs(carrier, triangle.id().value()).json().has("recommendation")).isFalse();
    }

    private Reply listAs(Caller caller, String laneId) {
        return fixture.send("list-packages-of-capacity-lane.json", caller.values("PATH_LANE_ID", laneId));
    }

    private Reply getAs(Caller caller, String packageId) {
        return fixture.send("get-package.json", caller.values("PATH_PACKAGE_ID", packageId));
    }

    @Test
    void theCarrierSeesTheTriangleWithItsLoadsInOrderExplainedLegByLegWithoutAnyBudget() {
        Reply reply = listAs(carrier, truck.laneId());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("search").path("status").asText()).isEqualTo("PENDING");
        var item = reply.json().path("items").path(0);
        assertThat(item.path("packageId").asText()).isEqualTo(triangle.id().value());
        assertThat(item.path("roundTrip").asBoolean()).isTrue();
        assertThat(item.path("legs").findValuesAsText("loadLaneId"))
                .containsExactly(loads.get(0).laneId(), loads.get(1).laneId(), loads.get(2).laneId());
        assertThat(item.path("legs").findValuesAsText("shipperPartnerId")).containsExactly(
                shippers.get(0).partnerId().value(), shippers.get(1).partnerId().value(),
                shippers.get(2).partnerId().value());
        var explanation = item.path("explanation");
        assertThat(explanation.path("baselineEmptyMiles").asDouble()).isZero();
        assertThat(explanation.path("reloadDeadheadMiles").asDouble()).isEqualTo(99.8);
        assertThat(explanation.path("emptyMilesAvoided").asDouble()).isEqualTo(-99.8);
        assertThat(explanation.path("schedule")).hasSize(7);
        assertThat(explanation.path("schedule").path(6).path("kind").asText()).isEqualTo("END");
        assertThat(explanation.path("drivePlan").path("stops")).hasSize(7);
        assertThat(item.path("legs").findValuesAsText("priceSource")).containsOnly("MARKET_RATE");
        assertThat(item.path("legs").findValuesAsText("costSource")).containsOnly("CARRIER_COST");
        long costShares = 0;
        for (var leg : item.path("legs")) {
            costShares += leg.path("economics").path("carrierCostShare").path("amountMinorUnits").asLong();
        }
        assertThat(costShares).as("the shares add up to the chain's cost").isEqualTo(
                explanation.path("economics").path("carrierIncrementalCost").path("amountMinorUnits").asLong());
        assertThat(reply.body()).as("no shipper's budget").doesNotContain("\"amountMinorUnits\":90000")
                .doesNotContain("\"amountMinorUnits\":100000").doesNotContain("BUDGET");

        Reply byId = getAs(carrier, triangle.id().value());
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json()).isEqualTo(item);
    }

    @Test
    void aBrokerHoldingTheCarriersDelegationReadsThePackagesUntilItIsRevoked() {
        Caller broker = Caller.broker();
        var granted = Delegation.granted(carrier.partnerId(), broker.partnerId(), fixture.clock.instant());
        fixture.delegations.save(granted);

        assertThat(listAs(broker, truck.laneId()).json().path("items").path(0).path("packageId").asText())
                .isEqualTo(triangle.id().value());
        assertThat(getAs(broker, triangle.id().value()).status()).isEqualTo(200);

        fixture.delegations.save(granted.revoked(fixture.clock.instant()));
        assertThat(listAs(broker, truck.laneId()).status()).isEqualTo(404);
        assertThat(getAs(broker, triangle.id().value()).status()).isEqualTo(404);
    }

    @Test
    void anyoneElseGetsTheAnswerOfAnUnknownLaneOrPackage() {
        Caller stranger = Caller.carrier();
        Caller brokerWithoutDelegation = Caller.broker();
        Reply unknownLane = listAs(stranger, "01JDZZZZZZZZZZZZZZZZZZZZZZ");
        Reply unknownPackage = getAs(stranger, "0123456789abcdef0123456789abcdef");

        for (Caller other : List.of(stranger, brokerWithoutDelegation, shippers.getFirst())) {
            Reply lane = listAs(other, truck.laneId());
            Reply found = getAs(other, triangle.id().value());
            assertThat(lane.status()).isEqualTo(404);
            assertThat(lane.json().path("detail")).isEqualTo(unknownLane.json().path("detail"));
            assertThat(found.status()).isEqualTo(404);
            assertThat(found.json().path("detail")).isEqualTo(unknownPackage.json().path("detail"));
        }
        assertThat(listAs(shippers.getFirst(), loads.getFirst().laneId()).status())
                .as("a load lane has no packages, even for its owner").isEqualTo(404);
        assertThat(getAs(carrier, "not-a-package-id").status()).isEqualTo(404);
        assertThat(listAs(carrier, "not-a-lane-id").status()).isEqualTo(404);
    }

    @Test
    void theNearestRejectedChainsSayWhichLegBreaksWhatWithoutTheShippersFigures() {
        var rejected = new PackageRun.RejectedPackage(List.of(new ChainMiles.LoadMiles(0, 270.44),
                new ChainMiles.LoadMiles(0, 270.44)), 0, 0, triangle.explanation().schedule().subList(0, 5),
                List.of(new ChainRejection(1, new Decision.Rejected("PICKUP_WINDOW_MISSED",
                                "The truck reaches load 2's pickup 1 h 24 min after its window closes.",
                                "/loads/1/pickupWindow/closesAt")),
                        new ChainRejection(0, new Decision.Rejected("NO_SURPLUS", "The carrier's cost of 1234.56 USD"
                                + " charged to load 1 is not below its price of 999.00 USD.",
                                "/loads/0/budget/amountMinorUnits"))));
        fixture.packages.saveRun(new PackageRun(truck.laneId(), fixture.clock.instant(), 12, 3, true,
                new ChainSearch.Stats(3, 3, 9, 1, 2, false), 1, 1, List.of(rejected)));

        Reply reply = listAs(carrier, truck.laneId());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("search").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(reply.json().path("search").path("keysQueried").asInt()).isEqualTo(12);
        var nearest = reply.json().path("nearestRejected").path(0);
        assertThat(nearest.path("legs").path(1).path("reasonCodes").toString()).contains("PICKUP_WINDOW_MISSED");
        assertThat(nearest.path("legs").path(0).path("reasonCodes").toString()).contains("NO_SURPLUS");
        assertThat(nearest.path("legs").path(0).path("loadedMiles").asDouble()).isEqualTo(270.4);
        assertThat(nearest.path("reasons").path(1).path("pointer").asText()).isEqualTo("/loads/0/budget");
        assertThat(reply.body()).doesNotContain("999.00").doesNotContain("1234.56");
    }

    @Test
    void withdrawingALoadRetractsThePackageForItsCarrier() {
        var withdrawn = fixture.send("withdraw-own-lane.json", shippers.get(1).values("PATH_LANE_ID",
                loads.get(1).laneId()));
        assertThat(withdrawn.status()).isEqualTo(200);

        assertThat(listAs(carrier, truck.laneId()).json().path("items")).isEmpty();
        Reply byId = getAs(carrier, triangle.id().value());
        assertThat(byId.json().path("status").asText()).isEqualTo("RETRACTED");
        assertThat(byId.json().path("retractedAt").asText()).isEqualTo(fixture.clock.instant().toString());
    }
}
