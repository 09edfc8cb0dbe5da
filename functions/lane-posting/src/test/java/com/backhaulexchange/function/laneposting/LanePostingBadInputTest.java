package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.testing.JsonLiterals;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values an attacker-style run sent to the real routes: every one is a 400 problem pointing at the field, never
 * a 500, never coerced, and nothing is written or queued.
 */
class LanePostingBadInputTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private LanePostingFixture fixture;

    @BeforeEach
    void freshTableAndQueue() {
        fixture = new LanePostingFixture();
    }

    @ParameterizedTest(name = "window time \"{0}\"")
    @ValueSource(strings = {"", " ", "2026-12-03", "2026-02-30T10:00:00Z", "2026-11-23T12:00:00-23:59",
            "2026-11-23T12:00-06:00", "2026-11-23T12:00:00-06:00[America/Springfield]", "2026-11-23T12:00:00-06:00[]"})
    void anImpossibleWindowTimeIsPointedAt(String time) {
        assertRefused("post-load-by-city-names.json",
                body -> ((ObjectNode) body.path("pickupWindow")).put("closesAt", time), "/pickupWindow/closesAt");
        assertRefused("post-capacity-at-coordinates.json", body -> body.put("availableFrom", time), "/availableFrom");
    }

    @ParameterizedTest(name = "currency {0}")
    @ValueSource(strings = {"ZZZ", "XXX", "XTS", "XAU"})
    void anUnknownOrPseudoCurrencyIsPointedAt(String currency) {
        assertRefused("post-load-by-city-names.json",
                body -> ((ObjectNode) body.path("budget")).put("currency", currency), "/budget/currency");
        assertRefused("post-capacity-at-coordinates.json", body -> body.set("minimumRatePerLoadedMile",
                MAPPER.createObjectNode().put("amountMinorUnits", 250).put("currency", currency)),
                "/minimumRatePerLoadedMile/currency");
    }

    @ParameterizedTest(name = "weight {0}")
    @ValueSource(strings = {"1e308", "9223372036854775808", "38000.5", "0", "48001"})
    void aWeightThatIsNotAnExactInRangeWholeNumberIsPointedAt(String weight) {
        assertRefused("post-capacity-at-coordinates.json",
                body -> body.set("weightCapacityLbs", JsonLiterals.number(weight)), "/weightCapacityLbs");
    }

    @Test
    void aSubnormalCoordinateIsStoredAsZero() {
        var event = LaneSampleEvents.load("post-capacity-at-coordinates.json", Caller.carrier().values());
        ObjectNode body = JsonLiterals.object(event.getBody());
        ((ObjectNode) body.path("emptyAt")).set("longitudeDegrees", JsonLiterals.number("1e-320"));
        event.setBody(body.toString());

        Reply reply = fixture.send(event);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().path("emptyAt").path("longitudeDegrees").asDouble()).isZero();
        assertThat(fixture.allItems()).isNotEmpty();
    }

    private void assertRefused(String sample, Consumer<ObjectNode> change, String pointer) {
        var event = LaneSampleEvents.load(sample, Caller.carrierAndShipper().values());
        ObjectNode body = JsonLiterals.object(event.getBody());
        change.accept(body);
        event.setBody(body.toString());

        Reply reply = fixture.send(event);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.errorPointers()).as(reply.body()).contains(pointer);
        assertThat(fixture.allItems()).as("nothing written").isEmpty();
        assertThat(fixture.queuedMatchRequests()).as("nothing queued").isEmpty();
    }
}
