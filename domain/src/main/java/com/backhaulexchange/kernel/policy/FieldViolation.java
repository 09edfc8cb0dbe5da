package com.backhaulexchange.kernel.policy;

/**
 * One invalid field of a command: the field's path within the command (its names from the root,
 * each preceded by a slash, list positions as numbers, e.g. {@code /values/3}) and what is wrong with
 * it. The adapters map the path to where the field came from (a JSON Pointer into a request body).
 */
public record FieldViolation(String field, String detail) {
}
