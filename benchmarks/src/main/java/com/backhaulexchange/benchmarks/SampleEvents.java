package com.backhaulexchange.benchmarks;

import com.backhaulexchange.benchmarks.probe.JacksonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample events of events/ (the functions' own test fixtures), with their {@code ${NAME}} placeholders filled
 * (JSON-escaped, as the tests fill them) and written to a file of their own for each launch. Placeholders left
 * without a value fail the benchmark.
 *
 * <p>The samples' lanes are dated in the week of Monday 23 November 2026. A posting whose windows have passed is
 * refused, so {@link #shiftedToTheFuture} moves every ISO date of a sample by whole weeks (weekdays, local times,
 * offsets and zones unchanged) to the first such week that is still ahead; {@link #weeksAhead} says by how many.
 */
final class SampleEvents {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final Pattern ISO_DATE = Pattern.compile("(?<![0-9])(\\d{4}-\\d{2}-\\d{2})(?=T\\d{2}:\\d{2})");

    private final Path samples;
    private final Path output;
    private final long weeksAhead;
    private final AtomicInteger written = new AtomicInteger();

    SampleEvents(Path samples, Path output, Instant now) {
        this.samples = samples;
        this.output = output;
        this.weeksAhead = weeksAhead(now);
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whole weeks to add to the samples' dates so their lanes start at least two days after {@code now}. */
    static long weeksAhead(Instant now) {
        return FutureLanes.weeksAhead(now);
    }

    long weeksAhead() {
        return weeksAhead;
    }

    /** The sample {@code name} (e.g. "lane-posting/post-capacity-by-city-names.json"), filled, as a file of its own. */
    Path write(String name, Map<String, String> values) {
        return writeText(name, fill(name, values));
    }

    /** As {@link #write}, with the sample's dates moved {@link #weeksAhead} weeks on. */
    Path writeShifted(String name, Map<String, String> values) {
        return writeText(name, shiftedToTheFuture(fill(name, values)));
    }

    /** Any text (the floor's and the hello-world's events are plain strings) as a numbered file. */
    Path writeText(String name, String text) {
        String file = String.format("%03d-%s", written.incrementAndGet(), name.replace('/', '-'));
        try {
            return Files.writeString(output.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filled sample deserialized here as the probe deserializes it in the measured JVM. */
    <T> T read(String name, Map<String, String> values, Class<T> eventClass) {
        try {
            return eventClass.cast(JacksonCodec.read(fill(name, values), eventClass));
        } catch (Exception e) {
            throw new IllegalStateException(name + " does not deserialize to " + eventClass.getSimpleName(), e);
        }
    }

    String fill(String name, Map<String, String> values) {
        String text = sample(name);
        Set<String> missing = new TreeSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholders.find()) {
            String value = values.get(placeholders.group(1));
            if (value == null) {
                missing.add(placeholders.group(1));
                value = placeholders.group();
            }
            placeholders.appendReplacement(filled, Matcher.quoteReplacement(jsonEscape(value)));
        }
        placeholders.appendTail(filled);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name + " needs values for " + missing);
        }
        return filled.toString();
    }

    String shiftedToTheFuture(String text) {
        Matcher dates = ISO_DATE.matcher(text);
        StringBuilder shifted = new StringBuilder();
        while (dates.find()) {
            dates.appendReplacement(shifted, LocalDate.parse(dates.group(1)).plusWeeks(weeksAhead).toString());
        }
        dates.appendTail(shifted);
        return shifted.toString();
    }

    private String sample(String name) {
        try {
            return Files.readString(samples.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("no sample event " + name + " under " + samples, e);
        }
    }

    private static String jsonEscape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                default -> escaped.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return escaped.toString();
    }
}
