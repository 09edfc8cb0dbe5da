package com.backhaulexchange.function.negotiationbooking;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.dynamodb.DynamoDbNetworkStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPackageRepository;
import com.backhaulexchange.deal.network.NetworkEntry;
import com.backhaulexchange.deal.network.NetworkWeek;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.partner.PartnerId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.chain.ChainExplanation;
import com.backhaulexchange.matching.chain.ChainSearch;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Booking a reload package through the function (ADR 32), on DynamoDB Local and ElasticMQ, every request on an
 * events/ sample and every response through the OpenAPI validator: a carrier opens a deal on a triangle of three
 * shippers' loads, each shipper sees and answers only its own load, the last acceptance books every lane at once
 * (one booking per load); a decline fails it for everyone; a lane taken meanwhile fails it SUPERSEDED with nothing
 * booked; single-match bookings and package bookings supersede each other.
 */
class PackageDealApiTest {
    private static final Money CARRIER_COST = Money.of(212, "USD");

    private DealFixture fixture;
    private DealFixture.Caller carrier;
    private List<DealFixture.Caller> shippers;
    private PostedLane.Capacity truck;
    private List<PostedLane.Load> loads;
    private PackageMatch triangle;

    @BeforeEach
    void aTruckAtHomeInIndianapolisAndATriangleOfThreeShippersLoads() {
        fixture = new DealFixture();
        carrier = fixture.carrier();
        shippers = List.of(fixture.shipper(), fixture.shipper(), fixture.shipper());
        truck = fixture.postings.post(Postings.roundTrip(carrier.partner().id(), Postings.INDIANAPOLIS));
        loads = Postings.triangleFromIndianapolis(shippers.get(0).partner().id(), shippers.get(1).partner().id(),
                shippers.get(2).partner().id()).stream().map(fixture.postings::post).toList();
        var result = new ChainSearch(MatchingConfig.DEFAULT).search(truck.lane(), CARRIER_COST,
                loads.stream().map(PostedLane.Load::lane).toList(), 5);
        triangle = PackageMatch.proposed(truck, loads, result.best().getFirst(), fixture.clock.instant());
        assertThat(new DynamoDbPackageRepository(fixture.dynamoDb, fixture.lanesTable)
                .save(triangle, fixture.clock.instant())).isTrue();
    }

    private String offers(long... cents) {
        var text = new StringBuilder("[");
        for (int i = 0; i < cents.length; i++) {
            text.append(i == 0 ? "" : ",").append("{\"amount\": {\"amountMinorUnits\": ").append(cents[i])
                    .append(", \"currency\": \"USD\"}, \"expiresAt\": \"")
                    .append(fixture.clock.instant().plusSeconds(7_200)).append("\"}");
        }
        return text.append("]").toString();
    }

    private Reply open(DealFixture.Caller caller, String offers) {
        return fixture.send("open-package-deal.json", caller, "PATH_PACKAGE_ID", triangle.id().value(), "OFFERS",
                offers);
    }

    private String openedDeal() {
        Reply opened = open(carrier, offers(100_000, 110_000, 120_000));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().path("dealId").asText();
    }

    private Reply get(DealFixture.Caller caller, String dealId) {
        return fixture.send("get-package-deal.json", caller, "PATH_DEAL_ID", dealId);
    }

    private Reply onLeg(String verb, DealFixture.Caller caller, String dealId, int leg) {
        return fixture.send(verb + "-package-leg.json", caller, "PATH_DEAL_ID", dealId, "PATH_LEG_INDEX",
                Integer.toString(leg));
    }

    private String laneStatus(String laneId) {
        return fixture.lanes.findLane(laneId).orElseThrow().effectiveStatus(fixture.clock.instant()).name();
    }

    @Test
    void theLastAcceptanceAsksTheComplianceGateForEveryLoadAndARefusalWritesNothing() {
        String dealId = openedDeal();
        assertThat(onLeg("accept", shippers.get(0), dealId, 0).status()).isEqualTo(200);
        assertThat(onLeg("accept", shippers.get(2), dealId, 2).status()).isEqualTo(200);
        // The middle load's shipper asks more auto liability than the carrier carries (USD 1,000,000).
        assertThat(fixture.send("set-carrier-requirements.json", shippers.get(1), "AUTO_CENTS", "200000000",
                "CARGO_CENTS", "10000000").status()).isEqualTo(200);
        var negotiationsBefore = scan(fixture.negotiationsTable);
        var lanesBefore = scan(fixture.lanesTable);
        fixture.notifications();

        Reply refused = onLeg("accept", shippers.get(1), dealId, 1);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("reasonCode").asText()).isEqualTo("INSURANCE_BELOW_REQUIRED_COVERAGE");
        assertThat(scan(fixture.negotiationsTable)).containsExactlyInAnyOrderElementsOf(negotiationsBefore);
        assertThat(scan(fixture.lanesTable)).containsExactlyInAnyOrderElementsOf(lanesBefore);
        assertThat(fixture.notifications()).isEmpty();

        assertThat(fixture.send("set-carrier-requirements.json", shippers.get(1), "AUTO_CENTS", "100000000",
                "CARGO_CENTS", "10000000").status()).isEqualTo(200);
        Reply booked = onLeg("accept", shippers.get(1), dealId, 1);
        assertThat(booked.json().path("status").asText()).as(booked.toString()).isEqualTo("BOOKED");
    }

    private java.util.List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> scan(
            String table) {
        return fixture.dynamoDb.scanPaginator(request -> request.tableName(table).consistentRead(true)).items()
                .stream().toList();
    }

    @Test
    void eachShipperSeesOnlyItsLoadAndTheLastAcceptanceBooksEveryLaneAtOnce() {
        String dealId = openedDeal();
        fixture.notifications();

        Reply forCarrier = get(carrier, dealId);
        assertThat(forCarrier.json().path("yourSide").asText()).isEqualTo("CARRIER");
        assertThat(forCarrier.json().path("legs").findValuesAsText("loadLaneId"))
                .containsExactly(loads.get(0).laneId(), loads.get(1).laneId(), loads.get(2).laneId());

        Reply forShipper = get(shippers.get(1), dealId);
        assertThat(forShipper.status()).isEqualTo(200);
        JsonNode own = forShipper.json();
        assertThat(own.path("yourSide").asText()).isEqualTo("SHIPPER");
        assertThat(own.path("loadsInPackage").asInt()).isEqualTo(3);
        assertThat(own.path("legs")).hasSize(1);
        assertThat(own.path("legs").path(0).path("legIndex").asInt()).isEqualTo(1);
        assertThat(forShipper.body()).as("never another load, its shipper or its price")
                .doesNotContain(loads.get(0).laneId()).doesNotContain(loads.get(2).laneId())
                .doesNotContain(shippers.get(0).id()).doesNotContain(shippers.get(2).id())
                .doesNotContain("100000").doesNotContain("120000").doesNotContain(carrier.id());

        Reply othersLeg = onLeg("accept", shippers.get(0), dealId, 1);
        assertThat(othersLeg.status()).as("another load's shipper cannot tell the leg exists").isEqualTo(404);

        assertThat(onLeg("accept", shippers.get(0), dealId, 0).json().path("status").asText()).isEqualTo("OPEN");
        assertThat(onLeg("accept", shippers.get(2), dealId, 2).json().path("status").asText()).isEqualTo("OPEN");
        assertThat(laneStatus(truck.laneId())).isEqualTo("OPEN");
        Reply last = onLeg("accept", shippers.get(1), dealId, 1);

        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        assertThat(last.json().path("status").asText()).isEqualTo("BOOKED");
        assertThat(last.json().path("bookingIds")).as("the shipper is told its own booking only").hasSize(1);
        assertThat(get(carrier, dealId).json().path("status").asText()).isEqualTo("BOOKED");
        assertThat(laneStatus(truck.laneId())).isEqualTo("BOOKED");
        loads.forEach(load -> assertThat(laneStatus(load.laneId())).isEqualTo("BOOKED"));
        for (int i = 0; i < 3; i++) {
            Reply bookings = fixture.send("list-bookings.json", shippers.get(i));
            assertThat(bookings.json().path("items")).hasSize(1);
            JsonNode booking = bookings.json().path("items").path(0);
            assertThat(booking.path("loadLaneId").asText()).isEqualTo(loads.get(i).laneId());
            assertThat(booking.path("capacityLaneId").asText()).isEqualTo(truck.laneId());
            assertThat(booking.path("negotiationId").asText()).isEqualTo(dealId);
            assertThat(booking.path("status").asText()).isEqualTo("BOOKED");
            assertThat(booking.path("agreedAmount").path("amountMinorUnits").asLong()).isEqualTo(100_000 + 10_000 * i);
        }
        assertThat(fixture.send("list-bookings.json", carrier).json().path("items")).hasSize(3);

        List<Notification> sent = fixture.notifications();
        assertThat(sent).filteredOn(n -> n.type() == NotificationType.PACKAGE_BOOKED).hasSize(4);
        assertThat(sent).filteredOn(n -> n.type() == NotificationType.PACKAGE_LEG_ACCEPTED).hasSize(3)
                .allMatch(n -> n.recipient().equals(carrier.partner().id()));
        assertThat(sent).filteredOn(n -> n.type() == NotificationType.BOOKING_CONFIRMED).hasSize(6);
        for (int i = 0; i < 3; i++) {
            var recipient = shippers.get(i).partner().id();
            int other = (i + 1) % 3;
            assertThat(sent).filteredOn(n -> n.recipient().equals(recipient))
                    .allMatch(n -> !n.dataJson().contains(loads.get(other).laneId()));
        }
    }

    @Test
    void deliveredPackageLoadsCountTheirShareOfTheChainInEachPartysOutcomes() {
        String dealId = openedDeal();
        onLeg("accept", shippers.get(0), dealId, 0);
        onLeg("accept", shippers.get(2), dealId, 2);
        assertThat(onLeg("accept", shippers.get(1), dealId, 1).json().path("status").asText()).isEqualTo("BOOKED");
        var chain = triangle.explanation();
        var stops = chain.schedule();
        fixture.clock.set(stops.getLast().at().toInstant().plusSeconds(3_600));
        java.time.LocalDate first = null;
        java.time.LocalDate last = null;
        for (int i = 0; i < 3; i++) {
            String bookingId = fixture.send("list-bookings.json", shippers.get(i)).json().path("items").path(0)
                    .path("bookingId").asText();
            int load = i;
            var pickup = stops.stream().filter(stop -> stop.kind() == ChainExplanation.StopKind.PICKUP
                    && stop.loadIndex() == load).findFirst().orElseThrow().at().toInstant();
            var delivery = stops.stream().filter(stop -> stop.kind() == ChainExplanation.StopKind.DELIVERY
                    && stop.loadIndex() == load).findFirst().orElseThrow().at().toInstant();
            Reply pickedUp = fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                    pickup.toString());
            assertThat(pickedUp.status()).as(pickedUp.toString()).isEqualTo(200);
            Reply delivered = fixture.send("record-delivery.json", carrier, "PATH_BOOKING_ID", bookingId,
                    "ACTUAL_TIME", delivery.toString());
            assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
            var day = delivery.atZone(ZoneOffset.UTC).toLocalDate();
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
        }

        Reply ofCarrier = fixture.send("get-outcomes.json", carrier, "FROM", first.toString(), "TO", last.toString(),
                "GRANULARITY", "WEEK");
        assertThat(ofCarrier.status()).as(ofCarrier.toString()).isEqualTo(200);
        JsonNode carried = ofCarrier.json().path("roles").path(0).path("totals");
        assertThat(carried.path("loadsMoved").asLong()).isEqualTo(3);
        assertThat(carried.path("emptyMilesAvoided").asDouble()).as("the chain's, not three single matches'")
                .isCloseTo(chain.emptyMilesAvoided(), org.assertj.core.api.Assertions.within(0.1));
        assertThat(carried.path("emptyMilesDriven").asDouble())
                .isCloseTo(chain.miles().totalDeadheadMiles(), org.assertj.core.api.Assertions.within(0.1));
        assertThat(carried.path("surplus").path(0).path("amountMinorUnits").asLong())
                .as("what the three loads paid, less the chain's cost to the carrier")
                .isEqualTo(100_000 + 110_000 + 120_000 - chain.economics().carrierIncrementalCost().amountMinorUnits());
        for (int i = 0; i < 3; i++) {
            Reply ofShipper = fixture.send("get-outcomes.json", shippers.get(i), "FROM", first.toString(), "TO",
                    last.toString(), "GRANULARITY", "WEEK");
            JsonNode shipped = ofShipper.json().path("roles").path(0).path("totals");
            assertThat(shipped.path("loadsMoved").asLong()).isEqualTo(1);
            assertThat(shipped.path("surplus").path(0).path("amountMinorUnits").asLong())
                    .as("its own load's price less what it agreed")
                    .isEqualTo(chain.economics().perLoad().get(i).shipperPrice().amountMinorUnits()
                            - (100_000 + 10_000 * i));
        }
    }

    @Test
    void eachBookingOfAPackageCountsInTheNetworkFiguresAsASingleBookingDoesAndAFailedDealCountsNone() {
        var network = new DynamoDbNetworkStore(fixture.dynamoDb, fixture.analyticsTable);
        NetworkWeek week = NetworkWeek.of(fixture.clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
        String dealId = openedDeal();
        onLeg("accept", shippers.get(0), dealId, 0);
        onLeg("accept", shippers.get(2), dealId, 2);
        assertThat(bookingsByRegion(network.allRegions(week, week))).as("nothing booked yet").isEmpty();

        assertThat(onLeg("accept", shippers.get(1), dealId, 1).json().path("status").asText()).isEqualTo("BOOKED");

        List<NetworkEntry> entries = network.allRegions(week, week);
        Map<MatchingRegion, Long> expected = new HashMap<>();
        loads.forEach(load -> expected.merge(MatchingRegion.of(load), 1L, Long::sum));
        assertThat(bookingsByRegion(entries)).as("one booking per load, in its pickup region and the booking's week")
                .isEqualTo(expected);
        Set<PartnerId> partners = new HashSet<>();
        entries.forEach(entry -> partners.addAll(entry.counters().partners()));
        assertThat(partners).contains(carrier.partner().id(), shippers.get(0).partner().id(),
                shippers.get(1).partner().id(), shippers.get(2).partner().id());
        assertThat(entries.stream().mapToLong(entry -> entry.counters().deliveries()).sum()).isZero();
    }

    @Test
    void aPackageBookedWhileRecommendedCountsAsOneOptionOfThePlanBookedWithItsLoadsInItsPlansRegion() {
        MatchingRegion truckRegion = MatchingRegion.of(truck);
        assertThat(new DynamoDbPackageRepository(fixture.dynamoDb, fixture.lanesTable).recommend(triangle.id(),
                new Match.Recommendation(fixture.clock.instant(), truckRegion))).isTrue();
        NetworkWeek week = NetworkWeek.of(fixture.clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
        String dealId = openedDeal();
        for (int leg = 0; leg < 3; leg++) {
            onLeg("accept", shippers.get(leg), dealId, leg);
        }

        var entries = new DynamoDbNetworkStore(fixture.dynamoDb, fixture.analyticsTable).allRegions(week, week);
        var plan = entries.stream().filter(entry -> entry.region().equals(truckRegion)).findFirst().orElseThrow()
                .counters().plan();
        assertThat(plan.recommendedOptionsBooked()).isEqualTo(1);
        assertThat(plan.recommendedLoadsBooked()).isEqualTo(3);
        assertThat(plan.emptyMilesAvoidedBookedOfPlan()).isEqualTo(triangle.score().emptyMilesAvoided());
        assertThat(plan.surplusBookedOfPlanByCurrency())
                .containsExactly(Map.entry("USD", triangle.score().surplus().amountMinorUnits()));
        assertThat(entries.stream().mapToLong(entry -> entry.counters().plan().recommendedOptionsBooked()).sum())
                .as("counted once, in the plan's region").isEqualTo(1);
    }

    private static Map<MatchingRegion, Long> bookingsByRegion(List<NetworkEntry> entries) {
        Map<MatchingRegion, Long> bookings = new HashMap<>();
        entries.stream().filter(entry -> entry.counters().bookings() > 0)
                .forEach(entry -> bookings.merge(entry.region(), entry.counters().bookings(), Long::sum));
        return bookings;
    }

    @Test
    void theOpeningSendsEachShipperItsOwnOfferOnlyAndRefusesAWrongNumberOfOffersWritingNothing() {
        Reply tooFew = open(carrier, offers(100_000, 110_000));
        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(tooFew.body()).contains("ONE_OFFER_PER_LOAD");
        Reply badAmount = open(carrier, "[{\"amount\": {\"amountMinorUnits\": -5, \"currency\": \"USD\"}, "
                + "\"expiresAt\": \"" + fixture.clock.instant().plusSeconds(7_200) + "\"}, "
                + offers(1).substring(1, offers(1).length() - 1) + ", " + offers(1).substring(1));
        assertThat(badAmount.status()).as(badAmount.toString()).isEqualTo(400);
        assertThat(badAmount.body()).contains("/offers/0/amount");
        assertThat(fixture.notifications()).isEmpty();

        String dealId = openedDeal();
        List<Notification> sent = fixture.notifications();
        assertThat(sent).hasSize(3).allMatch(n -> n.type() == NotificationType.PACKAGE_OFFER_RECEIVED);
        assertThat(sent).extracting(Notification::recipient)
                .containsExactlyInAnyOrder(shippers.get(0).partner().id(), shippers.get(1).partner().id(),
                        shippers.get(2).partner().id());
        assertThat(open(carrier, offers(100_000, 110_000, 120_000)).status())
                .as("one open deal per package").isEqualTo(409);
        assertThat(get(carrier, dealId).status()).isEqualTo(200);
    }

    @Test
    void eachPartyListsItsPackageDealsAsItsSideSeesThemAndAnotherPartnersDealIsAbsent() {
        var stranger = fixture.carrier();
        assertThat(fixture.send("list-package-deals.json", carrier).json().path("items")).isEmpty();
        String dealId = openedDeal();

        JsonNode forCarrier = fixture.send("list-package-deals.json", carrier).json();
        assertThat(forCarrier.path("items")).hasSize(1);
        assertThat(forCarrier.path("items").path(0)).as("the list shows each deal as the deal's own page does")
                .isEqualTo(get(carrier, dealId).json());
        assertThat(forCarrier.path("items").path(0).path("legs")).hasSize(3);

        Reply forShipper = fixture.send("list-package-deals.json", shippers.get(1));
        assertThat(forShipper.status()).as(forShipper.toString()).isEqualTo(200);
        assertThat(forShipper.json().path("items")).hasSize(1);
        JsonNode own = forShipper.json().path("items").path(0);
        assertThat(own).isEqualTo(get(shippers.get(1), dealId).json());
        assertThat(own.path("yourSide").asText()).isEqualTo("SHIPPER");
        assertThat(own.path("legs").findValuesAsText("legIndex")).containsExactly("1");
        assertThat(forShipper.body()).as("never another load, its shipper or its price")
                .doesNotContain(loads.get(0).laneId()).doesNotContain(loads.get(2).laneId())
                .doesNotContain(shippers.get(0).id()).doesNotContain(shippers.get(2).id())
                .doesNotContain("100000").doesNotContain("120000").doesNotContain(carrier.id());

        assertThat(fixture.send("list-package-deals.json", stranger).json().path("items"))
                .as("another partner's deal is absent, not refused").isEmpty();

        // Every change rewrites the copies: a counter and a decline are what each party's list reads next.
        onLeg("decline", shippers.get(2), dealId, 2);
        for (var party : List.of(carrier, shippers.get(0), shippers.get(1), shippers.get(2))) {
            JsonNode listed = fixture.send("list-package-deals.json", party).json().path("items").path(0);
            assertThat(listed.path("status").asText()).isEqualTo("FAILED");
            assertThat(listed).isEqualTo(get(party, dealId).json());
        }
        // A millisecond later: ULIDs of the same millisecond are not ordered among themselves.
        fixture.clock.set(fixture.clock.instant().plusMillis(1));
        String second = openedDeal();
        assertThat(fixture.send("list-package-deals.json", shippers.get(0)).json().path("items")
                .findValuesAsText("dealId")).as("newest first").containsExactly(second, dealId);
    }

    @Test
    void strangersAndShippersCannotOpenAndAnyoneElseCannotTellADealFromAnUnknownOne() {
        assertThat(open(shippers.get(0), offers(1, 2, 3)).status()).isEqualTo(404);
        assertThat(open(fixture.carrier(), offers(1, 2, 3)).status()).isEqualTo(404);
        String dealId = openedDeal();
        var stranger = fixture.carrier();
        Reply foreign = get(stranger, dealId);
        Reply unknown = get(stranger, "01JDZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().path("detail")).isEqualTo(unknown.json().path("detail"));
        assertThat(fixture.send("withdraw-package-deal.json", shippers.get(0), "PATH_DEAL_ID", dealId).status())
                .as("a shipper of the deal is not the carrier's side").isEqualTo(403);
        assertThat(onLeg("accept", carrier, dealId, 0).status()).as("the carrier's own offer").isEqualTo(409);
        assertThat(onLeg("accept", stranger, dealId, 7).status()).isEqualTo(404);
    }

    @Test
    void aDeclineFailsThePackageForEveryoneAndEachShipperLearnsOnlyWhetherItWasItsLoad() {
        String dealId = openedDeal();
        onLeg("accept", shippers.get(0), dealId, 0);
        fixture.notifications();

        Reply declined = onLeg("decline", shippers.get(2), dealId, 2);

        assertThat(declined.json().path("status").asText()).isEqualTo("FAILED");
        assertThat(declined.json().path("failure").path("onYourLoad").asBoolean()).isTrue();
        JsonNode forFirst = get(shippers.get(0), dealId).json();
        assertThat(forFirst.path("failure").path("cause").asText()).isEqualTo("DECLINED");
        assertThat(forFirst.path("failure").path("onYourLoad").asBoolean()).isFalse();
        assertThat(forFirst.path("failure").has("legIndex")).isFalse();
        assertThat(get(carrier, dealId).json().path("failure").path("legIndex").asInt()).isEqualTo(2);
        assertThat(fixture.notifications()).filteredOn(n -> n.type() == NotificationType.PACKAGE_FAILED).hasSize(4);
        assertThat(laneStatus(loads.get(0).laneId())).isEqualTo("OPEN");
        assertThat(open(carrier, offers(100_000, 110_000, 120_000)).status())
                .as("a failed deal frees the package").isEqualTo(201);
    }

    @Test
    void aLoadBookedMeanwhileFailsTheDealSupersededAndNothingBooks() {
        String dealId = openedDeal();
        onLeg("accept", shippers.get(0), dealId, 0);
        onLeg("accept", shippers.get(1), dealId, 1);
        // What the booking transaction of another deal does to the lane, just before the last acceptance.
        fixture.dynamoDb.updateItem(request -> request.tableName(fixture.lanesTable)
                .key(Map.of("pk", AttributeValue.fromS("LANE#" + loads.get(2).laneId()),
                        "sk", AttributeValue.fromS("LANE")))
                .updateExpression("SET #status = :booked")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":booked", AttributeValue.fromS(LaneStatus.BOOKED.name()))));
        fixture.notifications();

        Reply last = onLeg("accept", shippers.get(2), dealId, 2);

        assertThat(last.status()).as(last.toString()).isEqualTo(409);
        JsonNode deal = get(carrier, dealId).json();
        assertThat(deal.path("status").asText()).isEqualTo("FAILED");
        assertThat(deal.path("failure").path("cause").asText()).isEqualTo("SUPERSEDED");
        assertThat(deal.path("failure").path("legIndex").asInt()).isEqualTo(2);
        assertThat(laneStatus(truck.laneId())).as("nothing booked").isEqualTo("OPEN");
        assertThat(laneStatus(loads.get(0).laneId())).isEqualTo("OPEN");
        assertThat(fixture.send("list-bookings.json", carrier).json().path("items")).isEmpty();
        assertThat(fixture.notifications()).extracting(Notification::type).containsOnly(NotificationType.PACKAGE_FAILED)
                .hasSize(4);
    }

    /** A truck of another carrier that St. Louis → Chicago (the triangle's second load) suits alone. */
    private DealFixture.Deal singleMatchOnTheSecondLoad(DealFixture.Caller otherCarrier) {
        var alone = new CapacityLane(new CapacityLaneId("00000000000000000000000000"), otherCarrier.partner().id(),
                Postings.ST_LOUIS, Postings.CHICAGO, Postings.MONDAY_6AM, Postings.MONDAY_6AM.plusDays(3).withHour(20),
                EquipmentType.DRY_VAN, 44_000, 26, 150, 150, null, LaneStatus.OPEN);
        var otherTruck = fixture.postings.post(alone);
        return new DealFixture.Deal(otherTruck, loads.get(1), fixture.match(otherCarrier, otherTruck, loads.get(1)));
    }

    @Test
    void aSingleBookingOfOneOfItsLoadsFailsAnOpenPackageDealSuperseded() {
        var otherCarrier = fixture.carrier();
        var single = singleMatchOnTheSecondLoad(otherCarrier);
        String dealId = openedDeal();
        String negotiationId = fixture.offer(otherCarrier, single, 150_000).json().path("negotiationId").asText();

        assertThat(fixture.act("accept", shippers.get(1), negotiationId).json().path("status").asText())
                .isEqualTo("AGREED");

        JsonNode deal = get(carrier, dealId).json();
        assertThat(deal.path("status").asText()).isEqualTo("FAILED");
        assertThat(deal.path("failure").path("cause").asText()).isEqualTo("SUPERSEDED");
        assertThat(deal.path("failure").path("legIndex").asInt()).isEqualTo(1);
        assertThat(onLeg("accept", shippers.get(0), dealId, 0).status()).isEqualTo(409);
    }

    @Test
    void aPackageBookingSupersedesTheOpenSingleNegotiationsOnItsLoads() {
        var otherCarrier = fixture.carrier();
        var single = singleMatchOnTheSecondLoad(otherCarrier);
        String negotiationId = fixture.offer(otherCarrier, single, 150_000).json().path("negotiationId").asText();
        String dealId = openedDeal();

        for (int i = 0; i < 3; i++) {
            onLeg("accept", shippers.get(i), dealId, i);
        }

        assertThat(get(carrier, dealId).json().path("status").asText()).isEqualTo("BOOKED");
        Reply negotiation = fixture.send("get-negotiation.json", otherCarrier, "PATH_NEGOTIATION_ID", negotiationId);
        assertThat(negotiation.json().path("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(fixture.act("accept", shippers.get(1), negotiationId).status()).isEqualTo(409);
    }

    @Test
    void aSingleAcceptanceAndThePackagesLastAcceptanceAtOnceBookTheSharedLoadExactlyOnce() throws Exception {
        var otherCarrier = fixture.carrier();
        var single = singleMatchOnTheSecondLoad(otherCarrier);
        String negotiationId = fixture.offer(otherCarrier, single, 150_000).json().path("negotiationId").asText();
        String dealId = openedDeal();
        onLeg("accept", shippers.get(0), dealId, 0);
        onLeg("accept", shippers.get(2), dealId, 2);

        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var packageAccept = pool.submit(() -> {
                start.await();
                return onLeg("accept", shippers.get(1), dealId, 1);
            });
            var singleAccept = pool.submit(() -> {
                start.await();
                return fixture.act("accept", shippers.get(1), negotiationId);
            });
            start.countDown();
            Reply byPackage = packageAccept.get();
            Reply bySingle = singleAccept.get();

            assertThat(List.of(byPackage.status(), bySingle.status())).as(byPackage + "\n" + bySingle)
                    .containsExactlyInAnyOrder(200, 409);
            assertThat(fixture.send("list-bookings.json", shippers.get(1)).json().path("items"))
                    .as("the shared load is booked exactly once").hasSize(1);
            boolean packageWon = byPackage.status() == 200;
            JsonNode deal = get(carrier, dealId).json();
            assertThat(deal.path("status").asText()).isEqualTo(packageWon ? "BOOKED" : "FAILED");
            assertThat(laneStatus(truck.laneId())).isEqualTo(packageWon ? "BOOKED" : "OPEN");
            assertThat(laneStatus(loads.get(0).laneId())).isEqualTo(packageWon ? "BOOKED" : "OPEN");
            assertThat(fixture.send("list-bookings.json", carrier).json().path("items"))
                    .hasSize(packageWon ? 3 : 0);
            if (!packageWon) {
                assertThat(deal.path("failure").path("cause").asText()).isEqualTo("SUPERSEDED");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnansweredOfferLapsesTheDealForEveryoneAndHousekeepingTellsThem() {
        String dealId = openedDeal();
        onLeg("accept", shippers.get(0), dealId, 0);
        fixture.notifications();
        fixture.clock.advance(java.time.Duration.ofHours(3));

        assertThat(get(carrier, dealId).json().path("status").asText()).as("lazily, before housekeeping")
                .isEqualTo("FAILED");
        assertThat(onLeg("accept", shippers.get(1), dealId, 1).status()).isEqualTo(409);
        var run = fixture.housekeeping().handleRequest(Map.of(), fixture.context);

        assertThat(run.get("packageDealsLapsed")).isEqualTo(1);
        assertThat(get(shippers.get(0), dealId).json().path("failure").path("cause").asText()).isEqualTo("LAPSED");
        assertThat(fixture.notifications()).filteredOn(n -> n.type() == NotificationType.PACKAGE_FAILED).hasSize(4);
        assertThat(fixture.housekeeping().handleRequest(Map.of(), fixture.context).get("packageDealsLapsed"))
                .as("recorded once").isEqualTo(0);
    }

    @Test
    void aRetriedOpeningWithTheSameIdempotencyKeyReplaysTheFirstAnswerAndOpensNothingMore() {
        var event = DealFixture.event("open-package-deal.json", carrier.values("PATH_PACKAGE_ID", triangle.id().value(),
                "OFFERS", offers(100_000, 110_000, 120_000)));
        var headers = new java.util.HashMap<>(event.getHeaders());
        headers.put("Idempotency-Key", "package-deal-opening-0001");
        event.setHeaders(headers);

        Reply first = fixture.send(event);
        Reply again = fixture.send(event);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("dealId")).isEqualTo(first.json().path("dealId"));
        assertThat(fixture.notifications()).as("offers sent once").hasSize(3);
    }

    @Test
    void brokersActForTheSideThatDelegatedToThemAndNoOther() {
        var carriersBroker = fixture.broker();
        var shippersBroker = fixture.broker();
        fixture.send("grant-delegation.json", carrier, "PATH_BROKER_ID", carriersBroker.id());
        fixture.send("grant-delegation.json", shippers.get(1), "PATH_BROKER_ID", shippersBroker.id());

        Reply opened = open(carriersBroker, offers(100_000, 110_000, 120_000));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String dealId = opened.json().path("dealId").asText();

        Reply seen = get(shippersBroker, dealId);
        assertThat(seen.json().path("yourSide").asText()).isEqualTo("SHIPPER");
        assertThat(seen.json().path("legs")).hasSize(1);
        assertThat(seen.json().path("legs").path(0).path("legIndex").asInt()).isEqualTo(1);
        assertThat(onLeg("accept", shippersBroker, dealId, 0).status()).as("not its principal's load").isEqualTo(404);
        assertThat(onLeg("accept", shippersBroker, dealId, 1).json().path("legs").path(0).path("status").asText())
                .isEqualTo("ACCEPTED");
        assertThat(get(carriersBroker, dealId).json().path("yourSide").asText()).isEqualTo("CARRIER");
        assertThat(fixture.send("withdraw-package-deal.json", carriersBroker, "PATH_DEAL_ID", dealId).json()
                .path("failure").path("cause").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aLapsedDealNotYetRecordedFreesThePackageForANewOne() {
        String lapsed = openedDeal();
        fixture.clock.advance(java.time.Duration.ofHours(3));

        Reply reopened = open(carrier, offers(100_000, 110_000, 120_000));

        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(201);
        assertThat(get(carrier, lapsed).json().path("failure").path("cause").asText()).isEqualTo("LAPSED");
        assertThat(fixture.housekeeping().handleRequest(Map.of(), fixture.context).get("packageDealsLapsed"))
                .as("already recorded").isEqualTo(0);
        assertThat(open(carrier, offers(100_000, 110_000, 120_000)).status()).as("the new one is open").isEqualTo(409);
    }
}
