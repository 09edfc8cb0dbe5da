package com.backhaulexchange.gazetteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** State and country names a dispatcher may type instead of the two-letter code, in comparison form. */
final class Regions {

    private static final Map<String, String> CODES_BY_NAME = new HashMap<>();
    private static final Map<String, List<String>> NAMES_BY_CODE = new HashMap<>();

    static {
        String[] states = {
            "AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California",
            "CO", "Colorado", "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia",
            "FL", "Florida", "GA", "Georgia", "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN", "Indiana",
            "IA", "Iowa", "KS", "Kansas", "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD", "Maryland",
            "MA", "Massachusetts", "MI", "Michigan", "MN", "Minnesota", "MS", "Mississippi", "MO", "Missouri",
            "MT", "Montana", "NE", "Nebraska", "NV", "Nevada", "NH", "New Hampshire", "NJ", "New Jersey",
            "NM", "New Mexico", "NY", "New York", "NC", "North Carolina", "ND", "North Dakota", "OH", "Ohio",
            "OK", "Oklahoma", "OR", "Oregon", "PA", "Pennsylvania", "RI", "Rhode Island", "SC", "South Carolina",
            "SD", "South Dakota", "TN", "Tennessee", "TX", "Texas", "UT", "Utah", "VT", "Vermont",
            "VA", "Virginia", "WA", "Washington", "WV", "West Virginia", "WI", "Wisconsin", "WY", "Wyoming",
            "US", "United States", "US", "United States of America", "US", "USA",
            "DE", "Germany", "DE", "Deutschland", "FR", "France", "NL", "Netherlands", "NL", "The Netherlands",
            "NL", "Nederland", "NL", "Holland", "BE", "Belgium", "BE", "Belgique", "BE", "België",
            "PL", "Poland", "PL", "Polska", "ES", "Spain", "ES", "España", "IT", "Italy", "IT", "Italia",
            "AT", "Austria", "AT", "Österreich", "CZ", "Czechia", "CZ", "Czech Republic", "CZ", "Česko",
        };
        for (int i = 0; i < states.length; i += 2) {
            CODES_BY_NAME.put(PlaceNames.normalize(states[i + 1]), states[i]);
            NAMES_BY_CODE.computeIfAbsent(states[i], code -> new ArrayList<>()).add(PlaceNames.normalize(states[i + 1]));
        }
    }

    private Regions() {
    }

    /** The names of a state or country code, in comparison form ("MO" gives "missouri"). */
    static List<String> names(String code) {
        return NAMES_BY_CODE.getOrDefault(code, List.of());
    }

    /** The two-letter code a typed region stands for: "Tennessee" and "tn" give "TN". */
    static String code(String typed) {
        String normalized = PlaceNames.normalize(typed);
        String byName = CODES_BY_NAME.get(normalized);
        if (byName != null) {
            return byName;
        }
        return normalized.toUpperCase(java.util.Locale.ROOT);
    }
}
