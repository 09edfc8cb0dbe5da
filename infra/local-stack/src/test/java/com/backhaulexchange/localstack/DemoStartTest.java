package com.backhaulexchange.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.demo.CapabilityShowcase;
import com.backhaulexchange.localstack.demo.CapabilityShowcase.Fate;
import com.backhaulexchange.localstack.demo.DemoSeeder;
import com.backhaulexchange.localstack.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code ./bhx local --demo} as a newcomer gets it: the stack started from the command line's options with the
 * real template, the demo seeded as {@link LocalStackMain} seeds it (the fixed seed, the full network, the
 * operator key that ./bhx local passes), then every capability looked at through the API, and every command of
 * the banner run in bash as the newcomer would paste it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoStartTest {
    private static final String OPERATOR_KEY = "bhxop_DemoStartTestOperatorKey0123456789abcdefgh";
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalStack stack;
    private LocalStackMain.DemoSeeding seeding;
    private CapabilityShowcase.Showcase showcase;
    private String banner;

    @BeforeAll
    void startWithTheDemo() throws Exception {
        String template = Path.of("../../template.yaml").toAbsolutePath().normalize().toString();
        var arguments = LocalStackMain.parse(new String[] {"--template", template, "--port", "0", "--demo",
                "--parameter", "OperatorKeySha256=" + sha256Hex(OPERATOR_KEY)});
        assertThat(arguments.demo()).isTrue();
        stack = LocalStack.start(arguments.options());
        StringBuilder printed = new StringBuilder();
        seeding = LocalStackMain.seedDemo(stack, OPERATOR_KEY, DemoSeeder.Size.DEFAULT, printed::append);
        showcase = seeding.showcase();
        banner = printed.toString();
        System.out.printf("[demo] the showcase seeded in %d ms, all in %d ms%n%s", seeding.showcaseTook().toMillis(),
                seeding.took().toMillis(), banner);
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyCapabilityHoldsDataSeededThroughTheApi() throws Exception {
        assertThat(showcase.failures()).isEmpty();
        assertThat(seeding.network().failures()).isEmpty();
        assertThat(seeding.network().trucks()).hasSize(150);
        // How long it took is reported, not asserted: a timing is a benchmark's figure, not a test's verdict.
        System.out.printf("--demo seeded the showcase in %d s and everything in %d s%n",
                seeding.showcaseTook().toSeconds(), seeding.took().toSeconds());
        String carrier = showcase.carrier().apiKey();

        JsonNode negotiations = get("/negotiations", carrier);
        String open = showcase.negotiations().get(Fate.NEGOTIATION_OPEN);
        String countered = showcase.negotiations().get(Fate.NEGOTIATION_COUNTERED);
        assertThat(statusOf(negotiations, "negotiationId", open)).isEqualTo("OPEN");
        assertThat(statusOf(negotiations, "negotiationId", countered)).isEqualTo("OPEN");
        List<String> events = new ArrayList<>();
        get("/negotiations/" + countered + "/history", carrier).path("items")
                .forEach(item -> events.add(item.path("event").asText()));
        assertThat(events).containsExactly("OPENED", "COUNTERED");

        JsonNode bookings = get("/bookings", carrier);
        Set<String> states = new TreeSet<>();
        bookings.path("items").forEach(booking -> states.add(booking.path("status").asText()));
        assertThat(states).containsExactlyInAnyOrder("BOOKED", "PICKED_UP", "DELIVERED", "CANCELLED");
        for (JsonNode booking : bookings.path("items")) {
            assertThat(get("/bookings/" + booking.path("bookingId").asText() + "/rate-confirmation", carrier)
                    .isObject()).isTrue();
        }

        JsonNode deliveries = get(showcase.receiverPath(), null).path("deliveries");
        assertThat(deliveries).isNotEmpty();
        assertThat(deliveries.get(0).path("headers").path("BHX-Signature").asText()).startsWith("t=");

        String statementPath = "/collaborations/" + showcase.settledCollaborationId() + "/periods/0/statement";
        JsonNode statement = get(statementPath, carrier);
        assertThat(statement.path("bookings")).hasSize(2);
        assertThat(statement.path("realisedGain").asLong()).isNotZero();
        assertThat(statement.path("totals").path("realisedTotal").asLong()).isPositive();
        assertThat(statement.path("memberFinals")).hasSize(3);
        assertThat(statement.path("emissions").path("rule").asText()).as("the CO2e shared by the money's rule")
                .isEqualTo(statement.path("rule").asText());
        assertThat(statement.path("emissions").path("memberShares")).hasSize(3);
        JsonNode shipperStatement = get(statementPath, showcase.shipper().apiKey());
        assertThat(shipperStatement.path("realisedGain").asLong()).isNotZero();
        assertThat(shipperStatement.path("riskEvents").findValuesAsText("kind")).as("the cancellation")
                .containsExactly("TONU");
        assertThat(get("/_local/settlement-clock", OPERATOR_KEY).path("offsetSeconds").asLong())
                .as("the settlement clock is put back").isZero();

        CapabilityShowcase.RoundTrip roundTrip = showcase.roundTrip();
        JsonNode reloadPackage = get("/packages/" + roundTrip.packageId(), carrier);
        assertThat(reloadPackage.path("roundTrip").asBoolean()).isTrue();
        assertThat(reloadPackage.path("legs").findValuesAsText("loadLaneId"))
                .containsExactly(roundTrip.outboundLoadId(), roundTrip.returnLoadId());
        assertThat(reloadPackage.path("explanation").path("economics").path("surplus").path("amountMinorUnits")
                .asLong()).isPositive();
        JsonNode deal = get("/package-deals/" + roundTrip.packageDealId(), carrier);
        assertThat(deal.path("status").asText()).isEqualTo("OPEN");
        assertThat(deal.path("legs").findValuesAsText("status")).containsExactly("ACCEPTED", "AWAITING_SHIPPER");
        JsonNode returnShippersView = get("/package-deals/" + roundTrip.packageDealId(),
                showcase.otherShipper().apiKey());
        assertThat(returnShippersView.path("legs")).as("a shipper sees its own load only").hasSize(1);
        assertThat(returnShippersView.path("loadsInPackage").asInt()).isEqualTo(2);
        assertThat(status("/packages/" + roundTrip.packageId(), showcase.shipper().apiKey()))
                .as("a package is the carrier's: to a shipper of one of its loads it is unknown").isEqualTo(404);

        JsonNode outcomes = get("/partners/me/outcomes?from=" + showcase.outcomesDay() + "&to="
                + showcase.outcomesDay(), carrier);
        assertThat(outcomes.path("roles").get(0).path("totals").path("loadsMoved").asLong()).isEqualTo(2);
    }

    @Test
    void theBannerPrintsOneCommandPerCapabilityAndEachOneRuns() throws Exception {
        List<String> lines = banner.lines().map(String::strip).toList();
        String exports = lines.stream().filter(line -> line.startsWith("export CARRIER=")).findFirst().orElseThrow();
        List<String> commands = lines.stream().filter(line -> line.startsWith("curl ")).toList();
        assertThat(commands).hasSize(10);

        for (String command : commands) {
            JsonNode output = Json.MAPPER.readTree(bash(exports + "\n" + command));
            assertThat(output.has("status") && output.has("type")).as(command + " answered a problem: " + output)
                    .isFalse();
            if (command.contains("/package-deals/")) {
                assertThat(output.path("legs").findValuesAsText("status")).as(command)
                        .containsExactly("ACCEPTED", "AWAITING_SHIPPER");
            } else if (command.contains("/packages")) {
                assertThat(output.path("items").findValuesAsText("packageId")).as(command)
                        .contains(showcase.roundTrip().packageId());
            } else if (command.contains("/matches")) {
                assertThat(output.path("items")).as(command).isNotEmpty();
            } else if (command.contains("/negotiations")) {
                assertThat(output.path("items")).as(command).hasSizeGreaterThanOrEqualTo(2);
            } else if (command.contains("/rate-confirmation")) {
                assertThat(output.toString()).as(command).contains(showcase.bookings().get(Fate.DELIVERED));
            } else if (command.contains("/bookings")) {
                assertThat(output.path("items")).as(command).hasSize(5);
            } else if (command.contains("/webhook-receiver/")) {
                assertThat(output.path("deliveries")).as(command).isNotEmpty();
            } else if (command.contains("/collaborations/") && command.contains("/outcomes")) {
                assertThat(output.path("totals").path("bookings").asLong()).as(command).isPositive();
                assertThat(output.path("settledPeriods").path(0).path("emissions").path("memberShares")).as(command)
                        .hasSize(3);
            } else if (command.contains("/statement")) {
                assertThat(output.path("realisedGain").asLong()).as(command).isNotZero();
            } else if (command.contains("/outcomes")) {
                assertThat(output.path("roles").get(0).path("totals").path("loadsMoved").asLong()).as(command)
                        .isPositive();
            } else {
                throw new AssertionError("a command the test does not know: " + command);
            }
        }
    }

    private static String statusOf(JsonNode page, String idField, String id) {
        for (JsonNode item : page.path("items")) {
            if (item.path(idField).asText().equals(id)) {
                return item.path("status").asText();
            }
        }
        return "absent from " + page;
    }

    private int status(String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(stack.httpBaseUrl() + path))
                .header("Authorization", "Bearer " + bearer);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode get(String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(stack.httpBaseUrl() + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private static String bash(String script) throws Exception {
        Process process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(script + "\n" + output).isZero();
        return output;
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
