package org.careloop.analysis;

import java.util.Locale;

/**
 * Language v0: the platform's own tag when it gives one, else the script (Cyrillic, Arabic or
 * Persian letters, Latin). Good enough to route non-English posts away from the English model.
 */
final class Languages {

    private Languages() {}

    static String detect(String text, String hint) {
        if (hint != null && hint.matches("[a-zA-Z]{2}")) {
            return hint.toLowerCase(Locale.ROOT);
        }
        int latin = 0;
        int cyrillic = 0;
        int arabic = 0;
        boolean persian = false;
        for (int cp : text.codePoints().toArray()) {
            switch (Character.UnicodeScript.of(cp)) {
                case LATIN -> latin++;
                case CYRILLIC -> cyrillic++;
                case ARABIC -> {
                    arabic++;
                    persian |= "پچژگکی".indexOf(cp) >= 0;
                }
                default -> { }
            }
        }
        if (cyrillic > latin && cyrillic >= arabic && cyrillic > 0) {
            return "ru";
        }
        if (arabic > latin && arabic > 0) {
            return persian ? "fa" : "ar";
        }
        return latin > 0 ? "en" : "und";
    }
}
