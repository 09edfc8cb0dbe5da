package com.backhaulexchange.function.settlement;

import com.backhaulexchange.testing.JsonLiterals;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.function.settlement.CollaborationFixture.Caller;
import com.backhaulexchange.testing.Reply;
import com.backhaulexchange.testing.TableContents;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values an attacker-style run sent to the collaboration and preview routes: each is a 400 problem pointing at
 * the field, never a 500, a coerced value or a response too large for Lambda, and nothing is written.
 */
class SettlementBadInputTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final CollaborationFixture fixture = new CollaborationFixture();
    private final Caller ames = CollaborationFixture.partner();
    private final Caller brook = CollaborationFixture.partner();
    private final Caller cedar = CollaborationFixture.partner();

    @ParameterizedTest(name = "currency {0}")
    @ValueSource(strings = {"ZZZ", "XXX", "XTS", "XAU"})
    void anUnknownOrPseudoCurrencyIsPointedAt(String currency) {
        createRefused(body -> ((ObjectNode) body.path("agreement")).put("currency", currency), "/agreement/currency");
        createRefused(body -> ((ObjectNode) body.path("agreement").path("riskTerms").path("perMemberCapPerPeriod"))
                .put("currency", currency), "/agreement/riskTerms/perMemberCapPerPeriod/currency");
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"1e308", "9223372036854775808", "500.5"})
    void aCapThatIsNotAnExactWholeNumberIsPointedAt(String amount) {
        createRefused(body -> ((ObjectNode) body.path("agreement").path("riskTerms").path("perMemberCapPerPeriod"))
                .set("amountMinorUnits", JsonLiterals.number(amount)), "/agreement/riskTerms/perMemberCapPerPeriod/amountMinorUnits");
    }

    @ParameterizedTest(name = "pooled share {0}")
    @ValueSource(strings = {"9223372036854775808", "1e308", "2500.5", "10001", "-1"})
    void aPooledShareThatIsNotAnExactWholeNumberInRangeIsPointedAt(String share) {
        createRefused(body -> ((ObjectNode) body.path("agreement")).set("pooledShareBasisPoints", JsonLiterals.number(share)),
                "/agreement/pooledShareBasisPoints");
    }

    @Test
    void aPreviewWithAHundredThousandBadElementsIsASmall400() {
        StringBuilder coalitions = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            coalitions.append(i == 0 ? "" : ",").append('1');
        }
        String body = "{\"players\": [\"A\", \"B\"], \"kind\": \"VALUE\", \"rules\": [\"SHAPLEY\"], \"coalitions\": ["
                + coalitions + "]}";

        Reply reply = new SettlementFixture().sendWithBody("preview-glove-game.json", body);

        assertThat(reply.status()).as(reply.headers().toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(64 * 1024);
        assertThat(reply.errorPointers()).contains("/coalitions/0", "");
        assertThat(reply.json().path("errors")).hasSizeLessThanOrEqualTo(101);
    }

    private void createRefused(Consumer<ObjectNode> change, String pointer) {
        var before = TableContents.of(fixture.dynamoDb, fixture.collaborationsTable);
        var event = CollaborationFixture.event("create-collaboration.json", ames.values("NAME", "Pool",
                "ORGANISER_ROLE", "MEMBER", "INVITEE_1", brook.id().value(), "INVITEE_2", cedar.id().value(),
                "START_DATE", "2026-11-23"));
        try {
            var body = (ObjectNode) MAPPER.readTree(event.getBody());
            change.accept(body);
            event.setBody(MAPPER.writeValueAsString(body));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        Reply reply = fixture.send(event);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.errorPointers()).as(reply.body()).contains(pointer);
        assertThat(TableContents.of(fixture.dynamoDb, fixture.collaborationsTable)).as("nothing written")
                .isEqualTo(before);
    }
}
