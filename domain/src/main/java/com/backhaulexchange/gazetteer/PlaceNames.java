package com.backhaulexchange.gazetteer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The comparison form of place names: case, accents, punctuation and the usual abbreviations do not
 * matter ("st. louis" = "Saint Louis", "Dusseldorf" = "Düsseldorf", "Lodz" = "Łódź").
 */
final class PlaceNames {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    /** Letters that Unicode decomposition leaves alone. */
    private static final Map<String, String> LETTERS = Map.of(
            "ł", "l", "ß", "ss", "ø", "o", "æ", "ae", "œ", "oe", "đ", "d", "ı", "i");
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "st", "saint", "ste", "sainte", "ft", "fort", "mt", "mount");

    private PlaceNames() {
    }

    static String normalize(String text) {
        return normalize(text, ABBREVIATIONS);
    }

    /** The comparison form with abbreviations left as typed: "st" stays "st" (the start of "Stockton"). */
    static String fold(String text) {
        return normalize(text, Map.of());
    }

    private static String normalize(String text, Map<String, String> abbreviations) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        for (var letter : LETTERS.entrySet()) {
            lower = lower.replace(letter.getKey(), letter.getValue());
        }
        String withoutMarks = COMBINING_MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        // Dots vanish ("D.C." -> "dc", "St." -> "st"); other punctuation separates words.
        String[] words = SEPARATORS.split(withoutMarks.replace(".", " ").replaceAll("\\b(\\w) (?=\\w\\b)", "$1"));
        StringBuilder normalized = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (!normalized.isEmpty()) {
                normalized.append(' ');
            }
            normalized.append(abbreviations.getOrDefault(word, word));
        }
        return normalized.toString();
    }

    /** Edit distance (insertions, deletions, substitutions), for suggestions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
