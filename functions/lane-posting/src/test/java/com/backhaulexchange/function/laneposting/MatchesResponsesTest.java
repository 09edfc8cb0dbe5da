package com.backhaulexchange.function.laneposting;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiTools;
import com.backhaulexchange.deal.negotiation.NegotiationExamples;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.FeasibilityPolicies;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.partner.PartnerId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The matches of a lane's owner ({@code GET /lanes/{laneId}/matches}), byte for byte as frozen in
 * src/test/resources/matches-responses: captured from the hand-built tree before the view records replaced it
 * (record them again with -DmatchesResponses.record=true only when a change of the API is meant). The carrier
 * and the shipper read the same match through their own views.
 */
class MatchesResponsesTest {
    private static final boolean RECORD = Boolean.getBoolean("matchesResponses.record");
    private static final Path FROZEN = Path.of("src/test/resources/matches-responses");
    private static final Instant NOW = LaneExamples.NOW;

    private final ApiTools http = ApiTools.load();

    @Test
    void theCarriersLaneWithARunAndAPageOfMatches() throws IOException {
        Match match = NegotiationExamples.match();
        Match recommended = match.withRecommendation(new Match.Recommendation(NOW.plusSeconds(60),
                MatchingRegion.parse("9v"))).retracted(NOW.plusSeconds(120));
        var run = new MatchRun(LaneExamples.capacity().id().value(), LaneKind.CAPACITY, NOW.plusSeconds(2), 12, 40,
                false, 38, 3, 3, List.of(new MatchRun.NearestRejection(12.345678, 600.04999, 0.05, List.of(
                        new Decision.Rejected("EQUIPMENT_MISMATCH", "The load needs a REEFER.", null),
                        new Decision.Rejected(FeasibilityPolicies.BUDGET_BELOW_CARRIER_MINIMUM,
                                "The budget USD 1.20 per mile is below the minimum USD 2.50.",
                                "/load/budget/amountMinorUnits")))));
        var found = new LanePostingService.LaneMatches(new PostedLane.Capacity(LaneExamples.capacity(), NOW,
                NOW.plusSeconds(1)), new Page<>(List.of(match, recommended), "eyJuZXh0IjoxfQ"), Optional.of(run));
        assertFrozen("carrier-lane-with-a-run", found, match.carrier(), NOW.plusSeconds(180));
    }

    @Test
    void theShippersLaneWithARunWithoutCandidates() throws IOException {
        Match match = NegotiationExamples.match();
        var run = new MatchRun(LaneExamples.load().id().value(), LaneKind.LOAD, NOW.plusSeconds(3), 4, 0, true, 0,
                0, 0, List.of(new MatchRun.NearestRejection(1.25, 2.35, 3.45, List.of(
                        new Decision.Rejected(FeasibilityPolicies.NO_SURPLUS, "private", "/load/budget")))));
        var found = new LanePostingService.LaneMatches(new PostedLane.Load(LaneExamples.load(), NOW, NOW),
                new Page<>(List.of(match), null), Optional.of(run));
        assertFrozen("shipper-lane-with-a-run", found, match.shipper(), NOW);
    }

    @Test
    void anExpiredLaneWithoutARunOfItsOwnSaysSkipped() throws IOException {
        var found = new LanePostingService.LaneMatches(new PostedLane.Load(LaneExamples.load(), NOW, NOW),
                new Page<>(List.of(), null), Optional.empty());
        assertFrozen("expired-lane-skipped", found, LaneExamples.SHIPPER, NOW.plus(Duration.ofDays(30)));
    }

    private void assertFrozen(String name, LanePostingService.LaneMatches found, PartnerId viewer, Instant now)
            throws IOException {
        String body = ApiResponse.json(http.mapper(), 200, LanePostingApi.matchesView(found, viewer, now)).body()
                + "\n";
        Path file = FROZEN.resolve(name + ".json");
        if (RECORD) {
            Files.createDirectories(FROZEN);
            Files.writeString(file, body);
            assertThat(body).isEqualTo(Files.readString(file));
            return;
        }
        try (InputStream in = MatchesResponsesTest.class.getResourceAsStream("/matches-responses/" + name + ".json")) {
            assertThat(in).as(name + " is frozen").isNotNull();
            assertThat(body).as(name).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
