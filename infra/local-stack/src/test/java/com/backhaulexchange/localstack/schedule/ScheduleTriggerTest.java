package com.backhaulexchange.localstack.schedule;

import static com.backhaulexchange.localstack.FixtureStack.get;
import static com.backhaulexchange.localstack.FixtureStack.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.FixtureStack;
import com.backhaulexchange.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleTriggerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalStack stack;

    @BeforeAll
    void startStack() {
        stack = FixtureStack.start();
    }

    @AfterAll
    void stopStack() {
        stack.close();
    }

    private HttpResponse<String> fire(String function, String schedule) {
        return send(stack, "POST", "/_local/schedules/" + function + "/" + schedule, "");
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void schedulesAreListedWithHowToFireThem() throws Exception {
        HttpResponse<String> response = get(stack, "/_local/schedules");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode schedules = json(response);
        assertThat(schedules).hasSize(6);
        assertThat(schedules.get(0).path("function").asText()).isEqualTo("NightlyFunction");
        assertThat(schedules.get(0).path("name").asText()).isEqualTo("Nightly");
        assertThat(schedules.get(0).path("expression").asText()).isEqualTo("cron(0 3 * * ? *)");
        assertThat(schedules.get(0).path("trigger").asText()).isEqualTo("POST /_local/schedules/NightlyFunction/Nightly");
        assertThat(schedules.findValuesAsText("name")).contains("CleanupRule");
    }

    @Test
    void firingAScheduleDeliversAScheduledEventAndAnswersWithTheResult() throws Exception {
        HttpResponse<String> response = fire("NightlyFunction", "Nightly");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("source").asText()).isEqualTo("aws.events");
        assertThat(result.path("detailType").asText()).isEqualTo("Scheduled Event");
        assertThat(result.path("account").asText()).isEqualTo("000000000000");
        assertThat(result.path("resources").get(0).asText())
                .isEqualTo("arn:aws:events:us-east-1:000000000000:rule/NightlyFunctionNightly");
        assertThat(result.path("hasTime").asBoolean()).isTrue();

        assertThat(json(fire("NightlyFunction", "Hourly")).path("source").asText()).isEqualTo("aws.scheduler");
    }

    @Test
    void aConfiguredInputIsDeliveredInsteadEvenForADisabledSchedule() throws Exception {
        assertThat(json(fire("ReportFunction", "Weekly")).path("received").toString())
                .isEqualTo("{\"mode\":\"full\",\"batch\":3}");
        assertThat(json(fire("ReportFunction", "CleanupRule")).path("received").toString()).isEqualTo("{\"cleanup\":true}");
    }

    @Test
    void aHandlerTakingAMapGetsTheEventAsEventBridgeSendsIt() throws Exception {
        JsonNode received = json(fire("ReportFunction", "Daily")).path("received");

        assertThat(received.path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(received.path("source").asText()).isEqualTo("aws.events");
        assertThat(received.path("time").asText()).endsWith("Z");
    }

    @Test
    void aFailingFunctionIs500WithLambdasErrorPayload() throws Exception {
        HttpResponse<String> response = fire("ReportFunction", "Broken");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).path("errorMessage").asText()).isEqualTo("failing as asked");
        assertThat(json(response).path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void unknownSchedulesAndWrongMethodsAreRejected() {
        assertThat(fire("NightlyFunction", "Nope").statusCode()).isEqualTo(404);
        assertThat(fire("NoFunction", "Nightly").statusCode()).isEqualTo(404);
        assertThat(get(stack, "/_local/schedules/NightlyFunction/Nightly").statusCode()).isEqualTo(405);
        assertThat(get(stack, "/_local/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void rateExpressionsAreUnderstoodAndOthersAreNot() {
        assertThat(RateScheduleRunner.rate("rate(1 minute)")).contains(Duration.ofMinutes(1));
        assertThat(RateScheduleRunner.rate("rate(5 minutes)")).contains(Duration.ofMinutes(5));
        assertThat(RateScheduleRunner.rate("rate(2 hours)")).contains(Duration.ofHours(2));
        assertThat(RateScheduleRunner.rate("rate(7 days)")).contains(Duration.ofDays(7));
        assertThat(RateScheduleRunner.rate("cron(0 3 * * ? *)")).isEmpty();
        assertThat(RateScheduleRunner.rate("at(2026-01-01T00:00:00)")).isEmpty();
    }
}
