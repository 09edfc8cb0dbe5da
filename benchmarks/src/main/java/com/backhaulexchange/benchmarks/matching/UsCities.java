package com.backhaulexchange.benchmarks.matching;

import com.backhaulexchange.gazetteer.Gazetteer;
import com.backhaulexchange.gazetteer.GazetteerEntry;
import com.backhaulexchange.kernel.geo.GreatCircle;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The contiguous-US cities of the bundled gazetteer (the functions' own data), drawn with probability
 * proportional to population: freight starts and ends where people live.
 */
public final class UsCities {
    private static final Set<String> OUTSIDE_CONTIGUOUS_US = Set.of("AK", "HI", "PR");

    private final List<GazetteerEntry> cities;
    private final long[] cumulativePopulation;

    private UsCities(List<GazetteerEntry> cities) {
        this.cities = List.copyOf(cities);
        this.cumulativePopulation = new long[cities.size()];
        long total = 0;
        for (int i = 0; i < cities.size(); i++) {
            total += cities.get(i).population();
            cumulativePopulation[i] = total;
        }
    }

    public static UsCities bundled() {
        return new UsCities(Gazetteer.bundled().entries().stream()
                .filter(city -> "US".equals(city.countryCode()) && !OUTSIDE_CONTIGUOUS_US.contains(city.region()))
                .filter(city -> city.population() > 0)
                .toList());
    }

    /** The cities within {@code maxMiles} (great circle) of {@code centre}, still drawn by population: a region. */
    public UsCities near(GazetteerEntry centre, double maxMiles) {
        return new UsCities(cities.stream().filter(city -> miles(centre, city) <= maxMiles).toList());
    }

    public int size() {
        return cities.size();
    }

    public GazetteerEntry drawByPopulation(Random random) {
        long ticket = (long) (random.nextDouble() * cumulativePopulation[cumulativePopulation.length - 1]);
        int at = java.util.Arrays.binarySearch(cumulativePopulation, ticket + 1);
        return cities.get(at >= 0 ? at : -at - 1);
    }

    /** A city drawn by population whose great-circle distance from {@code from} is within the range (best effort). */
    public GazetteerEntry drawAtDistance(GazetteerEntry from, double minMiles, double maxMiles, Random random) {
        GazetteerEntry drawn = drawByPopulation(random);
        for (int attempt = 0; attempt < 100; attempt++) {
            double miles = miles(from, drawn);
            if (miles >= minMiles && miles <= maxMiles) {
                return drawn;
            }
            drawn = drawByPopulation(random);
        }
        return drawn;
    }

    public static double miles(GazetteerEntry from, GazetteerEntry to) {
        return GreatCircle.miles(from.coordinates(), to.coordinates());
    }

    /** A US time zone good enough for schedules, from the longitude (real borders follow state lines). */
    public static ZoneId zoneOf(GazetteerEntry city) {
        double longitude = city.coordinates().longitudeDegrees();
        if (longitude > -85.5) {
            return ZoneId.of("America/New_York");
        }
        if (longitude > -101.5) {
            return ZoneId.of("America/Chicago");
        }
        if (longitude > -114.5) {
            return "AZ".equals(city.region()) ? ZoneId.of("America/Phoenix") : ZoneId.of("America/Denver");
        }
        return ZoneId.of("America/Los_Angeles");
    }
}
