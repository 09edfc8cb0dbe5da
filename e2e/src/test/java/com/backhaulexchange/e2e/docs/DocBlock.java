package com.backhaulexchange.e2e.docs;

/**
 * One fenced {@code ```sh} or {@code ```bash} block of a documentation page: its number on the page (from 1),
 * the line of its opening fence, how the executed-docs test treats it and its source.
 */
public record DocBlock(int number, int line, Mode mode, String source) {

    /** What the words after the language on the opening fence ask for. */
    public enum Mode {
        /** No marker: run it; any HTTP status of 400 or more fails the page. */
        RUN,
        /** {@code expect-4xx}: run it; it must receive at least one 4xx, and no 5xx. */
        EXPECT_4XX,
        /** {@code no-run}: for humans only (starting the stack, deploying); never run, and listed as skipped. */
        NO_RUN
    }

    public String firstLine() {
        return source.lines().findFirst().orElse("");
    }
}
