package com.backhaulexchange.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceNamesTest {

    @ParameterizedTest(name = "\"{0}\" compares as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Düsseldorf | dusseldorf",
        "  ŁÓDŹ  | lodz",
        "Gießen | giessen",
        "St. Louis | saint louis",
        "Ft. Worth | fort worth",
        "Saint-Étienne | saint etienne",
        "Washington, D.C. | washington dc",
        "Donostia / San Sebastián | donostia san sebastian",
        "A Coruña | a coruna",
    })
    void caseAccentsPunctuationAndAbbreviationsDoNotMatter(String name, String normalized) {
        assertThat(PlaceNames.normalize(name)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "\"{0}\" is {2} edits from \"{1}\"")
    @CsvSource({"memphis, memphs, 1", "kitten, sitting, 3", "abc, abc, 0", "'', abc, 3"})
    void editDistanceCountsInsertionsDeletionsAndSubstitutions(String a, String b, int distance) {
        assertThat(PlaceNames.editDistance(a, b)).isEqualTo(distance);
    }
}
