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
import org.careloop.care.DraftStore;
import org.careloop.pipeline.MentionStore;
import org.careloop.tickets.TicketStore;

/**
 * The reports: first-response times (median, p90, share within the target) and, per rule and
 * template variant, what became of the replies (approved unedited, edited, rejected, published
 * automatically, and how the customer's next post felt), so A/B variants can be compared; the
 * volume of customer posts by day, platform, sentiment and intent, and the trolls left unanswered.
 */
public final class ReportsApi {

    private final DraftStore drafts;
    private final TicketStore tickets;
    private final MentionStore mentions;
    private final Duration target;
    private final Clock clock;

    public ReportsApi(DraftStore drafts, TicketStore tickets, MentionStore mentions, Duration target, Clock clock) {
        this.drafts = drafts;
        this.tickets = tickets;
        this.mentions = mentions;
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
        List<TicketStore.Rating> ratings = tickets.ratings(since);
        List<DraftStore.Outcome> outcomes = drafts.outcomes(since);
        List<Map<String, Object>> variants = variants(outcomes);
        addCsat(variants, ratings);
        out.put("variants", variants);
        out.put("parts", parts(outcomes));
        out.put("csat", csat(ratings));
        out.put("tickets", tickets(tickets.opened(since), tickets.closingMessagesPublished(since)));
        out.put("volume", volume(mentions.volume(since), since, clock.instant()));
        return ApiResponse.ok(out);
    }

    private static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");

    /**
     * Customer posts: in all, by platform, sentiment and intent (a post not analysed yet counts as
     * {@code unknown}), per day with its sentiments (every day of the window, none left out), and
     * the trolls the rules ignored or hid.
     */
    static Map<String, Object> volume(List<MentionStore.Volume> rows, Instant since, Instant now) {
        Map<String, Integer> byPlatform = new TreeMap<>();
        Map<String, Integer> bySentiment = new LinkedHashMap<>();
        SENTIMENTS.forEach(l -> bySentiment.put(l, 0));
        Map<String, Integer> byIntent = new TreeMap<>();
        TreeMap<java.time.LocalDate, Map<String, Integer>> byDay = new TreeMap<>();
        java.time.LocalDate first = since.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        for (var d = first; !d.isAfter(now.atZone(java.time.ZoneOffset.UTC).toLocalDate()); d = d.plusDays(1)) {
            byDay.put(d, dayRow());
        }
        int posts = 0;
        int trollsIgnored = 0;
        int trollsHidden = 0;
        for (MentionStore.Volume v : rows) {
            posts += v.posts();
            byPlatform.merge(v.platform().id(), v.posts(), Integer::sum);
            String sentiment = v.sentiment() == null ? "unknown" : v.sentiment();
            bySentiment.merge(sentiment, v.posts(), Integer::sum);
            byIntent.merge(v.intent() == null ? "unknown" : v.intent(), v.posts(), Integer::sum);
            byDay.computeIfAbsent(v.day(), d -> dayRow()).merge(sentiment, v.posts(), Integer::sum);
            if (v.troll() && "IGNORE".equals(v.action())) {
                trollsIgnored += v.posts();
            } else if (v.troll() && "HIDE".equals(v.action())) {
                trollsHidden += v.posts();
            }
        }
        List<Map<String, Object>> days = new ArrayList<>();
        byDay.forEach((day, counts) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", day.toString());
            row.putAll(counts);
            days.add(row);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("posts", posts);
        out.put("byPlatform", byPlatform);
        out.put("bySentiment", bySentiment);
        out.put("byIntent", byIntent);
        out.put("byDay", days);
        out.put("trollsIgnored", trollsIgnored);
        out.put("trollsHidden", trollsHidden);
        return out;
    }

    private static Map<String, Integer> dayRow() {
        Map<String, Integer> row = new LinkedHashMap<>();
        SENTIMENTS.forEach(l -> row.put(l, 0));
        return row;
    }

    /** Median, p90 and share within target, in seconds. */
    static Map<String, Object> firstResponse(List<DraftStore.Response> responses, Duration target) {
        List<Long> seconds = sortedSeconds(responses.stream().map(r -> new Instant[] {r.postedAt(), r.firstAt()}));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answered", seconds.size());
        out.put("targetSeconds", target.toSeconds());
        percentiles(seconds, out, "medianSeconds", "p90Seconds");
        if (!seconds.isEmpty()) {
            out.put("withinTarget", (double) seconds.stream().filter(s -> s <= target.toSeconds()).count() / seconds.size());
        }
        return out;
    }

    /**
     * Customer satisfaction from the tickets' ratings: how many, the average, the share of 4 and 5
     * (the usual CSAT score), each score's count, and the same per agent who resolved the ticket.
     */
    static Map<String, Object> csat(List<TicketStore.Rating> ratings) {
        Map<String, Object> out = summary(ratings);
        Map<String, List<TicketStore.Rating>> byAgent = new TreeMap<>();
        for (TicketStore.Rating r : ratings) {
            byAgent.computeIfAbsent(r.agent() == null ? "unknown" : r.agent(), k -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> agents = new ArrayList<>();
        byAgent.forEach((agent, rs) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("agent", agent);
            row.putAll(summary(rs));
            agents.add(row);
        });
        out.put("byAgent", agents);
        return out;
    }

    private static Map<String, Object> summary(List<TicketStore.Rating> ratings) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ratings", ratings.size());
        if (!ratings.isEmpty()) {
            out.put("average", Math.round(ratings.stream().mapToInt(TicketStore.Rating::rating).average().orElse(0) * 100) / 100.0);
            out.put("satisfied", (double) ratings.stream().filter(r -> r.rating() >= 4).count() / ratings.size());
            int[] counts = new int[5];
            ratings.forEach(r -> counts[r.rating() - 1]++);
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                scores.put(String.valueOf(i + 1), counts[i]);
            }
            out.put("scores", scores);
        }
        return out;
    }

    /** Each variant row gets the ratings of the tickets its replies opened, so CSAT compares variants too. */
    static void addCsat(List<Map<String, Object>> variants, List<TicketStore.Rating> ratings) {
        for (Map<String, Object> row : variants) {
            List<TicketStore.Rating> mine = ratings.stream().filter(r -> row.get("rule").equals(r.ruleId())
                    && row.get("template").equals(r.templateId())).toList();
            row.put("ratings", mine.size());
            if (!mine.isEmpty()) {
                row.put("averageRating", Math.round(mine.stream().mapToInt(TicketStore.Rating::rating).average().orElse(0) * 100) / 100.0);
            }
        }
    }

    /** Tickets opened in the period, how many are resolved or closed, resolution time (median, p90), closing messages sent. */
    static Map<String, Object> tickets(List<TicketStore.Life> opened, int closingMessages) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("opened", opened.size());
        out.put("open", opened.stream().filter(l -> l.status().isOpen()).count());
        out.put("resolved", opened.stream().filter(l -> l.status() == org.careloop.tickets.Ticket.Status.RESOLVED).count());
        out.put("closed", opened.stream().filter(l -> l.status() == org.careloop.tickets.Ticket.Status.CLOSED).count());
        percentiles(sortedSeconds(opened.stream().map(l -> new Instant[] {l.openedAt(), l.resolvedAt()})), out,
                "resolutionMedianSeconds", "resolutionP90Seconds");
        out.put("closingMessagesPublished", closingMessages);
        return out;
    }

    /** The seconds from each start to its end, for the spans that have both, sorted. */
    private static List<Long> sortedSeconds(java.util.stream.Stream<Instant[]> spans) {
        return spans.filter(span -> span[0] != null && span[1] != null)
                .map(span -> Math.max(0, Duration.between(span[0], span[1]).toSeconds())).sorted().toList();
    }

    /** The median and p90 of sorted seconds, under the given keys; nothing when there are none. */
    private static void percentiles(List<Long> sorted, Map<String, Object> out, String medianKey, String p90Key) {
        if (!sorted.isEmpty()) {
            out.put(medianKey, percentile(sorted, 0.5));
            out.put(p90Key, percentile(sorted, 0.9));
        }
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
                return zeroed(r);
            });
            count(row, o);
        }
        return new ArrayList<>(rows.values());
    }

    /**
     * One row per part a reply was built from (an opening, a core template, what a ticket asks,
     * the echoed detail): how often agents took it as drafted, edited or rejected the replies it was in.
     */
    static List<Map<String, Object>> parts(List<DraftStore.Outcome> outcomes) {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (DraftStore.Outcome o : outcomes) {
            for (String part : o.parts()) {
                count(rows.computeIfAbsent(part, k -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("part", part);
                    return zeroed(r);
                }), o);
            }
        }
        return new ArrayList<>(rows.values());
    }

    private static Map<String, Object> zeroed(Map<String, Object> row) {
        for (String key : List.of("drafted", "approvedUnedited", "edited", "rejected", "autoPublished", "pending",
                "nextPositive", "nextNeutral", "nextNegative")) {
            row.put(key, 0);
        }
        return row;
    }

    private static void count(Map<String, Object> row, DraftStore.Outcome o) {
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

    private static void bump(Map<String, Object> row, String key) {
        row.put(key, (Integer) row.getOrDefault(key, 0) + 1);
    }
}
