package com.backhaulexchange.adapter.json;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.FieldViolation;
import com.backhaulexchange.kernel.policy.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place request values the schema cannot fully check become domain values: money and currencies
 * (ISO 4217 with a minor unit), RFC 3339 instants, RFC 9557 zoned timestamps, dates and numbers within their
 * ranges. Nothing is coerced: a value that is not exactly what the field means is refused with an
 * {@link InvalidInputException} naming the field's RFC 6901 JSON pointer, which the HTTP adapter answers with a 400.
 */
public final class RequestValues {
    private static final Pattern RFC_3339 = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?([Zz]|([+-])(\\d{2}):(\\d{2}))");
    private static final Pattern RFC_9557 = Pattern.compile("(.+?)(?:\\[([^\\[\\]]{1,64})\\])?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    /** ISO 4217 codes for metals, funds, testing and "no currency": not money a freight rate is paid in. */
    private static final Set<String> PSEUDO_CURRENCIES = Set.of("XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR",
            "XPD", "XPT", "XSU", "XTS", "XUA", "XXX");
    private static final int MAX_ECHOED_CHARS = 40;

    public static final String INSTANT_EXAMPLE = "2026-12-03T14:00:00Z";
    public static final String ZONED_EXAMPLE = "2026-12-03T08:00:00-06:00[America/Chicago]";

    private RequestValues() {
    }

    /** A money object {@code {"amountMinorUnits": 125000, "currency": "USD"}} at {@code pointer}. */
    public static Money money(JsonNode node, String pointer) {
        requireObject(node, pointer, "a money object, e.g. {\"amountMinorUnits\": 125000, \"currency\": \"USD\"}");
        List<FieldViolation> violations = new java.util.ArrayList<>();
        Long amount = collect(violations, () -> wholeNumber(node.path("amountMinorUnits"),
                pointer + "/amountMinorUnits", Long.MIN_VALUE, Long.MAX_VALUE));
        Currency currency = collect(violations, () -> currency(node.path("currency"), pointer + "/currency"));
        rejectIfAny(violations);
        return new Money(amount, currency);
    }

    /** An ISO 4217 currency that has minor units; the pseudo-currencies (XXX, XTS, XAU, XDR, ...) are refused. */
    public static Currency currency(JsonNode node, String pointer) {
        String code = text(node, pointer, "an ISO 4217 currency code, e.g. \"USD\"");
        if (CURRENCY_CODE.matcher(code).matches() && !PSEUDO_CURRENCIES.contains(code)) {
            try {
                Currency currency = Currency.getInstance(code);
                if (currency.getDefaultFractionDigits() >= 0) {
                    return currency;
                }
            } catch (IllegalArgumentException unknown) {
                // refused below with the same detail as any other unknown code
            }
        }
        throw invalid(pointer, "is not an ISO 4217 currency with a minor unit (got " + echo(code)
                + "); use a code such as \"USD\", \"CAD\" or \"MXN\"");
    }

    /**
     * An RFC 3339 date-time: seconds required, fractions up to nanoseconds, an offset of {@code Z} or within
     * ±18:00, and a real calendar date and time (no February 30th, no leap second).
     */
    public static Instant instant(JsonNode node, String pointer) {
        String text = text(node, pointer, "an RFC 3339 date-time, e.g. \"" + INSTANT_EXAMPLE + "\"");
        return offsetDateTime(text, pointer, "e.g. \"" + INSTANT_EXAMPLE + "\"").toInstant();
    }

    /**
     * An RFC 9557 timestamp: an RFC 3339 date-time optionally followed by a known IANA time zone in brackets.
     * The instant is the one the offset gives; the zone, when present, only says how to show it.
     */
    public static ZonedDateTime zonedTimestamp(JsonNode node, String pointer) {
        String example = "e.g. \"" + ZONED_EXAMPLE + "\" or \"" + INSTANT_EXAMPLE + "\"";
        String text = text(node, pointer, "an RFC 9557 timestamp, " + example);
        Matcher matcher = RFC_9557.matcher(text);
        if (!matcher.matches()) {
            throw invalid(pointer, "is not an RFC 9557 timestamp (got " + echo(text) + "); " + example);
        }
        OffsetDateTime time = offsetDateTime(matcher.group(1), pointer, example);
        String zoneName = matcher.group(2);
        if (zoneName == null) {
            return time.toZonedDateTime();
        }
        if (!ZoneId.getAvailableZoneIds().contains(zoneName)) {
            throw invalid(pointer, "names an unknown IANA time zone [" + echo(zoneName) + "]; " + example);
        }
        return time.atZoneSameInstant(ZoneId.of(zoneName));
    }

    /** A calendar date {@code YYYY-MM-DD} that exists. */
    public static LocalDate date(JsonNode node, String pointer) {
        String text = text(node, pointer, "a date, e.g. \"2026-12-01\"");
        Matcher matcher = DATE.matcher(text);
        try {
            if (matcher.matches()) {
                return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3)));
            }
        } catch (DateTimeException impossible) {
            // refused below
        }
        throw invalid(pointer, "is not a calendar date (got " + echo(text) + "); e.g. \"2026-12-01\"");
    }

    /**
     * A JSON number that is exactly a whole number within {@code [min, max]}: 1.0 is 1, while 1.5, 1e308 or
     * 9223372036854775808 are refused rather than rounded, clamped or wrapped.
     */
    public static long wholeNumber(JsonNode node, String pointer, long min, long max) {
        String range = "a whole number from " + min + " to " + max;
        if (node == null || !node.isNumber()) {
            throw invalid(pointer, "must be " + range + ", e.g. " + example(min, max));
        }
        BigDecimal value = node.decimalValue();
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw invalid(pointer, "is out of range (got " + echo(node.asText()) + "); must be " + range);
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw invalid(pointer, "must be " + range + " without a fraction (got " + echo(node.asText()) + ")");
        }
        return value.longValueExact();
    }

    /** As {@link #wholeNumber(JsonNode, String, long, long)} for an int field. */
    public static int wholeInt(JsonNode node, String pointer, int min, int max) {
        return (int) wholeNumber(node, pointer, min, max);
    }

    /** A finite JSON number within {@code [min, max]}, as the nearest double. */
    public static double decimal(JsonNode node, String pointer, double min, double max) {
        if (node == null || !node.isNumber()) {
            throw invalid(pointer, "must be a number from " + min + " to " + max);
        }
        BigDecimal value = node.decimalValue();
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw invalid(pointer, "is out of range (got " + echo(node.asText()) + "); must be a number from "
                    + min + " to " + max);
        }
        return value.doubleValue();
    }

    /**
     * Runs one parse, adding its violations to {@code violations} instead of throwing, so that a request's
     * bad fields are all reported at once; null when it failed.
     */
    public static <T> T collect(List<FieldViolation> violations, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    /** Throws the collected violations, if any. */
    public static void rejectIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException("The request has " + violations.size() + " invalid field"
                    + (violations.size() == 1 ? "." : "s."), violations);
        }
    }

    public static InvalidInputException invalid(String pointer, String detail) {
        return new InvalidInputException("The request has 1 invalid field.",
                List.of(new FieldViolation(pointer, detail)));
    }

    private static OffsetDateTime offsetDateTime(String text, String pointer, String example) {
        Matcher m = RFC_3339.matcher(text);
        if (!m.matches()) {
            throw invalid(pointer, "is not an RFC 3339 date-time with seconds and an offset (got " + echo(text)
                    + "); " + example);
        }
        ZoneOffset offset;
        if (m.group(9) == null) {
            offset = ZoneOffset.UTC;
        } else {
            int hours = Integer.parseInt(m.group(10));
            int minutes = Integer.parseInt(m.group(11));
            if (hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
                throw invalid(pointer, "has an offset outside -18:00 to +18:00 (got " + echo(text) + "); "
                        + example);
            }
            offset = ZoneOffset.ofHoursMinutes("-".equals(m.group(9)) ? -hours : hours,
                    "-".equals(m.group(9)) ? -minutes : minutes);
        }
        String fraction = m.group(7) == null ? "" : m.group(7);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        try {
            return OffsetDateTime.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), nanos), offset);
        } catch (DateTimeException impossible) {
            throw invalid(pointer, "is not a real date and time (got " + echo(text) + "): "
                    + impossible.getMessage() + "; " + example);
        }
    }

    private static String text(JsonNode node, String pointer, String expected) {
        if (node == null || !node.isTextual()) {
            throw invalid(pointer, "must be " + expected);
        }
        return node.textValue();
    }

    private static void requireObject(JsonNode node, String pointer, String expected) {
        if (node == null || !node.isObject()) {
            throw invalid(pointer, "must be " + expected);
        }
    }

    private static String example(long min, long max) {
        return String.valueOf(Math.max(min, Math.min(max, 1)));
    }

    /** The input, quoted and cut short: a detail must not grow with what a client sends. */
    private static String echo(String input) {
        String shown = input.length() > MAX_ECHOED_CHARS ? input.substring(0, MAX_ECHOED_CHARS) + "…" : input;
        return "\"" + shown + "\"";
    }
}
