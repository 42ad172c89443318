package org.careloop.platform.facebook;

import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reading what the Graph API sends: its times ({@code 2026-12-01T19:56:24+0000}) and texts compared loosely. */
final class GraphTime {

    private static final DateTimeFormatter GRAPH = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private GraphTime() {}

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(text, GRAPH).toInstant();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant(); // ISO 8601 with a colon in the offset
        }
    }

    static long epochSeconds(String text) {
        return instant(text).getEpochSecond();
    }

    /** A text as the platform may give it back: Unicode composition and spacing do not count. */
    static String comparable(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").trim();
    }
}
