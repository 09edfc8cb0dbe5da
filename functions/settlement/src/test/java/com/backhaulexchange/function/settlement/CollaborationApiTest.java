package com.backhaulexchange.function.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.function.settlement.CollaborationFixture.Caller;
import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The collaboration routes through the handler, on DynamoDB Local: lifecycle, tenancy, refusals. */
class CollaborationApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CollaborationFixture fixture = new CollaborationFixture();
    private final Caller ames = CollaborationFixture.partner();
    private final Caller brook = CollaborationFixture.partner();
    private final Caller cedar = CollaborationFixture.partner();
    private final Caller outsider = CollaborationFixture.partner();

    @Test
    void aPartnerCreatesACollaborationAndItsInviteesSeeTheInvitation() {
        Reply created = fixture.create(ames, "MEMBER", "2026-11-23", brook, cedar);

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("collaborationId").asText();
        assertThat(created.header("Location")).isEqualTo("/collaborations/" + id);
        assertThat(created.json().path("organiserPartnerId").asText()).isEqualTo(ames.id().value());
        assertThat(statusOf(created, ames)).isEqualTo("ACTIVE");
        assertThat(created.json().path("members").findValues("joinsAtPeriod")).hasSize(1);
        assertThat(statusOf(created, brook)).isEqualTo("INVITED");
        assertThat(created.json().path("agreements").get(0).path("agreement").path("version").asInt()).isEqualTo(1);
        assertThat(created.json().has("currentPeriod")).as("before the start date").isFalse();

        for (Caller party : List.of(ames, brook, cedar)) {
            Reply list = fixture.send("list-collaborations.json", party);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().path("items").findValuesAsText("collaborationId")).containsExactly(id);
            assertThat(fixture.act("get-collaboration.json", party, id).status()).isEqualTo(200);
        }
        Reply invitation = fixture.act("get-collaboration.json", brook, id);
        assertThat(invitation.json().path("you").path("memberStatus").asText()).isEqualTo("INVITED");
        assertThat(invitation.json().path("you").path("organiser").asBoolean()).isFalse();
    }

    @Test
    void anyoneElseIsToldTheCollaborationDoesNotExistExactlyAsForAnUnknownId() {
        String id = fixture.create(ames, "MEMBER", "2026-11-23", brook, cedar).json().path("collaborationId").asText();
        String unknown = "01JD0000000000000000000000";

        assertThat(fixture.send("list-collaborations.json", outsider).json().path("items")).isEmpty();
        for (String sample : List.of("get-collaboration.json", "accept-collaboration-invitation.json",
                "decline-collaboration-invitation.json", "leave-collaboration.json")) {
            Reply foreign = fixture.act(sample, outsider, id);
            assertThat(foreign.status()).as(sample).isEqualTo(404);
            assertThat(foreign.json().has("reasonCode")).as(sample).isFalse();
            assertThat(foreign.problemWithoutRequestIdentity()).as(sample)
                    .isEqualTo(fixture.act(sample, outsider, unknown).problemWithoutRequestIdentity());
        }
        Reply change = fixture.send("change-collaboration-agreement.json", outsider, "PATH_COLLABORATION_ID", id,
                "RULE", "EQUAL_SPLIT", "START_DATE", "2026-11-23");
        Reply changeUnknown = fixture.send("change-collaboration-agreement.json", outsider, "PATH_COLLABORATION_ID",
                unknown, "RULE", "EQUAL_SPLIT", "START_DATE", "2026-11-23");
        assertThat(change.status()).isEqualTo(404);
        assertThat(change.problemWithoutRequestIdentity()).isEqualTo(changeUnknown.problemWithoutRequestIdentity());
        assertThat(fixture.act("get-collaboration.json", ames, "not-a-ulid").problemWithoutRequestIdentity())
                .isEqualTo(fixture.act("get-collaboration.json", ames, unknown).problemWithoutRequestIdentity());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAndBodyReplaysTheFirstCollaboration() {
        String key = "8d0c8a2e-3f7b-4c1e-9a55-6f0e2b7d1c44";
        Reply first = createWithKey(key, "2026-11-23");
        Reply retry = createWithKey(key, "2026-11-23");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(fixture.send("list-collaborations.json", ames).json().path("items")).hasSize(1);

        Reply otherBody = createWithKey(key, "2026-11-30");
        assertThat(otherBody.status()).as(otherBody.toString()).isEqualTo(422);
        assertThat(otherBody.json().path("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(fixture.send("list-collaborations.json", ames).json().path("items")).hasSize(1);

        assertThat(fixture.create(ames, "MEMBER", "2026-11-23", brook, cedar).status()).as("no key: created anew")
                .isEqualTo(201);
        assertThat(fixture.send("list-collaborations.json", ames).json().path("items")).hasSize(2);
    }

    private Reply createWithKey(String idempotencyKey, String startDate) {
        var event = CollaborationFixture.event("create-collaboration.json", ames.values("NAME", "Midwest backhaul pool",
                "ORGANISER_ROLE", "MEMBER", "INVITEE_1", brook.id().value(), "INVITEE_2", cedar.id().value(),
                "START_DATE", startDate));
        var headers = new java.util.HashMap<>(event.getHeaders());
        headers.put("Idempotency-Key", idempotencyKey);
        event.setHeaders(headers);
        var multiValueHeaders = new java.util.HashMap<>(event.getMultiValueHeaders());
        multiValueHeaders.put("Idempotency-Key", List.of(idempotencyKey));
        event.setMultiValueHeaders(multiValueHeaders);
        return fixture.send(event);
    }

    @Test
    void inviteesAcceptOrDeclineOnceAndActiveMembersLeave() {
        String id = fixture.create(ames, "MEMBER", "2026-11-23", brook, cedar).json().path("collaborationId").asText();

        Reply accepted = fixture.act("accept-collaboration-invitation.json", brook, id);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(statusOf(accepted, brook)).isEqualTo("ACTIVE");
        Reply declined = fixture.act("decline-collaboration-invitation.json", cedar, id);
        assertThat(statusOf(declined, cedar)).isEqualTo("DECLINED");

        Reply again = fixture.act("accept-collaboration-invitation.json", brook, id);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("reasonCode").asText()).isEqualTo("NOT_INVITED");
        Reply organiserAccepts = fixture.act("accept-collaboration-invitation.json", ames, id);
        assertThat(organiserAccepts.status()).isEqualTo(409);

        fixture.clock.advance(Duration.ofDays(4));
        Reply left = fixture.act("leave-collaboration.json", brook, id);
        assertThat(left.status()).isEqualTo(200);
        assertThat(statusOf(left, brook)).isEqualTo("LEFT");
        assertThat(left.json().path("currentPeriod").path("index").asInt()).isZero();
        Reply leftAgain = fixture.act("leave-collaboration.json", brook, id);
        assertThat(leftAgain.status()).isEqualTo(409);
        assertThat(leftAgain.json().path("reasonCode").asText()).isEqualTo("NOT_ACTIVE");
        assertThat(fixture.act("leave-collaboration.json", cedar, id).status()).isEqualTo(409);
    }

    @Test
    void onlyTheOrganiserChangesTheAgreementFromTheNextPeriodAndNeverTheSchedule() {
        String id = fixture.create(ames, "MEMBER", "2026-11-16", brook, cedar).json().path("collaborationId").asText();
        fixture.act("accept-collaboration-invitation.json", brook, id);

        Reply byMember = fixture.send("change-collaboration-agreement.json", brook, "PATH_COLLABORATION_ID", id,
                "RULE", "EQUAL_SPLIT", "START_DATE", "2026-11-16");
        assertThat(byMember.status()).isEqualTo(403);
        assertThat(byMember.json().path("reasonCode").asText()).isEqualTo("NOT_THE_ORGANISER");

        Reply moved = fixture.send("change-collaboration-agreement.json", ames, "PATH_COLLABORATION_ID", id,
                "RULE", "EQUAL_SPLIT", "START_DATE", "2026-11-17");
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.json().path("reasonCode").asText()).isEqualTo("SCHEDULE_IS_FIXED");
        assertThat(moved.errorPointers()).containsExactly("/startDate");

        Reply changed = fixture.send("change-collaboration-agreement.json", ames, "PATH_COLLABORATION_ID", id,
                "RULE", "EQUAL_SPLIT", "START_DATE", "2026-11-16");
        assertThat(changed.status()).isEqualTo(200);
        var versions = changed.json().path("agreements");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).path("appliesFromPeriod").asInt()).isEqualTo(1);
        assertThat(versions.get(1).path("agreement").path("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).path("agreement").path("rule").asText()).isEqualTo("EQUAL_SPLIT");
        assertThat(changed.json().path("currentPeriod").path("agreement").path("rule").asText()).isEqualTo("SHAPLEY");
    }

    @Test
    void aBrokerOrganisesWithoutBeingAMemberAndOnlyABrokerMay() {
        Caller broker = CollaborationFixture.broker();
        Reply created = fixture.create(broker, "BROKER", "2026-11-23", brook, cedar);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("members").findValuesAsText("partnerId"))
                .doesNotContain(broker.id().value());
        assertThat(created.json().path("you").path("organiser").asBoolean()).isTrue();

        int before = fixture.itemCount();
        Reply notABroker = fixture.create(ames, "BROKER", "2026-11-23", brook, cedar);
        assertThat(notABroker.status()).isEqualTo(403);
        assertThat(notABroker.json().path("reasonCode").asText()).isEqualTo("NOT_A_BROKER");
        assertThat(fixture.itemCount()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithPointersAndWritesNothing() {
        Reply duplicate = fixture.create(ames, "MEMBER", "2026-11-23", brook, brook);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().path("reasonCode").asText()).isEqualTo("DUPLICATE_INVITEE");
        assertThat(duplicate.errorPointers()).containsExactly("/invitees/1");

        Reply self = fixture.create(ames, "MEMBER", "2026-11-23", ames, brook);
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.errorPointers()).containsExactly("/invitees/0");

        Reply pooled = createWith(body -> ((ObjectNode) body.path("agreement")).put("pooledShareBasisPoints", 20_000));
        // The schema states AgreementPolicies' range (0 to 10000), so it refuses first.
        assertThat(pooled.status()).isEqualTo(400);
        assertThat(pooled.errorPointers()).containsExactly("/agreement/pooledShareBasisPoints");

        Reply capCurrency = createWith(body -> ((ObjectNode) body.path("agreement").path("riskTerms")
                .path("perMemberCapPerPeriod")).put("currency", "EUR"));
        assertThat(capCurrency.status()).isEqualTo(400);
        assertThat(capCurrency.errorPointers()).containsExactly("/agreement/riskTerms/perMemberCapPerPeriod");

        Reply unknownCurrency = createWith(body -> ((ObjectNode) body.path("agreement")).put("currency", "XQZ"));
        assertThat(unknownCurrency.status()).isEqualTo(400);
        assertThat(unknownCurrency.errorPointers()).containsExactly("/agreement/currency");

        Reply noCap = createWith(body -> ((ObjectNode) body.path("agreement").path("riskTerms"))
                .remove("perMemberCapPerPeriod"));
        assertThat(noCap.errorPointers()).containsExactly("/agreement/riskTerms/perMemberCapPerPeriod");

        Reply schema = createWith(body -> ((ObjectNode) body).remove("invitees"));
        assertThat(schema.status()).isEqualTo(400);

        Reply badDate = createWith(body -> ((ObjectNode) body.path("agreement")).put("startDate", "1999-01-04"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.errorPointers()).containsExactly("/agreement/startDate");

        assertThat(fixture.itemCount()).isZero();
    }

    private Reply createWith(Consumer<com.fasterxml.jackson.databind.JsonNode> change) {
        var event = CollaborationFixture.event("create-collaboration.json", ames.values("NAME", "Pool",
                "ORGANISER_ROLE", "MEMBER", "INVITEE_1", brook.id().value(), "INVITEE_2", cedar.id().value(),
                "START_DATE", "2026-11-23"));
        try {
            var body = MAPPER.readTree(event.getBody());
            change.accept(body);
            event.setBody(MAPPER.writeValueAsString(body));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return fixture.send(event);
    }

    private static String statusOf(Reply reply, Caller member) {
        List<String> found = new ArrayList<>();
        reply.json().path("members").forEach(entry -> {
            if (entry.path("partnerId").asText().equals(member.id().value())) {
                found.add(entry.path("status").asText());
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }
}
