package org.careloop.platform.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import org.careloop.config.Json;

/**
 * How much of its rate limit the app and the Page have used, from the headers of the latest answer:
 * {@code X-App-Usage} ({@code {"call_count":28,"total_time":25,"total_cputime":25}}, percent) and
 * {@code X-Business-Use-Case-Usage} ({@code {"<page-id>":[{"type":"pages","call_count":..,
 * "estimated_time_to_regain_access":minutes}]}}).
 *
 * @param percent      the highest of the percentages reported
 * @param regainAccess the platform's estimate of how long calls stay blocked (zero when they are not)
 * @param seenAt       when the answer came, or null
 */
record GraphUsage(int percent, Duration regainAccess, Instant seenAt) {

    static final GraphUsage NONE = new GraphUsage(0, Duration.ZERO, Instant.EPOCH);

    GraphUsage at(Instant when) {
        return new GraphUsage(percent, regainAccess, when);
    }

    /** The usage in the two headers (either may be absent; unreadable values count as absent). */
    static GraphUsage parse(String appUsage, String businessUseCaseUsage, Instant seenAt) {
        int percent = 0;
        long minutes = 0;
        JsonNode app = read(appUsage);
        if (app != null) {
            percent = Math.max(percent, highest(app));
        }
        JsonNode buc = read(businessUseCaseUsage);
        if (buc != null) {
            for (Iterator<JsonNode> it = buc.elements(); it.hasNext(); ) {
                for (JsonNode entry : it.next()) {
                    percent = Math.max(percent, highest(entry));
                    minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asLong(0));
                }
            }
        }
        if (app == null && buc == null) {
            return null;
        }
        return new GraphUsage(percent, Duration.ofMinutes(minutes), seenAt);
    }

    private static int highest(JsonNode n) {
        int max = 0;
        for (String f : new String[] {"call_count", "total_cputime", "total_time"}) {
            max = Math.max(max, n.path(f).asInt(0));
        }
        return max;
    }

    private static JsonNode read(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            JsonNode n = Json.mapper().readTree(header);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }
}
