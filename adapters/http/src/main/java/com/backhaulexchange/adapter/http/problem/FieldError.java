package com.backhaulexchange.adapter.http.problem;

/**
 * One bad field of a request, located by an RFC 6901 JSON Pointer into the request body
 * (or {@code #/header/...}, {@code #/path/...}, {@code #/query/...} for non-body inputs).
 */
public record FieldError(String pointer, String detail) {
    public static FieldError body(String pointer, String detail) {
        return new FieldError(pointer, detail);
    }
}
