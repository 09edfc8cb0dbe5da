package com.backhaulexchange.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.LocalStack;
import com.backhaulexchange.localstack.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code --demo}: a small network seeded into the real template's stack through the API, whose loads posted on
 * the way of a truck are matched by the match engine, as a newcomer would see them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSeederTest {
    private static final Duration MATCHING_DEADLINE = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalStack stack;

    @BeforeAll
    void startTheRealStack() {
        stack = LocalStack.builder().templatePath(Path.of("../../template.yaml").toAbsolutePath().normalize())
                .httpPort(0).parameter("OperatorKeySha256", "0".repeat(64)).start();
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aSmallNetworkIsPostedThroughTheApiAndItsLoadsOnTheWayAreMatched() throws Exception {
        var outcome = new DemoSeeder(stack.httpBaseUrl(), new Random(7), Clock.systemUTC())
                .seed(new DemoSeeder.Size(10, 40));

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.partners()).hasSize(10);
        assertThat(outcome.trucks()).hasSize(20);
        assertThat(outcome.loads()).hasSize(20);
        assertThat(outcome.loadsOnTheWay()).hasSize(10);

        List<String> unmatched = new ArrayList<>();
        for (var load : outcome.loadsOnTheWay()) {
            JsonNode view = awaitMatching(load);
            if (view.path("items").isEmpty()) {
                unmatched.add(load.laneId() + " " + view.path("nearestRejections"));
            }
        }
        assertThat(unmatched).as("loads posted on the way of a truck without a match").isEmpty();
    }

    @Test
    void citiesAreDrawnByPopulationFromTheContiguousUnitedStates() {
        var cities = DemoCities.load();
        Map<String, Integer> drawn = new HashMap<>();
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            var city = cities.drawByPopulation(random);
            drawn.merge(city.label(), 1, Integer::sum);
            assertThat(city.state()).isNotIn("AK", "HI", "PR");
        }

        String mostDrawn = drawn.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(mostDrawn).isEqualTo("New York City, NY");
        assertThat(drawn.getOrDefault("Los Angeles, CA", 0)).isGreaterThan(drawn.getOrDefault("Dallas, TX", 0));
        assertThat(cities.size()).isGreaterThan(800);
    }

    private JsonNode awaitMatching(DemoSeeder.Posted load) throws Exception {
        long deadline = System.nanoTime() + MATCHING_DEADLINE.toNanos();
        while (true) {
            var response = http.send(HttpRequest.newBuilder(URI.create(stack.httpBaseUrl() + "/lanes/" + load.laneId()
                    + "/matches")).header("Authorization", "Bearer " + load.ownerApiKey()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode view = Json.MAPPER.readTree(response.body());
            if ("COMPLETED".equals(view.path("matching").path("status").asText()) || System.nanoTime() > deadline) {
                return view;
            }
            Thread.sleep(250);
        }
    }
}
