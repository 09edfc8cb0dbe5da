package com.backhaulexchange.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredLogTest {
    /** Strict: no NaN, no control characters, no comments — what CloudWatch Logs Insights parses. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonParser.Feature.ALLOW_UNQUOTED_CONTROL_CHARS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static JsonNode parse(String line) throws Exception {
        return STRICT.readTree(line);
    }

    @Test
    void aLineIsOneJsonObjectWithLevelMessageAndFields() throws Exception {
        String line = StructuredLog.line("INFO", "request rejected", Map.of("requestId", "r-1", "status", 404));

        assertThat(line).doesNotContain("\n");
        var json = parse(line);
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("message").asText()).isEqualTo("request rejected");
        assertThat(json.path("requestId").asText()).isEqualTo("r-1");
        assertThat(json.path("status").isInt()).isTrue();
        assertThat(json.path("status").asInt()).isEqualTo(404);
    }

    @Test
    void numbersAndBooleansStayTypedAndOtherValuesBecomeStrings() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("count", 3L);
        fields.put("ratio", new BigDecimal("0.25"));
        fields.put("retried", true);
        fields.put("route", List.of("GET", "/partners/me"));
        fields.put("missing", null);

        var json = parse(StructuredLog.line("INFO", "m", fields));

        assertThat(json.path("count").isNumber()).isTrue();
        assertThat(json.path("ratio").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(json.path("retried").isBoolean()).isTrue();
        assertThat(json.path("route").asText()).isEqualTo("[GET, /partners/me]");
        assertThat(json.path("missing").asText()).isEqualTo("null");
    }

    @Test
    void quotesBackslashesAndNewlinesInValuesAreEscaped() throws Exception {
        String nasty = "say \"hi\"\\\nnext line\r\n\tend";
        var json = parse(StructuredLog.line("ERROR", nasty, Map.of("exception", nasty)));
        assertThat(json.path("message").asText()).isEqualTo(nasty);
        assertThat(json.path("exception").asText()).isEqualTo(nasty);
    }

    @Test
    void everyControlCharacterIsEscaped() throws Exception {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        controls.append('\u007f').append("\u2028");
        String line = StructuredLog.line("INFO", controls.toString(), Map.of());
        for (char c = 0; c < 0x20; c++) {
            assertThat(line.indexOf(c)).as("raw control character %d", (int) c).isEqualTo(-1);
        }
        assertThat(parse(line).path("message").asText()).isEqualTo(controls.toString());
    }

    @Test
    void aFieldNameThatNeedsEscapingIsEscapedToo() throws Exception {
        var json = parse(StructuredLog.line("INFO", "m", Map.of("we\"ird\nname", "v")));
        assertThat(json.path("we\"ird\nname").asText()).isEqualTo("v");
    }

    @Test
    void aFieldCannotForgeTheLevel() throws Exception {
        var json = parse(StructuredLog.line("INFO", "m", Map.of("x", "\",\"level\":\"ERROR")));
        assertThat(json.path("level").asText()).isEqualTo("INFO");
    }

    @Test
    void nonFiniteNumbersStillMakeValidJson() throws Exception {
        Map<String, Object> fields = Map.of("nan", Double.NaN, "infinite", Double.POSITIVE_INFINITY,
                "negative", Float.NEGATIVE_INFINITY);
        var json = parse(StructuredLog.line("WARN", "m", fields));
        assertThat(json.path("nan").asText()).isEqualTo("NaN");
        assertThat(json.path("infinite").asText()).isEqualTo("Infinity");
        assertThat(json.path("negative").asText()).isEqualTo("-Infinity");
    }

    @Test
    void fieldsComeInNameOrder() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("zeta", 1);
        fields.put("alpha", 2);
        String line = StructuredLog.line("INFO", "m", fields);
        assertThat(line.indexOf("\"alpha\"")).isLessThan(line.indexOf("\"zeta\""));
    }
}
