package com.backhaulexchange.adapter.json;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The local times of posted lanes in the v1 JSON (see infra/openapi/openapi.yaml); the API shows a lane as a
 * {@link LaneView}, and what is stored is another thing, with its own types and versions
 * (adapter.dynamodb.document). Local times are written as RFC 9557 timestamps: an RFC 3339 date-time with its offset, followed by the IANA time zone in brackets
 * when one is known ({@code 2026-11-23T06:00:00-06:00[America/Chicago]}).
 */
public final class LaneJson {
    private LaneJson() {
    }

    /** RFC 9557: {@code 2026-11-23T06:00:00-06:00[America/Chicago]}, or without the bracket for a bare offset. */
    public static String zoned(ZonedDateTime time) {
        return DateTimeFormatter.ISO_ZONED_DATE_TIME.format(time);
    }

    // Parsing is RequestValues.zonedTimestamp: one parser for every timestamp a request carries.
}
