package com.backhaulexchange.function.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiTools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The allocation preview's responses, byte for byte as frozen in src/test/resources/preview-responses: captured
 * from the hand-built tree before the view records replaced it (record them again with
 * -DpreviewResponses.record=true only when a change of the API is meant). The games are the sample events' and
 * one cost game an equal split leaves outside the core, so blocking coalitions of both kinds are written.
 */
class PreviewResponsesTest {
    private static final boolean RECORD = Boolean.getBoolean("previewResponses.record");
    private static final Path FROZEN = Path.of("src/test/resources/preview-responses");

    private final ApiTools http = ApiTools.load();
    private final SettlementApi api = new SettlementApi(http.bodies(), http.mapper());

    private Map<String, JsonNode> games() throws IOException {
        ObjectMapper mapper = http.mapper();
        Map<String, JsonNode> games = new LinkedHashMap<>();
        for (String sample : new String[] {"preview-glove-game", "preview-bankruptcy-game",
                "operator-preview-airport-cost-game"}) {
            JsonNode event = mapper.readTree(SettlementFixture.EVENTS.resolve(sample + ".json").toFile());
            games.put(sample, mapper.readTree(event.path("body").asText()));
        }
        games.put("cost-game-outside-the-core", mapper.readTree("""
                {"players": ["Depot", "Spur", "Yard"], "kind": "COST",
                 "coalitions": [{"members": ["Depot"], "value": 1}, {"members": ["Spur"], "value": 10},
                                {"members": ["Yard"], "value": 10}, {"members": ["Depot", "Spur"], "value": 10},
                                {"members": ["Depot", "Yard"], "value": 10}, {"members": ["Spur", "Yard"], "value": 10},
                                {"members": ["Depot", "Spur", "Yard"], "value": 10}],
                 "rules": ["EQUAL_SPLIT", "PROPORTIONAL", "SHAPLEY", "SAMPLED_SHAPLEY", "SHADOW_PRICES"],
                 "sampling": {"permutations": 500, "seed": 7}}
                """));
        return games;
    }

    @Test
    void eachPreviewRespondsAsFrozen() throws IOException {
        for (var game : games().entrySet()) {
            String body = ApiResponse.json(http.mapper(), 200, api.preview(game.getValue())).body() + "\n";
            Path file = FROZEN.resolve(game.getKey() + ".json");
            if (RECORD) {
                Files.createDirectories(FROZEN);
                Files.writeString(file, body);
            }
            assertThat(body).as(game.getKey()).isEqualTo(frozen(game.getKey()));
        }
    }

    private static String frozen(String name) throws IOException {
        if (RECORD) {
            try {
                return Files.readString(FROZEN.resolve(name + ".json"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = PreviewResponsesTest.class.getResourceAsStream("/preview-responses/" + name + ".json")) {
            assertThat(in).as(name + " is frozen").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
