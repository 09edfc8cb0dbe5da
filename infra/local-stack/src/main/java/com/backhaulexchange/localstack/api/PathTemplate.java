package com.backhaulexchange.localstack.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An API Gateway resource path such as {@code /partners/{partnerId}/suspend} or {@code /files/{path+}}.
 * Matching a request path gives the (still percent-encoded) path parameters; when several templates match,
 * the more specific one wins segment by segment, as in API Gateway: a literal segment beats {@code {param}},
 * which beats a greedy {@code {param+}}.
 */
public final class PathTemplate implements Comparable<PathTemplate> {

    private enum Kind { LITERAL, PARAMETER, GREEDY }

    private record Segment(Kind kind, String text) {
    }

    private final String template;
    private final List<Segment> segments;

    private PathTemplate(String template, List<Segment> segments) {
        this.template = template;
        this.segments = segments;
    }

    public static PathTemplate parse(String template) {
        List<Segment> segments = new ArrayList<>();
        List<String> parts = split(template);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                String name = part.substring(1, part.length() - 1);
                if (name.endsWith("+")) {
                    if (i != parts.size() - 1) {
                        throw new IllegalArgumentException("Greedy path parameter must be last in " + template);
                    }
                    segments.add(new Segment(Kind.GREEDY, name.substring(0, name.length() - 1)));
                } else {
                    segments.add(new Segment(Kind.PARAMETER, name));
                }
            } else {
                segments.add(new Segment(Kind.LITERAL, part));
            }
        }
        return new PathTemplate("/" + String.join("/", parts), List.copyOf(segments));
    }

    /** The template as API Gateway reports it in {@code resource}, e.g. {@code /partners/{partnerId}}. */
    public String template() {
        return template;
    }

    /** The path parameters if {@code rawPath} matches this template, percent-encoding left as received. */
    public Optional<Map<String, String>> match(String rawPath) {
        List<String> parts = split(rawPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.kind() == Kind.GREEDY) {
                if (i >= parts.size()) {
                    return Optional.empty();
                }
                parameters.put(segment.text(), String.join("/", parts.subList(i, parts.size())));
                return Optional.of(parameters);
            }
            if (i >= parts.size()) {
                return Optional.empty();
            }
            if (segment.kind() == Kind.LITERAL && !segment.text().equals(parts.get(i))) {
                return Optional.empty();
            }
            if (segment.kind() == Kind.PARAMETER) {
                parameters.put(segment.text(), parts.get(i));
            }
        }
        return parts.size() == segments.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** More specific templates sort first. */
    @Override
    public int compareTo(PathTemplate other) {
        int common = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < common; i++) {
            int byKind = segments.get(i).kind().compareTo(other.segments.get(i).kind());
            if (byKind != 0) {
                return byKind;
            }
        }
        return Integer.compare(other.segments.size(), segments.size());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathTemplate that && template.equals(that.template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }

    private static List<String> split(String path) {
        return Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).toList();
    }
}
