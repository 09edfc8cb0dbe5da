package com.backhaulexchange.function.matchengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.chain.ChainRejection;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.PackageStatus;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.testing.Postings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reload packages found by the match engine both ways (ADR 25): a truck at home in Indianapolis that must end there,
 * and three shippers' loads that take it round a triangle (Indianapolis → St. Louis, St. Louis → Chicago, Milwaukee
 * → Indianapolis). The later loads are not near the truck: the engine reads them from the candidate index near the
 * deliveries of the earlier ones.
 */
class PackagesTest {
    private MatchEngineFixture fixture;
    private Partner carrier;
    private List<Partner> shippers;

    @BeforeEach
    void freshTables() {
        fixture = new MatchEngineFixture();
        carrier = fixture.carrier();
        shippers = List.of(fixture.shipper(), fixture.shipper(), fixture.shipper());
    }

    private List<PostedLane.Load> postTriangle() {
        return Postings.triangleFromIndianapolis(shippers.get(0).id(), shippers.get(1).id(), shippers.get(2).id())
                .stream().map(fixture.postings::post).toList();
    }

    private List<PackageMatch> packagesOf(PostedLane lane) {
        return fixture.packages.rankedForLane(lane.laneId(), fixture.clock.instant(), 50, null).items();
    }

    private static List<LoadLaneId> ids(List<PostedLane.Load> loads) {
        return loads.stream().map(load -> load.lane().id()).toList();
    }

    @Test
    void aTruckHomeInIndianapolisIsOfferedTheTriangleOfThreeShippersLoadsInOrder() {
        var loads = postTriangle();
        var truck = fixture.postings.post(Postings.roundTrip(carrier.id(), Postings.INDIANAPOLIS));

        var response = fixture.match(truck);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(packagesOf(truck)).singleElement().satisfies(found -> {
            assertThat(found.loadLaneIds()).isEqualTo(ids(loads));
            assertThat(found.legs()).extracting(PackageMatch.Leg::shipper)
                    .containsExactly(shippers.get(0).id(), shippers.get(1).id(), shippers.get(2).id());
            assertThat(found.carrier()).isEqualTo(carrier.id());
            assertThat(found.isRoundTrip()).isTrue();
            assertThat(found.status()).isEqualTo(PackageStatus.PROPOSED);
            assertThat(found.explanation().economics().surplus().amountMinorUnits()).isPositive();
            assertThat(found.matchableUntil()).as("the first pickup window's close")
                    .isEqualTo(loads.getFirst().matchableUntil());
        });
        assertThat(fixture.matches.rankedForLane(truck.laneId(), fixture.clock.instant(), 50, null).items())
                .as("no load alone gets the truck home").isEmpty();
        assertThat(fixture.packages.findRun(truck.laneId())).hasValueSatisfying(run -> {
            assertThat(run.packagesStored()).isEqualTo(1);
            assertThat(run.keysQueried()).as("two waves beyond the origin's loads").isPositive();
            assertThat(run.candidatesRead()).isEqualTo(2);
            assertThat(run.search().candidatesGiven()).isEqualTo(3);
        });
    }

    @Test
    void aRedeliveredRequestAndTheLoadsOwnPostingsStoreThePackageOnce() {
        var loads = postTriangle();
        var truck = fixture.postings.post(Postings.roundTrip(carrier.id(), Postings.INDIANAPOLIS));
        var request = fixture.requestFor(truck);

        fixture.deliver(request);
        fixture.deliver(request);
        fixture.deliver(fixture.event("redelivered-match-request.json", Map.of("LANE_ID", truck.laneId(),
                "LANE_KIND", "CAPACITY", "MESSAGE_ID", "2b9e4c1a-6d3f-4a8e-9c7b-1e5f3a9d2c44")));
        loads.forEach(fixture::match);

        assertThat(fixture.items("PACKAGE")).isEqualTo(1);
        assertThat(fixture.items("PACKAGE_LINK")).isEqualTo(1);
        assertThat(fixture.items("PACKAGE_POINTER")).isEqualTo(3);
        assertThat(packagesOf(truck)).hasSize(1);
    }

    @Test
    void theCarrierAloneIsToldOfANewPackageOnceWhateverFindsItAgain() {
        var loads = postTriangle();
        var truck = fixture.postings.post(Postings.roundTrip(carrier.id(), Postings.INDIANAPOLIS));
        fixture.match(truck);
        var found = packagesOf(truck).getFirst();

        var told = fixture.notifications().stream()
                .filter(notification -> notification.type() == NotificationType.PACKAGE_FOUND).toList();
        assertThat(told).singleElement().satisfies(notification -> {
            assertThat(notification.recipient()).isEqualTo(carrier.id());
            assertThat(notification.dataJson()).contains("\"packageId\":\"" + found.id().value() + "\"")
                    .contains("\"yourLaneId\":\"" + truck.laneId() + "\"").contains("\"loadCount\":3")
                    .doesNotContain(shippers.getFirst().id().value());
        });

        fixture.match(truck);
        loads.forEach(fixture::match);
        assertThat(fixture.notifications()).noneMatch(notification ->
                notification.type() == NotificationType.PACKAGE_FOUND);
    }

    @Test
    void theLastLoadOfTheTrianglePostedAfterTheTruckCompletesItsChain() {
        var truck = fixture.postings.post(Postings.roundTrip(carrier.id(), Postings.INDIANAPOLIS));
        fixture.match(truck);
        assertThat(packagesOf(truck)).isEmpty();

        var loads = postTriangle();
        loads.forEach(fixture::match);

        assertThat(packagesOf(truck)).singleElement().satisfies(found ->
                assertThat(found.loadLaneIds()).isEqualTo(ids(loads)));
    }

    @Test
    void aTruckWhoseOnlyChainBreaksAPickupWindowIsToldWhichLegAndWhy() {
        var loads = Postings.brokenPairFromDallas(shippers.get(0).id(), shippers.get(1).id()).stream()
                .map(fixture.postings::post).toList();
        var truck = fixture.postings.post(Postings.roundTrip(carrier.id(), Postings.DALLAS));

        fixture.match(truck);

        assertThat(packagesOf(truck)).isEmpty();
        assertThat(fixture.packages.findRun(truck.laneId())).hasValueSatisfying(run -> {
            assertThat(run.packagesStored()).isZero();
            assertThat(run.nearestRejected()).isNotEmpty();
            assertThat(run.nearestRejected().getFirst().rejections())
                    .extracting(ChainRejection::loadIndex, ChainRejection::reasonCode)
                    .contains(tuple(1, "PICKUP_WINDOW_MISSED"));
            assertThat(run.nearestRejected().getFirst().legs()).hasSize(2);
        });
        assertThat(loads).hasSize(2);
    }

    @Test
    void withdrawingALoadRetractsThePackageForGoodAndANewRunDoesNotProposeItAgain() {
        var loads = postTriangle();
        var truck = fixture.postings.post(Postings.roundTrip(carrier.id(), Postings.INDIANAPOLIS));
        fixture.match(truck);
        var found = packagesOf(truck).getFirst();

        var middle = loads.get(1);
        fixture.lanes.changeStatus(middle.withStatus(LaneStatus.WITHDRAWN, fixture.clock.instant()), LaneStatus.OPEN);
        assertThat(fixture.packages.retractAllOf(middle.laneId(), fixture.clock.instant())).isEqualTo(1);
        fixture.match(truck);

        assertThat(packagesOf(truck)).isEmpty();
        assertThat(fixture.packages.find(found.id())).hasValueSatisfying(retracted -> {
            assertThat(retracted.status()).isEqualTo(PackageStatus.RETRACTED);
            assertThat(retracted.retractedAt()).isEqualTo(fixture.clock.instant());
        });
        assertThat(fixture.items("PACKAGE_POINTER")).isZero();
        assertThat(fixture.packages.retractAllOf(middle.laneId(), fixture.clock.instant())).isZero();
    }

    @Test
    void aStoredPackageReadsBackAsItWasComputed() {
        postTriangle();
        var truck = fixture.postings.post(Postings.roundTrip(carrier.id(), Postings.INDIANAPOLIS));
        fixture.match(truck);

        var listed = packagesOf(truck).getFirst();
        assertThat(fixture.packages.find(listed.id())).contains(listed);
        assertThat(listed.explanation().schedule()).hasSize(7);
        assertThat(listed.explanation().drivePlan().stops()).hasSize(7);
    }

}
