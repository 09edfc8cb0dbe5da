package com.backhaulexchange.function.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.contract.OpenApiResponseValidator;
import com.backhaulexchange.adapter.http.OpenApiSchemas;
import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** POST /allocations/preview through the handler, on the events/settlement samples, against textbook answers. */
class AllocationPreviewTest {
    private static final double EXACT = 1e-6;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SettlementFixture fixture = new SettlementFixture();

    // ------------------------------------------------------------------ textbook games

    @Test
    void theBankruptcyGameGetsShapleyAndTheTalmudRuleAndShadowPricesAreRefusedNotTheRequest() {
        Reply reply = fixture.send("preview-bankruptcy-game.json");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.path("kind").asText()).isEqualTo("VALUE");
        assertThat(json.path("grandCoalitionValue").asDouble()).isCloseTo(200, within(EXACT));
        assertThat(json.path("results")).extracting(result -> result.path("rule").asText()).containsExactly(
                "SHAPLEY", "SAMPLED_SHAPLEY", "NUCLEOLUS", "EQUAL_PROFIT", "PROPORTIONAL", "EQUAL_SPLIT",
                "SHADOW_PRICES");

        JsonNode shapley = result(json, "SHAPLEY");
        assertThat(shapley.path("outcome").asText()).isEqualTo("ALLOCATED");
        assertShares(shapley, 100.0 / 3, 250.0 / 3, 250.0 / 3);
        assertThat(shapley.path("shares").get(0).path("player").asText()).isEqualTo("Ames Freight");
        assertThat(shapley.path("stability").path("inCore").asBoolean()).isTrue();
        assertThat(shapley.path("stability").path("blockingCount").asInt()).isZero();

        assertShares(result(json, "NUCLEOLUS"), 50, 75, 75);
        assertThat(result(json, "NUCLEOLUS").path("stability").path("inCore").asBoolean()).isTrue();

        JsonNode sampled = result(json, "SAMPLED_SHAPLEY");
        assertThat(sampled.path("sampling").path("permutations").asInt()).isEqualTo(20_000);
        assertThat(sampled.path("sampling").path("seed").asLong()).isEqualTo(2026);
        double[] exact = {100.0 / 3, 250.0 / 3, 250.0 / 3};
        for (int i = 0; i < 3; i++) {
            JsonNode share = sampled.path("shares").get(i);
            double standardError = share.path("standardError").asDouble();
            assertThat(standardError).isPositive();
            assertThat(share.path("share").asDouble()).isCloseTo(exact[i], within(5 * standardError));
        }

        assertThat(result(json, "EQUAL_PROFIT").path("stability").path("inCore").asBoolean()).isTrue();
        assertShares(result(json, "EQUAL_SPLIT"), 200.0 / 3, 200.0 / 3, 200.0 / 3);
        JsonNode proportional = result(json, "PROPORTIONAL");
        assertShares(proportional, 200.0 / 3, 200.0 / 3, 200.0 / 3);
        assertThat(proportional.path("remarks")).isNotEmpty();

        JsonNode shadow = result(json, "SHADOW_PRICES");
        assertThat(shadow.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(shadow.path("reasonCode").asText()).isEqualTo("shadow-prices-need-a-market");
        assertThat(shadow.path("detail").asText()).isNotBlank();
        assertThat(shadow.has("shares")).isFalse();
    }

    @Test
    void theGloveGameShowsWhichCoalitionsBlockShapleyAndTheEqualSplitButNotTheNucleolus() {
        Reply reply = fixture.send("preview-glove-game.json");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode shapley = result(reply.json(), "SHAPLEY");
        assertShares(shapley, 2.0 / 3, 1.0 / 6, 1.0 / 6);
        JsonNode stability = shapley.path("stability");
        assertThat(stability.path("inCore").asBoolean()).isFalse();
        assertThat(stability.path("efficient").asBoolean()).isTrue();
        assertThat(stability.path("blockingCount").asInt()).isEqualTo(2);
        assertThat(stability.path("blocking")).extracting(coalition -> members(coalition))
                .containsExactly(List.of("L", "R1"), List.of("L", "R2"));
        JsonNode first = stability.path("blocking").get(0);
        assertThat(first.path("value").asDouble()).isCloseTo(1, within(EXACT));
        assertThat(first.path("allocated").asDouble()).isCloseTo(5.0 / 6, within(EXACT));
        assertThat(first.path("gap").asDouble()).isCloseTo(1.0 / 6, within(EXACT));

        JsonNode nucleolus = result(reply.json(), "NUCLEOLUS");
        assertShares(nucleolus, 1, 0, 0);
        assertThat(nucleolus.path("stability").path("inCore").asBoolean()).isTrue();
        assertThat(nucleolus.path("stability").path("blocking")).isEmpty();

        JsonNode equal = result(reply.json(), "EQUAL_SPLIT");
        assertThat(equal.path("stability").path("blockingCount").asInt()).isEqualTo(2);
        assertThat(equal.path("stability").path("blocking").get(0).path("gap").asDouble())
                .isCloseTo(1.0 / 3, within(EXACT));
    }

    @Test
    void theOperatorPreviewsTheAirportCostGameAsCostShares() {
        Reply reply = fixture.send("operator-preview-airport-cost-game.json");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.path("kind").asText()).isEqualTo("COST");
        assertThat(json.path("grandCoalitionCost").asDouble()).isCloseTo(13, within(EXACT));
        assertThat(json.path("grandCoalitionValue").asDouble()).isCloseTo(8 + 11 + 13 - 13, within(EXACT));
        assertCostShares(result(json, "SHAPLEY"), 8.0 / 3, 8.0 / 3 + 1.5, 8.0 / 3 + 1.5 + 2);
        assertCostShares(result(json, "NUCLEOLUS"), 11.0 / 3, 11.0 / 3, 17.0 / 3);
        assertThat(result(json, "SHAPLEY").path("shares").get(0).path("share").asDouble())
                .isCloseTo(8 - 8.0 / 3, within(EXACT));
        for (String rule : List.of("SHAPLEY", "NUCLEOLUS", "EQUAL_PROFIT")) {
            assertThat(result(json, rule).path("stability").path("inCore").asBoolean()).as(rule).isTrue();
        }
        // Equal split of the savings: Small pays 8 - 19/3 = 1.67 and Large 13 - 19/3 = 6.67 (together 8.33),
        // more than {Medium, Large}'s runway costs (13)? 4.67 + 6.67 = 11.33 < 13: no. {Small, Medium}: 1.67 + 4.67.
        JsonNode equal = result(json, "EQUAL_SPLIT");
        assertCostShares(equal, 8 - 19.0 / 3, 11 - 19.0 / 3, 13 - 19.0 / 3);
        for (JsonNode coalition : equal.path("stability").path("blocking")) {
            assertThat(coalition.path("allocatedCost").asDouble() - coalition.path("cost").asDouble())
                    .isCloseTo(coalition.path("gap").asDouble(), within(EXACT));
        }
    }

    @Test
    void aRuleThatCannotShareTheGameIsRefusedInItsResultWithTheLibrarysReason() {
        // Stand-alone values 60 + 60 exceed v(N) = 100: there is no imputation, so no nucleolus.
        ObjectNode body = game(List.of("A", "B"), coalition -> coalition.size() == 2 ? 100 : 60, "NUCLEOLUS",
                "SHAPLEY");

        Reply reply = fixture.sendWithBody("preview-bankruptcy-game.json", body.toString());

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(result(reply.json(), "NUCLEOLUS").path("reasonCode").asText())
                .isEqualTo("nucleolus-needs-imputations");
        assertShares(result(reply.json(), "SHAPLEY"), 50, 50);
        assertThat(result(reply.json(), "SHAPLEY").path("stability").path("blockingCount").asInt()).isEqualTo(2);
    }

    @Test
    void twelvePlayersArePreviewedAndTheLinearProgrammesAreRefusedAboveTen() {
        List<String> players = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            players.add("Carrier number %02d of the twelve-partner pool".formatted(i).substring(0, 40));
        }
        // v(S) = |S|^2: convex, so Shapley (12 each) is in the core.
        ObjectNode body = game(players, coalition -> coalition.size() * coalition.size(), "SHAPLEY", "NUCLEOLUS",
                "EQUAL_PROFIT", "SAMPLED_SHAPLEY", "EQUAL_SPLIT", "PROPORTIONAL");
        assertThat(body.path("coalitions").size()).isEqualTo(4095);
        assertThat(body.toString().length()).isLessThan(SettlementApi.MAX_PREVIEW_BODY_BYTES);

        Reply reply = fixture.sendWithBody("preview-bankruptcy-game.json", body.toString());

        assertThat(reply.status()).as("%s", reply.status()).isEqualTo(200);
        JsonNode shapley = result(reply.json(), "SHAPLEY");
        shapley.path("shares").forEach(share -> assertThat(share.path("share").asDouble()).isCloseTo(12, within(EXACT)));
        assertThat(shapley.path("stability").path("inCore").asBoolean()).isTrue();
        for (String rule : List.of("NUCLEOLUS", "EQUAL_PROFIT")) {
            assertThat(result(reply.json(), rule).path("reasonCode").asText()).as(rule)
                    .isEqualTo(AllocationPreview.TOO_MANY_PLAYERS_FOR_PREVIEW);
        }
        assertThat(result(reply.json(), "SAMPLED_SHAPLEY").path("sampling").path("permutations").asInt())
                .isEqualTo(AllocationPreview.DEFAULT_PERMUTATIONS);
    }

    @Test
    void blockingCoalitionsAreCappedAtTwentyWithTheTotalCount() {
        // A and any partner already make the whole 60; the equal split (10 each) leaves every such coalition
        // of 2 to 5 players short: 5 + 10 + 10 + 5 = 30 blocking coalitions.
        List<String> players = List.of("A", "B", "C", "D", "E", "F");
        ObjectNode body = game(players, coalition -> coalition.contains("A") && coalition.size() >= 2 ? 60 : 0,
                "EQUAL_SPLIT");

        Reply reply = fixture.sendWithBody("preview-bankruptcy-game.json", body.toString());

        JsonNode stability = result(reply.json(), "EQUAL_SPLIT").path("stability");
        assertThat(stability.path("blockingCount").asInt()).isEqualTo(30);
        assertThat(stability.path("blocking")).hasSize(20);
        double previous = Double.MAX_VALUE;
        for (JsonNode coalition : stability.path("blocking")) {
            assertThat(coalition.path("gap").asDouble()).isLessThanOrEqualTo(previous);
            previous = coalition.path("gap").asDouble();
        }
    }

    // ------------------------------------------------------------------ games that are not well-formed

    @Test
    void aMissingCoalitionIsA400PointingAtTheCoalitionsAndNamingIt() {
        Reply reply = fixture.send("preview-with-a-missing-coalition.json");

        assertProblem(reply);
        assertThat(reply.errorPointers()).containsExactly("/coalitions");
        assertThat(reply.json().path("errors").get(0).path("detail").asText())
                .contains("1 missing").contains("{Brook Logistics, Cedar Carriers}");
    }

    @Test
    void thirteenPlayersAreTooMany() {
        Reply reply = fixture.send("preview-with-too-many-players.json");

        assertProblem(reply);
        assertThat(reply.errorPointers()).containsExactly("/players");
    }

    @Test
    void unknownMembersAndACoalitionListedTwiceArePointedAtOneByOne() {
        Reply reply = fixture.send("preview-with-a-malformed-game.json");

        assertProblem(reply);
        assertThat(reply.errorPointers()).containsExactly("/coalitions/1/members/0", "/coalitions/4/members");
        assertThat(reply.json().path("errors").get(0).path("detail").asText()).contains("Brook Logistic");
        assertThat(reply.json().path("errors").get(1).path("detail").asText()).contains("/coalitions/3");
    }

    @Test
    void numbersThatAreNotFiniteNumbersAreRejected() {
        String body = bankruptcyBody();
        for (String bad : List.of("1e400", "\"100\"", "null", "-1e16")) {
            Reply reply = fixture.sendWithBody("preview-bankruptcy-game.json",
                    body.replaceFirst("\"value\"\\s*:\\s*100", "\"value\": " + bad));
            assertProblem(reply);
            assertThat(reply.errorPointers()).as(bad).containsExactly("/coalitions/5/value");
        }
        Reply nan = fixture.sendWithBody("preview-bankruptcy-game.json",
                body.replaceFirst("\"value\"\\s*:\\s*100", "\"value\": NaN"));
        assertThat(nan.status()).isEqualTo(400);
        assertThat(nan.json().path("type").asText()).endsWith("/malformed-json");
    }

    @Test
    void wrongSizesUnknownRulesAndStrayFieldsAreRejectedBeforeAnythingIsComputed() throws Exception {
        ObjectNode body = (ObjectNode) MAPPER.readTree(bankruptcyBody());
        ((ArrayNode) body.path("players")).add("Ames Freight");
        ((ArrayNode) body.path("rules")).set(0, "MEDIAN");
        ((ObjectNode) body.path("coalitions").get(6)).putArray("members");
        body.put("currency", "USD");

        Reply reply = fixture.sendWithBody("preview-bankruptcy-game.json", body.toString());

        assertProblem(reply);
        assertThat(reply.errorPointers()).contains("/players", "/rules/0", "/coalitions/6/members", "/currency");
    }

    @Test
    void samplingWithoutTheSampledRuleIsRejected() throws Exception {
        ObjectNode body = (ObjectNode) MAPPER.readTree(bankruptcyBody());
        body.putArray("rules").add("SHAPLEY");

        Reply reply = fixture.sendWithBody("preview-bankruptcy-game.json", body.toString());

        assertProblem(reply);
        assertThat(reply.errorPointers()).containsExactly("/sampling");
    }

    @Test
    void aRequestWithoutAnAuthenticatedCallerIs401() {
        var event = SettlementFixture.sample("preview-bankruptcy-game.json");
        event.getRequestContext().setAuthorizer(null);

        Reply reply = fixture.send(event);

        assertThat(reply.status()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ the document's own examples

    @Test
    void everyRequestExampleOfTheOpenApiDocumentConformsAndPreviewsItsTextbookAnswer() {
        JsonNode examples = OpenApiResponseValidator.shared().document().path("paths").path("/allocations/preview")
                .path("post").path("requestBody").path("content").path("application/json").path("examples");
        assertThat(examples.size()).isGreaterThanOrEqualTo(2);
        var schemas = OpenApiSchemas.loadFromClasspath();
        Map<String, JsonNode> results = new HashMap<>();
        examples.properties().forEach(example -> {
            JsonNode value = example.getValue().path("value");
            assertThat(schemas.violations(SettlementApi.PREVIEW_SCHEMA, value)).as(example.getKey()).isEmpty();
            Reply reply = fixture.sendWithBody("preview-bankruptcy-game.json", value.toString());
            assertThat(reply.status()).as("%s: %s", example.getKey(), reply).isEqualTo(200);
            results.put(example.getKey(), reply.json());
        });
        assertShares(result(results.get("bankruptcy"), "NUCLEOLUS"), 50, 75, 75);
        assertShares(result(results.get("glove"), "SHAPLEY"), 2.0 / 3, 1.0 / 6, 1.0 / 6);
        assertCostShares(result(results.get("airportCosts"), "SHAPLEY"), 8.0 / 3, 8.0 / 3 + 1.5, 8.0 / 3 + 3.5);
    }

    @Test
    void snapStartPrimingPreviewsTheSmallGameByEveryRule() throws Exception {
        fixture.handler.priming().beforeCheckpoint(null);
        fixture.handler.priming().afterRestore(null);
        assertThat(fixture.handler.routeKeys()).contains("POST /allocations/preview", "POST /collaborations");
    }

    // ------------------------------------------------------------------ helpers

    private static String bankruptcyBody() {
        return SettlementFixture.sample("preview-bankruptcy-game.json").getBody();
    }

    private static JsonNode result(JsonNode preview, String rule) {
        for (JsonNode result : preview.path("results")) {
            if (result.path("rule").asText().equals(rule)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + rule + " in " + preview);
    }

    private static void assertShares(JsonNode result, double... expected) {
        assertNumbers(result, share -> share.path("share").asDouble(), expected);
    }

    private static void assertCostShares(JsonNode result, double... expected) {
        assertNumbers(result, share -> share.path("costShare").asDouble(), expected);
    }

    private static void assertNumbers(JsonNode result, ToDoubleFunction<JsonNode> read, double... expected) {
        assertThat(result.path("outcome").asText()).as("%s", result).isEqualTo("ALLOCATED");
        assertThat(result.path("shares")).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(read.applyAsDouble(result.path("shares").get(i))).as("%s player %d", result.path("rule"), i)
                    .isCloseTo(expected[i], within(EXACT));
        }
    }

    private static List<String> members(JsonNode coalition) {
        List<String> members = new ArrayList<>();
        coalition.path("members").forEach(member -> members.add(member.asText()));
        return members;
    }

    private static void assertProblem(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.json().path("type").asText()).endsWith("/validation-failed");
    }

    /** A VALUE game over {@code players} with every non-empty coalition, valued by its member names. */
    private static ObjectNode game(List<String> players, ToDoubleFunction<List<String>> value, String... rules) {
        ObjectNode body = MAPPER.createObjectNode();
        players.forEach(body.putArray("players")::add);
        body.put("kind", "VALUE");
        ArrayNode coalitions = body.putArray("coalitions");
        for (int mask = 1; mask < 1 << players.size(); mask++) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < players.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    members.add(players.get(i));
                }
            }
            ObjectNode coalition = coalitions.addObject();
            members.forEach(coalition.putArray("members")::add);
            coalition.put("value", value.applyAsDouble(members));
        }
        for (String rule : rules) {
            body.withArray("rules").add(rule);
        }
        return body;
    }
}
