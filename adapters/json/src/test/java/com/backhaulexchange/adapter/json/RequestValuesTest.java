package com.backhaulexchange.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.FieldViolation;
import com.backhaulexchange.kernel.policy.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValuesTest {
    private static final ObjectMapper MAPPER = Json.newMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(Runnable parse, String pointer) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(pointer);
            assertThat(e.violations().get(0).detail()).isNotBlank().hasSizeLessThan(300);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZZZ", "XXX", "XTS", "XAU", "XDR", "usd", "US", "USDX", ""})
    void refusesUnknownAndPseudoCurrencies(String code) {
        assertRefused(() -> RequestValues.currency(json("\"" + code + "\""), "/currency"), "/currency");
        assertRefused(() -> RequestValues.money(json("{\"amountMinorUnits\": 100, \"currency\": \"" + code + "\"}"),
                "/amount"), "/amount/currency");
    }

    @Test
    void readsIsoCurrenciesAndMoney() {
        assertThat(RequestValues.currency(json("\"MXN\""), "/c")).isEqualTo(Currency.getInstance("MXN"));
        assertThat(RequestValues.money(json("{\"amountMinorUnits\": 125000, \"currency\": \"USD\"}"), "/a"))
                .isEqualTo(Money.of(125000, "USD"));
        assertThat(RequestValues.money(json("{\"amountMinorUnits\": 5.0, \"currency\": \"JPY\"}"), "/a"))
                .isEqualTo(Money.of(5, "JPY"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e308", "1.5", "9223372036854775808", "\"100\""})
    void refusesAmountsThatAreNotExactWholeNumbers(String amount) {
        assertRefused(() -> RequestValues.money(json("{\"amountMinorUnits\": " + amount + ", \"currency\": \"USD\"}"),
                "/cap"), "/cap/amountMinorUnits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2026-12-03", "2026-02-30T10:00:00Z", "2026-12-03T10:00:00-23:59",
            "2026-12-03T10:00Z", "2026-12-03T10:00:00", "2026-12-03T10:00:00Z[Mars/Olympus]",
            "2026-12-03T24:00:00Z", "2026-12-31T23:59:60Z", "2026-12-03 10:00:00Z", "2026-12-03T10:00:00.Z",
            "2026-12-03T10:00:00+0530", "2026-12-03T10:00:00.1234567891Z", "٢٠٢٦-12-03T10:00:00Z"})
    void refusesImpossibleOrMalformedInstants(String text) {
        assertRefused(() -> RequestValues.instant(json(MAPPER.valueToTree(text).toString()), "/expiresAt"),
                "/expiresAt");
    }

    @Test
    void readsRfc3339Instants() {
        assertThat(RequestValues.instant(json("\"2026-12-03T14:00:00Z\""), "/t"))
                .isEqualTo(Instant.parse("2026-12-03T14:00:00Z"));
        assertThat(RequestValues.instant(json("\"2026-12-03T19:30:00+05:30\""), "/t"))
                .isEqualTo(Instant.parse("2026-12-03T14:00:00Z"));
        assertThat(RequestValues.instant(json("\"2026-12-03T14:00:00.123456789Z\""), "/t"))
                .isEqualTo(Instant.parse("2026-12-03T14:00:00.123456789Z"));
        assertThat(RequestValues.instant(json("\"2026-12-03T14:00:00.5-18:00\""), "/t"))
                .isEqualTo(Instant.parse("2026-12-04T08:00:00.5Z"));
        assertThat(RequestValues.instant(json("\"2028-02-29T00:00:00Z\""), "/t"))
                .isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2026-12-03", "2026-02-30T10:00:00Z", "2026-12-03T10:00:00-23:59",
            "2026-12-03T10:00-06:00[America/Chicago]", "2026-12-03T10:00:00-06:00[America/Springfield]",
            "2026-12-03T10:00:00-06:00[]", "2026-12-03T10:00:00-06:00[America/Chicago", "[America/Chicago]",
            "2026-12-03T10:00:00[America/Chicago]", "2026-12-03T10:00:00-06:00[America/Chicago][u-ca=iso8601]"})
    void refusesBadZonedTimestamps(String text) {
        assertRefused(() -> RequestValues.zonedTimestamp(json(MAPPER.valueToTree(text).toString()),
                "/pickupWindow/opensAt"), "/pickupWindow/opensAt");
    }

    @Test
    void readsRfc9557Timestamps() {
        var chicago = RequestValues.zonedTimestamp(json("\"2026-12-03T08:00:00-06:00[America/Chicago]\""), "/t");
        assertThat(chicago.getZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(chicago.toInstant()).isEqualTo(Instant.parse("2026-12-03T14:00:00Z"));
        var bare = RequestValues.zonedTimestamp(json("\"2026-12-03T19:30:00.25+05:30\""), "/t");
        assertThat(bare.getZone()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(bare.toInstant()).isEqualTo(Instant.parse("2026-12-03T14:00:00.25Z"));
        assertThat(RequestValues.zonedTimestamp(json("\"2026-12-03T14:00:00Z\""), "/t").toInstant())
                .isEqualTo(Instant.parse("2026-12-03T14:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1e308", "9223372036854775808", "-1", "73", "\"5\"", "true", "null", "0.0000001"})
    void refusesWholeNumbersThatWouldBeCoerced(String number) {
        assertRefused(() -> RequestValues.wholeNumber(json(number), "/detentionFreeHours", 0, 72),
                "/detentionFreeHours");
    }

    @Test
    void readsExactWholeNumbers() {
        assertThat(RequestValues.wholeNumber(json("1.0"), "/n", 0, 72)).isEqualTo(1);
        assertThat(RequestValues.wholeNumber(json("7.2e1"), "/n", 0, 72)).isEqualTo(72);
        assertThat(RequestValues.wholeNumber(json("0"), "/n", 0, 72)).isZero();
        assertThat(RequestValues.wholeNumber(json("9223372036854775807"), "/n", Long.MIN_VALUE, Long.MAX_VALUE))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(RequestValues.wholeInt(json("-3"), "/n", -5, 5)).isEqualTo(-3);
    }

    @Test
    void readsDecimalsWithinRange() {
        assertThat(RequestValues.decimal(json("1e-320"), "/lat", -90, 90)).isEqualTo(1e-320);
        assertRefused(() -> RequestValues.decimal(json("90.0000001"), "/lat", -90, 90), "/lat");
        assertRefused(() -> RequestValues.decimal(json("1e308"), "/lat", -90, 90), "/lat");
    }

    @Test
    void readsRealDates() {
        assertThat(RequestValues.date(json("\"2026-12-01\""), "/startDate")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertRefused(() -> RequestValues.date(json("\"2026-02-30\""), "/startDate"), "/startDate");
        assertRefused(() -> RequestValues.date(json("\"2026-12-1\""), "/startDate"), "/startDate");
    }

    @Test
    void collectsEveryViolationBeforeRejecting() {
        List<FieldViolation> violations = new ArrayList<>();
        assertThat(RequestValues.collect(violations, () -> RequestValues.currency(json("\"XXX\""), "/a"))).isNull();
        assertThat(RequestValues.collect(violations, () -> RequestValues.instant(json("\"\""), "/b"))).isNull();
        assertThatThrownBy(() -> RequestValues.rejectIfAny(violations))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("/a", "/b"));
    }

    @Test
    void aDetailNeverEchoesMoreThanAFewCharacters() {
        String huge = "X".repeat(100_000);
        assertThatThrownBy(() -> RequestValues.instant(json("\"" + huge + "\""), "/t"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).detail()).hasSizeLessThan(200));
    }
}
