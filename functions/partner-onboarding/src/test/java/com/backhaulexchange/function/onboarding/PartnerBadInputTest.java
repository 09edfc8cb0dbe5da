package com.backhaulexchange.function.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.Reply;
import com.backhaulexchange.testing.TableContents;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A currency ISO 4217 does not know, or one without minor units, is a 400 on registration and update alike. */
class PartnerBadInputTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private OnboardingFixture onboarding;

    @BeforeEach
    void freshTable() {
        onboarding = OnboardingFixture.fresh();
    }

    @ParameterizedTest(name = "currency {0}")
    @ValueSource(strings = {"ZZZ", "XXX", "XTS", "XAU"})
    void aRegistrationWithAnUnknownOrPseudoCurrencyIsPointedAt(String currency) {
        refused("register-carrier.json", Map.of(), body -> ((ObjectNode) body.path("operatingCostPerMile"))
                .put("currency", currency), "/operatingCostPerMile/currency");
    }

    @ParameterizedTest(name = "currency {0}")
    @ValueSource(strings = {"ZZZ", "XXX", "XTS", "XAU"})
    void aProfileUpdateWithAnUnknownOrPseudoCurrencyIsPointedAt(String currency) {
        var carrier = onboarding.registerCarrier();
        refused("patch-own-partner.json", carrier.asCaller("IF_MATCH", carrier.etag()), body -> body.set(
                "operatingCostPerMile", MAPPER.createObjectNode().put("amountMinorUnits", 250).put("currency", currency)),
                "/operatingCostPerMile/currency");
    }

    private void refused(String sample, Map<String, String> values, Consumer<ObjectNode> change, String pointer) {
        var before = TableContents.of(onboarding.dynamoDb, onboarding.tableName);
        var event = SampleEvents.load(sample, values);
        ObjectNode body;
        try {
            body = (ObjectNode) MAPPER.readTree(event.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        change.accept(body);
        event.setBody(body.toString());

        Reply reply = onboarding.send(event);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.errorPointers()).as(reply.body()).contains(pointer);
        assertThat(TableContents.of(onboarding.dynamoDb, onboarding.tableName)).as("nothing written").isEqualTo(before);
    }
}
