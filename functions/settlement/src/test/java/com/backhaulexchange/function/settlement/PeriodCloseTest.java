package com.backhaulexchange.function.settlement;

import com.backhaulexchange.adapter.dynamodb.DynamoDbCollaborationStore;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.MatchingSettings;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.function.settlement.CollaborationFixture.Caller;
import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Period close on DynamoDB Local: three members, two delivered bookings and a TONU in period 0 (the week
 * from Monday 16 November 2026, closing Monday 23 November 06:00 UTC), settled by the SQS settler; reruns,
 * duplicates and a crash between the commit and the markers never make a second ledger; a late booking is
 * an adjustment of the next period; statements reconcile with the ledger and show only the member's own.
 */
class PeriodCloseTest {
    static final Instant BEFORE_START = Instant.parse("2026-11-10T12:00:00Z");
    static final Instant AFTER_CLOSE_0 = Instant.parse("2026-11-23T07:00:00Z");
    static final Instant AFTER_CLOSE_1 = Instant.parse("2026-11-30T07:00:00Z");
    private static final ObjectMapper MAPPER = Json.newMapper();
    static final java.nio.file.Path SETTLER_EVENTS = java.nio.file.Path.of("../../events/period-settler");

    private final PeriodFixture fixture = new PeriodFixture();
    private final Caller ames = CollaborationFixture.partner();
    private final Caller brook = CollaborationFixture.partner();
    private final Caller cedar = CollaborationFixture.partner();
    private String id;
    private Booking amesToBrook;
    private Booking cedarToAmes;
    private Booking tonu;
    private com.backhaulexchange.matching.Match amesToBrookMatch;
    private com.backhaulexchange.matching.Match cedarToAmesMatch;

    @BeforeEach
    void threeMembersBookInPeriodZero() {
        Reply created = fixture.api.create(ames, "MEMBER", "2026-11-16", brook, cedar);
        assertThat(created.status()).isEqualTo(201);
        id = created.json().path("collaborationId").asText();
        assertThat(fixture.api.act("accept-collaboration-invitation.json", brook, id).status()).isEqualTo(200);
        assertThat(fixture.api.act("accept-collaboration-invitation.json", cedar, id).status()).isEqualTo(200);

        amesToBrookMatch = fixture.match(ames.id(), brook.id());
        amesToBrook = fixture.delivered(amesToBrookMatch, 185_000, Instant.parse("2026-11-18T14:00:00Z"));
        cedarToAmesMatch = fixture.match(cedar.id(), ames.id());
        cedarToAmes = fixture.delivered(cedarToAmesMatch, 190_000, Instant.parse("2026-11-19T14:00:00Z"));
        tonu = fixture.cancelledByShipper(fixture.match(ames.id(), cedar.id()), 180_000,
                Instant.parse("2026-11-20T14:00:00Z"));
    }

    @Test
    void theScheduleQueuesEachClosedPeriodOnceItHasClosed() {
        fixture.api.clock.set(Instant.parse("2026-11-23T05:59:00Z"));
        assertThat(fixture.schedule().handleRequest(Map.of(), fixture.api.context)).containsEntry("periodsDue", 0);
        fixture.api.clock.set(AFTER_CLOSE_0);
        assertThat(fixture.schedule().handleRequest(Map.of(), fixture.api.context)).containsEntry("periodsDue", 1);
        var messages = fixture.api.sqs.receiveMessage(request -> request.queueUrl(fixture.api.settlementQueueUrl)
                .maxNumberOfMessages(10)).messages();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).body()).contains(id).contains("\"periodIndex\":0");

        assertThat(fixture.settle(fixture.settler(), id, 0)).isEmpty();
        assertThat(fixture.schedule().handleRequest(Map.of(), fixture.api.context)).containsEntry("periodsDue", 0);
    }

    @Test
    void coalitionValuesCountEveryFeasiblePairingOfTheBookedLanesNotOnlyThePairsBooked() {
        var collaboration = fixture.store.find(id).orElseThrow().collaboration();
        var closer = new PeriodCloser(fixture.store, new SettlementSources(fixture.api.dynamoDb,
                fixture.negotiationsTable, fixture.lanesTable), 25_000, MatchingConfig.DEFAULT, fixture.api.clock);
        List<PartnerId> members = collaboration.activeMembers(0);

        var market = closer.inputs(collaboration, collaboration.schedule().period(0), members,
                collaboration.agreementFor(0)).settlement().market();

        // Ames booked its truck to Brook and its load to Cedar; alone it could have put its load on its own truck
        // (the same Dallas routes), which the matching engine finds feasible: Ames is worth something alone.
        java.util.BitSet amesAlone = new java.util.BitSet();
        amesAlone.set(members.indexOf(ames.id()));
        java.util.BitSet brookAndCedar = new java.util.BitSet();
        brookAndCedar.set(members.indexOf(brook.id()));
        brookAndCedar.set(members.indexOf(cedar.id()));
        assertThat(market.valueMinorUnits(amesAlone)).isPositive();
        assertThat(market.valueMinorUnits(brookAndCedar)).as("Brook has a load, Cedar a truck: they pair too")
                .isPositive();
        assertThat(market.capacityLanes()).isEqualTo(2);
        assertThat(market.loadLanes()).isEqualTo(2);
    }

    @Test
    void settlementPricesPairingsWithTheRoadCircuityFactorMatchingUses() {
        var collaboration = fixture.store.find(id).orElseThrow().collaboration();
        List<PartnerId> members = collaboration.activeMembers(0);
        java.util.BitSet amesAlone = new java.util.BitSet();
        amesAlone.set(members.indexOf(ames.id()));
        java.util.function.DoubleFunction<Long> amesAloneWorth = factor -> {
            var environment = new FunctionEnvironment(Map.of(MatchingSettings.ROAD_CIRCUITY_FACTOR, Double.toString(factor)));
            var matching = MatchingSettings.matchingConfig(environment);
            assertThat(matching.roadDistance().circuityFactor()).as("what the match engine evaluates with")
                    .isEqualTo(factor);
            var closer = new PeriodCloser(fixture.store, new SettlementSources(fixture.api.dynamoDb,
                    fixture.negotiationsTable, fixture.lanesTable), 25_000, matching, fixture.api.clock);
            return closer.inputs(collaboration, collaboration.schedule().period(0), members,
                    collaboration.agreementFor(0)).settlement().market().valueMinorUnits(amesAlone);
        };

        long atTemplateDefault = amesAloneWorth.apply(RoadDistanceModel.DEFAULT_CIRCUITY_FACTOR);
        long onWindingRoads = amesAloneWorth.apply(1.35);

        assertThat(atTemplateDefault).isEqualTo(amesAloneWorth.apply(RoadDistanceModel.DEFAULT_CIRCUITY_FACTOR));
        assertThat(onWindingRoads).as("the same pairing priced on longer roads").isNotEqualTo(atTemplateDefault);
    }

    @Test
    void confirmedDetentionIsADetentionRiskEventOfTheShipperTowardsTheCarrierAndADisputedOneIsNot() {
        // Ames carried Brook's load: detention confirmed at the pickup (USD 50) and the delivery (USD 87.50).
        fixture.detention(amesToBrook, com.backhaulexchange.tracking.StopKind.PICKUP, 5_000,
                com.backhaulexchange.tracking.DetentionClaim.Status.CONFIRMED);
        fixture.detention(amesToBrook, com.backhaulexchange.tracking.StopKind.DELIVERY, 8_750,
                com.backhaulexchange.tracking.DetentionClaim.Status.CONFIRMED);
        // Cedar carried Ames's load: Ames disputed the claim, so it is not settled.
        fixture.detention(cedarToAmes, com.backhaulexchange.tracking.StopKind.DELIVERY, 2_500,
                com.backhaulexchange.tracking.DetentionClaim.Status.DISPUTED);
        fixture.api.clock.set(AFTER_CLOSE_0);
        assertThat(fixture.settle(fixture.settler(), id, 0)).isEmpty();

        JsonNode document = document(0);
        assertThat(document.path("ledger").path("balance").asLong()).isZero();
        long realised = document.path("result").path("realisedTotal").asLong();
        assertThat(document.path("result").path("riskCostTotal").asLong()).as("TONU and the confirmed detention")
                .isEqualTo(20_000 + 13_750);
        assertThat(document.path("result").path("finalTotal").asLong()).isEqualTo(realised - 33_750);

        JsonNode carrier = fixture.api.send("get-statement.json", ames, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0").json();
        JsonNode detention = null;
        for (JsonNode risk : carrier.path("riskEvents")) {
            if (risk.path("kind").asText().equals("DETENTION")) {
                detention = risk;
            }
        }
        assertThat(detention).as("Ames's statement shows the detention").isNotNull();
        assertThat(detention.path("bookingId").asText()).isEqualTo(amesToBrook.id().value());
        assertThat(detention.path("role").asText()).isEqualTo("AFFECTED");
        assertThat(detention.path("cost").asLong()).isEqualTo(13_750);
        assertThat(detention.path("recovery").asLong()).isEqualTo(13_750);
        JsonNode shipper = fixture.api.send("get-statement.json", brook, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0").json();
        assertThat(shipper.path("riskEvents").toString()).contains("\"kind\":\"DETENTION\"")
                .contains("\"role\":\"AT_FAULT\"");
        assertThat(carrier.toString() + shipper).doesNotContain(cedarToAmes.id().value() + "\",\"kind\":\"DETENTION");
        Reply csv = fixture.api.send("get-statement-csv.json", ames, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0");
        assertThat(csv.body()).contains("DETENTION cost");
    }

    @Test
    void aSettledPeriodHasABalancedLedgerAndStatementsThatReconcile() {
        fixture.api.clock.set(AFTER_CLOSE_0);
        assertThat(fixture.settle(fixture.settler(), id, 0)).isEmpty();

        JsonNode document = document(0);
        assertThat(document.path("outcome").asText()).isEqualTo("SETTLED");
        JsonNode ledger = document.path("ledger");
        assertThat(ledger.path("balance").asLong()).isZero();
        long realised = document.path("result").path("realisedTotal").asLong();
        long risk = document.path("result").path("riskCostTotal").asLong();
        assertThat(risk).isEqualTo(20_000);
        assertThat(document.path("result").path("finalTotal").asLong()).isEqualTo(realised - risk);
        List<String> settled = texts(document.path("settledBookings"));
        assertThat(settled).containsExactlyInAnyOrder(amesToBrook.id().value(), cedarToAmes.id().value(),
                tonu.id().value());

        long sumOfFinals = 0;
        for (Caller member : List.of(ames, brook, cedar)) {
            Reply reply = fixture.api.send("get-statement.json", member, "PATH_COLLABORATION_ID", id,
                    "PATH_PERIOD_INDEX", "0");
            assertThat(reply.status()).isEqualTo(200);
            JsonNode statement = reply.json();
            assertThat(statement.path("finalResult").asLong()).as("final = own ledger lines")
                    .isEqualTo(memberTotal(ledger, member));
            assertThat(statement.path("totals").path("finalTotal").asLong()).isEqualTo(realised - risk);
            sumOfFinals += statement.path("finalResult").asLong();
        }
        assertThat(sumOfFinals).isEqualTo(realised - risk);

        Reply brooks = fixture.api.send("get-statement.json", brook, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0");
        assertThat(texts(brooks.json().path("bookings"), "bookingId")).containsExactly(amesToBrook.id().value());
        assertThat(brooks.body()).doesNotContain(cedarToAmes.id().value());
        Reply ameses = fixture.api.send("get-statement.json", ames, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0");
        assertThat(texts(ameses.json().path("riskEvents"), "bookingId")).contains(tonu.id().value());

        Reply csv = fixture.api.send("get-statement-csv.json", brook, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("section,reference,period,role,item,value\r\n");
        assertThat(csv.body()).contains(amesToBrook.id().value());
    }

    @Test
    void aBookedTruckWithItsCarriersFleetFuelEconomyCountsWithItInThePeriodsEmissions() {
        var fleet = com.backhaulexchange.emissions.FleetFuelEconomy.byLoad(
                com.backhaulexchange.emissions.Fuel.DIESEL, 6.5, 5.0);
        var brookToCedarMatch = fixture.match(brook.id(), cedar.id(), fleet);
        fixture.delivered(brookToCedarMatch, 180_000, Instant.parse("2026-11-21T14:00:00Z"));
        var own = brookToCedarMatch.explanation().co2eAvoided();
        assertThat(own.fuelEconomySource()).isEqualTo(com.backhaulexchange.emissions.FuelEconomySource.PARTNER_FLEET);
        // The same truck and load with the default truck: the same miles, 8.1 mpg empty instead of 6.5.
        assertThat(own.kgWellToWheel()).isCloseTo(amesToBrookMatch.explanation().co2eAvoided().kgWellToWheel()
                * 8.1 / 6.5, org.assertj.core.api.Assertions.within(1e-6));

        fixture.api.clock.set(AFTER_CLOSE_0);
        assertThat(fixture.settle(fixture.settler(), id, 0)).isEmpty();

        long realisedGrams = com.backhaulexchange.settlement.EmissionsInputs.grams(amesToBrookMatch.explanation()
                .co2eAvoided().kgWellToWheel()) + com.backhaulexchange.settlement.EmissionsInputs.grams(
                cedarToAmesMatch.explanation().co2eAvoided().kgWellToWheel())
                + com.backhaulexchange.settlement.EmissionsInputs.grams(own.kgWellToWheel());
        JsonNode emissions = fixture.api.send("get-statement.json", brook, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0").json().path("emissions");
        assertThat(Math.round(emissions.path("realisedTotalKgCo2e").asDouble() * 1_000)).isEqualTo(realisedGrams);
    }

    @Test
    void eachStatementCarriesTheMembersShareOfTheCo2eAvoidedByTheMoneysRuleWithTheEmissionsCoreCheck() {
        fixture.api.clock.set(AFTER_CLOSE_0);
        assertThat(fixture.settle(fixture.settler(), id, 0)).isEmpty();
        // v(N) of the emissions game: what the two delivered bookings avoided (the TONU moved nothing), in grams.
        long realisedGrams = com.backhaulexchange.settlement.EmissionsInputs.grams(amesToBrookMatch.explanation()
                .co2eAvoided().kgWellToWheel()) + com.backhaulexchange.settlement.EmissionsInputs.grams(
                cedarToAmesMatch.explanation().co2eAvoided().kgWellToWheel());
        assertThat(realisedGrams).as("the Dallas runs avoid empty miles").isPositive();
        var method = MatchingConfig.DEFAULT.emissions().factors().method();

        long sharesGrams = 0;
        for (Caller member : List.of(ames, brook, cedar)) {
            JsonNode statement = fixture.api.send("get-statement.json", member, "PATH_COLLABORATION_ID", id,
                    "PATH_PERIOD_INDEX", "0").json();
            JsonNode emissions = statement.path("emissions");
            assertThat(emissions.path("status").asText()).isEqualTo("ALLOCATED");
            assertThat(emissions.path("scope").asText()).isEqualTo("WELL_TO_WHEEL");
            assertThat(emissions.path("rule").asText()).as("the money's rule").isEqualTo(statement.path("rule").asText());
            assertThat(emissions.path("emissionsMethod").path("factorSet").asText()).isEqualTo(method.factorSetId());
            assertThat(emissions.path("emissionsMethod").path("version").asText())
                    .isEqualTo(method.factorSetVersion());
            assertThat(Math.round(emissions.path("realisedTotalKgCo2e").asDouble() * 1_000)).isEqualTo(realisedGrams);
            assertThat(emissions.path("lanesOptimumKgCo2e").asDouble())
                    .isGreaterThanOrEqualTo(emissions.path("realisedTotalKgCo2e").asDouble());
            long own = Math.round(emissions.path("shareKgCo2e").asDouble() * 1_000);
            long listed = 0;
            for (JsonNode share : emissions.path("memberShares")) {
                listed += Math.round(share.path("shareKgCo2e").asDouble() * 1_000);
                if (share.path("member").asText().equals(member.id().value())) {
                    assertThat(Math.round(share.path("shareKgCo2e").asDouble() * 1_000)).isEqualTo(own);
                }
            }
            assertThat(listed).as("the shares sum to the realised CO2e, to the gram").isEqualTo(realisedGrams);
            sharesGrams += own;
            JsonNode core = emissions.path("coreCheck");
            assertThat(core.path("exhaustive").asBoolean()).isTrue();
            assertThat(core.path("coalitionsChecked").asLong()).isEqualTo(6);
            assertThat(core.path("stable").asBoolean()).isEqualTo(core.path("blockingCount").asInt() == 0);
        }
        assertThat(sharesGrams).isEqualTo(realisedGrams);

        Reply csv = fixture.api.send("get-statement-csv.json", brook, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0");
        assertThat(csv.body()).contains("emissions,,0,,status,ALLOCATED\r\n")
                .contains("emissions,,0,,factorSet," + method.factorSetId() + "\r\n")
                .contains("emissions-member," + brook.id().value() + ",0,,shareKgCo2e,");
    }

    @Test
    void statementsAreForThePeriodsMembersOnly() {
        Caller outsider = CollaborationFixture.partner();
        fixture.api.clock.set(AFTER_CLOSE_0);
        Reply notYet = fixture.api.send("get-statement.json", ames, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0");
        assertThat(notYet.status()).isEqualTo(404);
        assertThat(notYet.json().path("reasonCode").asText()).isEqualTo("PERIOD_NOT_SETTLED");

        fixture.settle(fixture.settler(), id, 0);
        Reply stranger = fixture.api.send("get-statement.json", outsider, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json().has("reasonCode")).isFalse();
        for (String index : List.of("0", "7", "-1")) {
            Reply foreign = fixture.api.send("get-statement.json", outsider, "PATH_COLLABORATION_ID", id,
                    "PATH_PERIOD_INDEX", index);
            Reply unknown = fixture.api.send("get-statement.json", outsider, "PATH_COLLABORATION_ID",
                    "01JD0000000000000000000000", "PATH_PERIOD_INDEX", index);
            assertThat(foreign.problemWithoutRequestIdentity()).as("period %s", index)
                    .isEqualTo(unknown.problemWithoutRequestIdentity());
        }
        Reply badIndex = fixture.api.send("get-statement.json", ames, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "-1");
        assertThat(badIndex.status()).isEqualTo(404);
    }

    @Test
    void rerunsAndDuplicateMessagesNeverWriteASecondLedger() {
        fixture.api.clock.set(AFTER_CLOSE_0);
        assertThat(fixture.settle(fixture.settler(), id, 0, 0)).isEmpty();
        byte[] first = fixture.storedDocument(id, 0);
        int items = fixture.items(id, "PERIOD#").size();

        assertThat(fixture.settle(fixture.settler(), id, 0)).isEmpty();
        assertThat(fixture.settle(fixture.settler(), id, 0, 0, 0)).isEmpty();

        assertThat(fixture.storedDocument(id, 0)).isEqualTo(first);
        assertThat(fixture.items(id, "PERIOD#")).hasSize(items);
        assertThat(fixture.store.schedule(id).orElseThrow().lastSettledPeriod()).isZero();
    }

    @Test
    void aCrashBetweenTheCommitAndTheMarkersIsCompletedByTheRerunWithTheSameLedger() {
        fixture.api.clock.set(AFTER_CLOSE_0);
        AtomicBoolean crashed = new AtomicBoolean();
        var crashing = new DynamoDbCollaborationStore(fixture.api.dynamoDb, fixture.api.collaborationsTable) {
            @Override
            public void markSettled(String collaborationId, long index, Collection<String> bookingIds) {
                if (crashed.compareAndSet(false, true)) {
                    throw new IllegalStateException("simulated crash after the commit");
                }
                super.markSettled(collaborationId, index, bookingIds);
            }
        };
        assertThat(fixture.settle(fixture.settler(crashing), id, 0)).containsExactly("m-0");
        byte[] committed = fixture.storedDocument(id, 0);
        assertThat(fixture.items(id, "SETTLED#")).isEmpty();
        assertThat(fixture.store.schedule(id).orElseThrow().lastSettledPeriod()).isEqualTo(-1);

        assertThat(fixture.settle(fixture.settler(), id, 0)).isEmpty();

        assertThat(fixture.storedDocument(id, 0)).isEqualTo(committed);
        assertThat(fixture.items(id, "SETTLED#")).hasSize(3);
        assertThat(fixture.store.schedule(id).orElseThrow().lastSettledPeriod()).isZero();
    }

    @Test
    void aBookingRecordedAfterItsPeriodClosedIsAnAdjustmentOfTheNextPeriod() {
        fixture.api.clock.set(AFTER_CLOSE_0);
        fixture.settle(fixture.settler(), id, 0);
        byte[] periodZero = fixture.storedDocument(id, 0);

        Booking late = fixture.delivered(fixture.match(brook.id(), cedar.id()), 170_000,
                Instant.parse("2026-11-21T14:00:00Z"));
        fixture.api.clock.set(AFTER_CLOSE_1);
        assertThat(fixture.settle(fixture.settler(), id, 1)).isEmpty();

        assertThat(fixture.storedDocument(id, 0)).isEqualTo(periodZero);
        JsonNode periodOne = document(1);
        assertThat(texts(periodOne.path("settledBookings"))).containsExactly(late.id().value());
        JsonNode posting = periodOne.path("ledger").path("postings").get(0);
        assertThat(posting.path("reference").asText()).isEqualTo(late.id().value());
        assertThat(posting.path("adjustment").asBoolean()).isTrue();
        assertThat(posting.path("originalPeriod").asLong()).isZero();

        Reply statement = fixture.api.send("get-statement.json", cedar, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "1");
        assertThat(statement.json().path("bookings").get(0).path("adjustment").asBoolean()).isTrue();
        assertThat(statement.json().path("bookings").get(0).path("originalPeriod").asLong()).isZero();
    }

    @Test
    void theOperatorClosesAPeriodOnlyOnceItHasClosed() {
        fixture.api.clock.set(Instant.parse("2026-11-23T05:00:00Z"));
        Reply early = fixture.api.send("operator-close-period.json", ames, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("reasonCode").asText()).isEqualTo("PERIOD_NOT_CLOSED");

        fixture.api.clock.set(AFTER_CLOSE_0);
        Reply queued = fixture.api.send("operator-close-period.json", ames, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0");
        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.json().path("status").asText()).isEqualTo("QUEUED");
        var messages = fixture.api.sqs.receiveMessage(request -> request.queueUrl(fixture.api.settlementQueueUrl)
                .maxNumberOfMessages(10)).messages();
        assertThat(messages).hasSize(1);
        var event = new com.amazonaws.services.lambda.runtime.events.SQSEvent();
        var record = new com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage();
        record.setMessageId(messages.get(0).messageId());
        record.setBody(messages.get(0).body());
        event.setRecords(List.of(record));
        assertThat(fixture.settler().handleRequest(event, fixture.api.context).getBatchItemFailures()).isEmpty();

        Reply settled = fixture.api.send("operator-close-period.json", ames, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "0");
        assertThat(settled.status()).isEqualTo(200);
        assertThat(settled.json().path("status").asText()).isEqualTo("SETTLED");

        var byPartner = CollaborationFixture.event("operator-close-period.json", ames.values(
                "PATH_COLLABORATION_ID", id, "PATH_PERIOD_INDEX", "0"));
        byPartner.getRequestContext().setAuthorizer(Map.of("principalId", ames.id().value(), "principalType",
                "PARTNER", "partnerId", ames.id().value(), "roles", "CARRIER", "keyId", "k1k1k1k1k1k1"));
        assertThat(fixture.api.send(byPartner).status()).isEqualTo(403);
    }

    @Test
    void aMalformedMessageIsReportedAloneAndTheRestOfTheBatchSettles() {
        fixture.api.clock.set(AFTER_CLOSE_0);
        var event = new com.amazonaws.services.lambda.runtime.events.SQSEvent();
        var bad = new com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage();
        bad.setMessageId("bad");
        bad.setBody("{\"collaborationId\": 42}");
        var good = new com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage();
        good.setMessageId("good");
        good.setBody("{\"collaborationId\":\"" + id + "\",\"periodIndex\":0}");
        event.setRecords(List.of(bad, good));
        var failures = fixture.settler().handleRequest(event, fixture.api.context).getBatchItemFailures();
        assertThat(failures).extracting(failure -> failure.getItemIdentifier()).containsExactly("bad");
        assertThat(fixture.store.period(id, 0)).isPresent();
    }

    @Test
    void theSampleBatchesSettleOnceAndReportOnlyTheMalformedMessage() {
        fixture.api.clock.set(AFTER_CLOSE_0);
        var twice = com.backhaulexchange.testing.SampleEventFiles.load(SETTLER_EVENTS.resolve(
                "due-period-delivered-twice.json"), com.amazonaws.services.lambda.runtime.events.SQSEvent.class,
                Map.of("MESSAGE_ID", "first", "DUPLICATE_MESSAGE_ID", "again", "COLLABORATION_ID", id,
                        "PERIOD_INDEX", "0"));
        assertThat(fixture.settler().handleRequest(twice, fixture.api.context).getBatchItemFailures()).isEmpty();
        assertThat(fixture.items(id, "PERIOD#")).hasSize(2);

        var malformed = com.backhaulexchange.testing.SampleEventFiles.load(SETTLER_EVENTS.resolve(
                "due-periods-with-a-malformed-one.json"), com.amazonaws.services.lambda.runtime.events.SQSEvent.class,
                Map.of("MALFORMED_MESSAGE_ID", "poison", "MESSAGE_ID", "fine", "COLLABORATION_ID", id,
                        "PERIOD_INDEX", "0"));
        assertThat(fixture.settler().handleRequest(malformed, fixture.api.context).getBatchItemFailures())
                .extracting(failure -> failure.getItemIdentifier()).containsExactly("poison");
        assertThat(fixture.items(id, "PERIOD#")).hasSize(2);

        var hourly = com.backhaulexchange.testing.SampleEventFiles.load(java.nio.file.Path.of(
                "../../events/settlement-schedule/hourly.json"), Map.class, Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> event = hourly;
        assertThat(fixture.schedule().handleRequest(event, fixture.api.context)).containsEntry("periodsDue", 0);
    }

    @Test
    void concurrentSettlersOfOnePeriodCommitOneLedger() throws Exception {
        fixture.api.clock.set(AFTER_CLOSE_0);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<List<String>>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var settler = fixture.settler();
            runs.add(pool.submit(() -> {
                start.await();
                return fixture.settle(settler, id, 0);
            }));
        }
        start.countDown();
        int failed = 0;
        for (var run : runs) {
            failed += run.get().size();
        }
        pool.shutdown();
        if (failed > 0) {
            // A run that lost a transaction race reports its message; SQS redelivers it: the redelivery completes.
            assertThat(fixture.settle(fixture.settler(), id, 0)).isEmpty();
        }
        assertThat(fixture.items(id, "PERIOD#")).hasSize(2);
        assertThat(document(0).path("ledger").path("balance").asLong()).isZero();
        assertThat(fixture.items(id, "SETTLED#")).hasSize(3);
        assertThat(fixture.store.schedule(id).orElseThrow().lastSettledPeriod()).isZero();
    }

    @Test
    void anAgreementChangeGovernsTheNextPeriodOnly() {
        Reply changed = fixture.api.send("change-collaboration-agreement.json", ames, "PATH_COLLABORATION_ID", id,
                "RULE", "EQUAL_SPLIT", "START_DATE", "2026-11-16");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("agreements")).as("before the start it replaces the first terms").hasSize(1);

        fixture.api.clock.set(Instant.parse("2026-11-17T12:00:00Z"));
        Reply next = fixture.api.send("change-collaboration-agreement.json", ames, "PATH_COLLABORATION_ID", id,
                "RULE", "PROPORTIONAL", "START_DATE", "2026-11-16");
        assertThat(next.json().path("agreements")).hasSize(2);

        fixture.api.clock.set(AFTER_CLOSE_1);
        assertThat(fixture.settle(fixture.settler(), id, 1)).isEmpty();
        assertThat(document(0).path("agreementVersion").asInt()).isEqualTo(2);
        assertThat(document(0).path("result").path("rule").asText()).isEqualTo(
                document(0).path("statements").path(ames.id().value()).path("rule").asText());
        assertThat(document(1).path("agreementVersion").asInt()).isEqualTo(3);
        assertThat(document(1).path("result").path("rule").asText())
                .isNotEqualTo(document(0).path("result").path("rule").asText());
        assertThat(document(1).path("outcome").asText()).isEqualTo("SETTLED");
        Reply statement = fixture.api.send("get-statement.json", brook, "PATH_COLLABORATION_ID", id,
                "PATH_PERIOD_INDEX", "1");
        assertThat(statement.json().path("agreementVersion").asInt()).isEqualTo(3);
        assertThat(statement.json().path("bookings")).isEmpty();
    }

    private JsonNode document(long index) {
        try {
            return MAPPER.readTree(fixture.storedDocument(id, index));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long memberTotal(JsonNode ledger, Caller member) {
        long total = 0;
        for (JsonNode posting : ledger.path("postings")) {
            for (JsonNode line : posting.path("lines")) {
                if (member.id().value().equals(line.path("member").asText())) {
                    total += line.path("amountMinorUnits").asLong();
                }
            }
        }
        return total;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }
}
