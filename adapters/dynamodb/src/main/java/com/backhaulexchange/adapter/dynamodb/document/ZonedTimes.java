package com.backhaulexchange.adapter.dynamodb.document;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Local times as stored: RFC 9557 text, an RFC 3339 date-time with its offset followed by the IANA zone in
 * brackets when one is known ({@code 2026-11-23T06:00:00-06:00[America/Chicago]}). Text, not a Jackson date
 * type, so that neither the zone nor the offset depends on a mapper setting.
 */
final class ZonedTimes {
    private ZonedTimes() {
    }

    static String format(ZonedDateTime time) {
        return DateTimeFormatter.ISO_ZONED_DATE_TIME.format(time);
    }

    static ZonedDateTime parse(String text) {
        return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME);
    }
}
