package com.backhaulexchange.adapter.http.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI a client can switch on;
 * {@code errors} lists each bad field with a JSON Pointer; {@code reasonCode} (an extension member, null when
 * absent) names the business rule that refused the request, e.g. {@code OFFER_EXPIRED}, for clients that
 * switch on more than the type.
 *
 * <p>A problem stays small whatever the request was: a validator reports one error per bad element and echoes
 * input in its details, and a Lambda response beyond 6 MB becomes a 502. So the errors are cut to the first
 * {@value #MAX_LISTED_ERRORS} by pointer (and fewer when their text would pass {@value #MAX_ERRORS_BYTES}
 * bytes), followed by one entry with the empty pointer saying how many more there were, and each text is cut
 * to {@value #MAX_TEXT_CHARS} characters.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
        String reasonCode) {

    public static final String TYPE_BASE = "https://backhaul.exchange/problems/";
    public static final int MAX_LISTED_ERRORS = 100;
    public static final int MAX_TEXT_CHARS = 300;
    /** The budget of the listed errors' pointers and details as JSON (escapes and UTF-8 counted). */
    public static final int MAX_ERRORS_BYTES = 40 * 1024;

    public Problem {
        detail = cut(detail);
        errors = listed(errors == null ? List.of() : errors);
    }

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null);
    }

    public Problem withReasonCode(String code) {
        return new Problem(type, title, status, detail, errors, code);
    }

    public static Problem of(ProblemType problemType, String detail) {
        return new Problem(problemType.uri(), problemType.title(), problemType.status(), detail, List.of());
    }

    public static Problem of(ProblemType problemType, String detail, List<FieldError> errors) {
        return new Problem(problemType.uri(), problemType.title(), problemType.status(), detail, errors);
    }

    private static List<FieldError> listed(List<FieldError> errors) {
        List<FieldError> all = errors.stream().map(error -> new FieldError(cut(error.pointer()), cut(error.detail())))
                .toList();
        if (all.size() <= MAX_LISTED_ERRORS && jsonBytes(all) <= MAX_ERRORS_BYTES) {
            return all;
        }
        List<FieldError> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(FieldError::pointer, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<FieldError> kept = new ArrayList<>();
        int bytes = 0;
        for (FieldError error : sorted) {
            int size = jsonBytes(List.of(error));
            if (kept.size() == MAX_LISTED_ERRORS || bytes + size > MAX_ERRORS_BYTES) {
                break;
            }
            kept.add(error);
            bytes += size;
        }
        int more = all.size() - kept.size();
        kept.add(new FieldError("", more + " more error" + (more == 1 ? " is" : "s are") + " not listed; the first "
                + kept.size() + " by pointer are."));
        return List.copyOf(kept);
    }

    private static String cut(String text) {
        if (text == null || text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        int end = MAX_TEXT_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** An upper bound of the errors' pointers and details written as JSON strings in UTF-8. */
    private static int jsonBytes(List<FieldError> errors) {
        int bytes = 0;
        for (FieldError error : errors) {
            bytes += jsonBytes(error.pointer()) + jsonBytes(error.detail()) + 32;
        }
        return bytes;
    }

    private static int jsonBytes(String text) {
        if (text == null) {
            return 4;
        }
        int bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }
}
