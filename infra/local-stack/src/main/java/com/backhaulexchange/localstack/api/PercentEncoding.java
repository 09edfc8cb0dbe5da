package com.backhaulexchange.localstack.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Decoding of path segments and query strings. */
final class PercentEncoding {

    private PercentEncoding() {
    }

    /** A path segment: percent-escapes decoded, a literal {@code +} kept (it means space only in queries). */
    static String decodePath(String raw) {
        return decode(raw.replace("+", "%2B"), raw);
    }

    /** A query string name or value: {@code +} means space. */
    static String decodeQuery(String raw) {
        return decode(raw, raw);
    }

    /** A malformed escape such as {@code %zz} is passed on as received rather than failing the request. */
    private static String decode(String encoded, String raw) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
