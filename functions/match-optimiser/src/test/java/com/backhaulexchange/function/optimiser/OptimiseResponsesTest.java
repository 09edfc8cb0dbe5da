package com.backhaulexchange.function.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiTools;
import com.backhaulexchange.adapter.json.OptimisationView;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operator's optimisation response ({@code POST /operator/matching/optimise}), byte for byte as frozen in
 * src/test/resources/optimise-responses: captured from the hand-built tree before the view record replaced it
 * (record again with -DoptimiseResponses.record=true only when a change of the API is meant).
 */
class OptimiseResponsesTest {
    private static final boolean RECORD = Boolean.getBoolean("optimiseResponses.record");
    private static final Path FROZEN = Path.of("src/test/resources/optimise-responses");
    private static final Instant NOW = LaneExamples.NOW;

    private final ApiTools http = ApiTools.load();

    @Test
    void twoRegionsOneWithAPlanOneEmpty() throws IOException {
        assertFrozen("two-regions", 2, List.of(new OptimisationPlan(MatchingRegion.parse("9v"), NOW.plusSeconds(4),
                7, 9, 30, 12, List.of(MatchId.of(LaneExamples.capacity().id(), LaneExamples.load().id())),
                List.of(Money.of(123_456, "USD"), Money.of(7_800, "CAD")), List.of(Money.of(100_000, "USD"))),
                new OptimisationPlan(MatchingRegion.parse("dr"), NOW.plusSeconds(5), 0, 0, 0, 0, List.of(),
                        List.of(), List.of())));
    }

    @Test
    void noRegions() throws IOException {
        assertFrozen("no-regions", 0, List.of());
    }

    private void assertFrozen(String name, int regions, List<OptimisationPlan> plans) throws IOException {
        String body = ApiResponse.json(http.mapper(), 200, OptimisationView.of(regions, plans)).body() + "\n";
        Path file = FROZEN.resolve(name + ".json");
        if (RECORD) {
            Files.createDirectories(FROZEN);
            Files.writeString(file, body);
            assertThat(body).isEqualTo(Files.readString(file));
            return;
        }
        try (InputStream in = OptimiseResponsesTest.class.getResourceAsStream("/optimise-responses/" + name + ".json")) {
            assertThat(in).as(name + " is frozen").isNotNull();
            assertThat(body).as(name).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
