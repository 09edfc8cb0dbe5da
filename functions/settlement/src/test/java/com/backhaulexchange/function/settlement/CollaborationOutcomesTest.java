package com.backhaulexchange.function.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.dynamodb.OutcomeLedgerSeeding;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.outcome.DeliveredOutcome;
import com.backhaulexchange.deal.outcome.LanePair;
import com.backhaulexchange.function.settlement.CollaborationFixture.Caller;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /collaborations/{id}/outcomes on DynamoDB Local: three members' deliveries recorded in the outcome ledger as
 * the negotiation function records them, one more with a partner outside the collaboration; period 0 settled by
 * the settler. Members and the organiser see the collaboration's figures (bookings between members only, money
 * reconciling to the cent) and the settled period's emission shares; outsiders get the 404 of an unknown id.
 */
class CollaborationOutcomesTest {
    private static final Instant AFTER_CLOSE_0 = Instant.parse("2026-11-23T07:00:00Z");

    private final PeriodFixture fixture = new PeriodFixture();
    private final Caller ames = CollaborationFixture.partner();
    private final Caller brook = CollaborationFixture.partner();
    private final Caller cedar = CollaborationFixture.partner();
    private final Caller outsider = CollaborationFixture.partner();
    private String id;
    private long expectedSurplus;
    private double expectedEmptyMilesAvoided;

    @BeforeEach
    void threeMembersDeliverAndOneOfThemWorksWithAnOutsider() {
        Reply created = fixture.api.create(ames, "MEMBER", "2026-11-16", brook, cedar);
        id = created.json().path("collaborationId").asText();
        assertThat(fixture.api.act("accept-collaboration-invitation.json", brook, id).status()).isEqualTo(200);
        assertThat(fixture.api.act("accept-collaboration-invitation.json", cedar, id).status()).isEqualTo(200);

        for (Delivery delivery : List.of(
                deliver(ames, brook, 185_000, "2026-11-18T14:00:00Z"),
                deliver(cedar, ames, 190_000, "2026-11-19T14:00:00Z"))) {
            var outcome = delivery.outcome();
            expectedSurplus += outcome.carrier().figures().surplusMinorUnits().get("USD")
                    + outcome.shipper().figures().surplusMinorUnits().get("USD");
            expectedEmptyMilesAvoided += outcome.carrier().figures().emptyMilesAvoided();
        }
        deliver(ames, outsider, 180_000, "2026-11-20T14:00:00Z");
    }

    private record Delivery(Booking booking, DeliveredOutcome outcome) {
    }

    private Delivery deliver(Caller carrier, Caller shipper, long agreed, String pickupAt) {
        Match match = fixture.match(carrier.id(), shipper.id());
        Booking booking = fixture.delivered(match, agreed, Instant.parse(pickupAt));
        DeliveredOutcome outcome = DeliveredOutcome.of(booking, match.explanation(),
                new LanePair("US-TX", "US-MO"));
        OutcomeLedgerSeeding.record(fixture.api.dynamoDb, fixture.negotiationsTable, outcome);
        return new Delivery(booking, outcome);
    }

    private Reply outcomes(Caller caller, String collaborationId, String from, String to) {
        return fixture.api.send("get-collaboration-outcomes.json", caller, "PATH_COLLABORATION_ID", collaborationId,
                "FROM", from, "TO", to);
    }

    @Test
    void membersSeeTheCollaborationsFiguresAndTheSettledPeriodsEmissionShares() {
        fixture.api.clock.set(AFTER_CLOSE_0);
        assertThat(fixture.settle(fixture.settler(), id, 0)).isEmpty();

        for (Caller member : List.of(ames, brook, cedar)) {
            Reply reply = outcomes(member, id, "2026-11-16", "2026-11-22");
            assertThat(reply.status()).isEqualTo(200);
            JsonNode figures = reply.json();
            assertThat(figures.path("members")).hasSize(3);
            JsonNode totals = figures.path("totals");
            assertThat(totals.path("bookings").asLong()).as("the booking with the outsider is not the collaboration's")
                    .isEqualTo(2);
            assertThat(totals.path("surplus").get(0).path("amountMinorUnits").asLong()).isEqualTo(expectedSurplus);
            assertThat(totals.path("emptyMilesAvoided").asDouble())
                    .isCloseTo(expectedEmptyMilesAvoided, org.assertj.core.data.Offset.offset(0.051));
            assertThat(totals.path("co2eAvoided").get(0).path("kgWellToWheel").asDouble()).isPositive();
            long byMember = 0;
            for (JsonNode each : figures.path("byMember")) {
                byMember += each.path("surplus").path(0).path("amountMinorUnits").asLong();
            }
            assertThat(byMember).as("the members' surpluses reconcile to the cent").isEqualTo(expectedSurplus);

            assertThat(figures.path("settledPeriods")).hasSize(1);
            JsonNode period = figures.path("settledPeriods").get(0);
            assertThat(period.path("outcome").asText()).isEqualTo("SETTLED");
            JsonNode emissions = period.path("emissions");
            assertThat(emissions.path("rule").asText()).isEqualTo(period.path("rule").asText());
            assertThat(emissions.has("shareKgCo2e")).as("no member's own figure in the collaboration's view")
                    .isFalse();
            long sharesGrams = 0;
            long finals = 0;
            for (JsonNode each : period.path("members")) {
                sharesGrams += Math.round(each.path("emissionsShareKgCo2e").asDouble() * 1_000);
                finals += each.path("finalResult").asLong();
            }
            assertThat(sharesGrams).isEqualTo(Math.round(emissions.path("realisedTotalKgCo2e").asDouble() * 1_000));
            assertThat(finals).isEqualTo(period.path("finalTotal").asLong());
        }
    }

    @Test
    void anOutsiderAndAnUnknownIdGetTheSame404() {
        Reply foreign = outcomes(outsider, id, "2026-11-16", "2026-11-22");
        Reply unknown = outcomes(ames, "01JDCOLB000000000000000099", "2026-11-16", "2026-11-22");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(foreign.json().path("reasonCode").isMissingNode()).isEqualTo(unknown.json().path("reasonCode")
                .isMissingNode());
        assertThat(foreign.json().path("detail").asText()).isEqualTo(unknown.json().path("detail").asText());
    }

    @Test
    void aRangeThatIsNotOneIsA400WithAPointerAndBeforeAnyPeriodNothingIsSettled() {
        Reply backwards = outcomes(ames, id, "2026-11-22", "2026-11-16");
        Reply tooLong = outcomes(ames, id, "2026-01-01", "2027-01-02");
        Reply notADate = outcomes(ames, id, "2026-11-31", "2026-12-01");

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("/to");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.body()).contains("/from");

        Reply before = outcomes(brook, id, "2026-11-01", "2026-11-15");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().path("totals").path("bookings").asLong()).isZero();
        assertThat(before.json().path("settledPeriods")).isEmpty();
    }
}
