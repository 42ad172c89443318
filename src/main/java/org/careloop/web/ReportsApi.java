package org.careloop.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.careloop.care.DraftStatus;
import org.careloop.store.DraftStore;

/**
 * The reports: first-response times (median, p90, share within the target) and, per rule and
 * template variant, what became of the replies (approved unedited, edited, rejected, published
 * automatically, and how the customer's next post felt), so A/B variants can be compared.
 */
public final class ReportsApi {

    private final DraftStore drafts;
    private final Duration target;
    private final Clock clock;

    public ReportsApi(DraftStore drafts, Duration target, Clock clock) {
        this.drafts = drafts;
        this.target = target;
        this.clock = clock;
    }

    /** @param days how far back (1 to 90, default 7) */
    public ApiResponse report(String days) {
        var d = Param.number(days, 7, 1, 90);
        if (d.isEmpty()) {
            return Param.outOfRange("days", 1, 90);
        }
        Instant since = clock.instant().minus(Duration.ofDays(d.getAsInt()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("since", since);
        out.put("firstResponse", firstResponse(drafts.responses(since), target));
        out.put("variants", variants(drafts.outcomes(since)));
        return ApiResponse.ok(out);
    }

    /** Median, p90 and share within target, in seconds. */
    static Map<String, Object> firstResponse(List<DraftStore.Response> responses, Duration target) {
        List<Long> seconds = new ArrayList<>();
        for (DraftStore.Response r : responses) {
            if (r.postedAt() != null && r.firstAt() != null) {
                seconds.add(Math.max(0, Duration.between(r.postedAt(), r.firstAt()).toSeconds()));
            }
        }
        seconds.sort(Long::compare);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answered", seconds.size());
        out.put("targetSeconds", target.toSeconds());
        if (!seconds.isEmpty()) {
            out.put("medianSeconds", percentile(seconds, 0.5));
            out.put("p90Seconds", percentile(seconds, 0.9));
            out.put("withinTarget", (double) seconds.stream().filter(s -> s <= target.toSeconds()).count() / seconds.size());
        }
        return out;
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** One row per rule and template: counts of each outcome. */
    static List<Map<String, Object>> variants(List<DraftStore.Outcome> outcomes) {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (DraftStore.Outcome o : outcomes) {
            Map<String, Object> row = rows.computeIfAbsent(o.ruleId() + "/" + o.templateId(), k -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("rule", o.ruleId());
                r.put("template", o.templateId());
                r.put("abTest", o.variants() > 1);
                for (String key : List.of("drafted", "approvedUnedited", "edited", "rejected", "autoPublished", "pending",
                        "nextPositive", "nextNeutral", "nextNegative")) {
                    r.put(key, 0);
                }
                return r;
            });
            bump(row, "drafted");
            boolean approved = o.status() == DraftStatus.APPROVED || o.status() == DraftStatus.PUBLISHED || o.status() == DraftStatus.FAILED;
            if (o.autoPublished()) {
                bump(row, "autoPublished");
            } else if (approved) {
                bump(row, o.edited() ? "edited" : "approvedUnedited");
            } else if (o.status() == DraftStatus.REJECTED) {
                bump(row, "rejected");
            } else if (o.status() == DraftStatus.PENDING) {
                bump(row, "pending");
            }
            if (o.nextSentiment() != null) {
                bump(row, "next" + Character.toUpperCase(o.nextSentiment().charAt(0)) + o.nextSentiment().substring(1));
            }
        }
        return new ArrayList<>(rows.values());
    }

    private static void bump(Map<String, Object> row, String key) {
        row.put(key, (Integer) row.getOrDefault(key, 0) + 1);
    }
}
