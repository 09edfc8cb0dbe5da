package com.backhaulexchange.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.testing.TemplateTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleEventsTest {
    private static final Map<String, String> PARTNER = Map.of("API_KEY", "bhx_key", "PARTNER_ID", "01PARTNER",
            "ROLES", "CARRIER", "KEY_ID", "KEY1");

    @TempDir
    Path directory;

    private SampleEvents events(Instant now) {
        return new SampleEvents(TemplateTables.templatePath().getParent().resolve("events"), directory, now);
    }

    @Test
    void fillsTheSamplesPlaceholdersAsTheFunctionsTestsDo() {
        var event = events(Instant.parse("2026-11-20T12:00:00Z")).read("partner-onboarding/get-own-partner.json",
                PARTNER, APIGatewayProxyRequestEvent.class);
        assertThat(event.getResource()).isEqualTo("/partners/me");
        assertThat(event.getRequestContext().getAuthorizer()).containsEntry("partnerId", "01PARTNER")
                .containsEntry("roles", "CARRIER").containsEntry("keyId", "KEY1");
    }

    @Test
    void readsAnSqsBatchWithItsRecordsAsTheRuntimeWould() {
        var event = events(Instant.parse("2026-11-20T12:00:00Z")).read("match-engine/match-request.json",
                Map.of("LANE_ID", "01LANE", "LANE_KIND", "LOAD", "MESSAGE_ID", "m-1"), SQSEvent.class);
        assertThat(event.getRecords()).singleElement().satisfies(record -> {
            assertThat(record.getBody()).contains("\"laneId\": \"01LANE\"");
            assertThat(record.getEventSourceArn()).startsWith("arn:aws:sqs:");
        });
    }

    @Test
    void movesTheLaneDatesByWholeWeeksUntilTheyAreAhead() throws Exception {
        assertThat(SampleEvents.weeksAhead(Instant.parse("2026-11-20T12:00:00Z"))).isZero();
        assertThat(SampleEvents.weeksAhead(Instant.parse("2026-12-03T09:00:00Z"))).isEqualTo(2);
        Path file = events(Instant.parse("2026-12-03T09:00:00Z"))
                .writeShifted("lane-posting/post-capacity-by-city-names.json", PARTNER);
        assertThat(Files.readString(file)).contains("2026-12-07T06:00:00-06:00[America/Chicago]")
                .doesNotContain("2026-11-23T").doesNotContain("${");
    }

    @Test
    void eachEventGetsAFileOfItsOwn() {
        var events = events(Instant.parse("2026-11-20T12:00:00Z"));
        assertThat(events.write("partner-onboarding/register-carrier-with-idempotency-key.json",
                ColdStartScenarios.freshIdempotencyKey())).isNotEqualTo(events.write(
                "partner-onboarding/register-carrier-with-idempotency-key.json", ColdStartScenarios.freshIdempotencyKey()));
    }

    @Test
    void anUnfilledPlaceholderIsRefused() {
        assertThatThrownBy(() -> events(Instant.now()).write("api-key-authorizer/valid-partner-key.json", Map.of()))
                .hasMessageContaining("API_KEY");
    }
}
