package org.careloop.web;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** The reports since a time (the window's start): one field per part, each described by its record. */
    public record Report(Instant since, FirstResponse firstResponse, List<VariantOutcomes> variants, List<PartOutcomes> parts, Csat csat,
                         TicketFigures tickets, Volume volume) {}

    /** First responses, in seconds: how many posts were answered, the target, and, when any were, the median, p90 and share within it. */
    public record FirstResponse(int answered, long targetSeconds, @JsonInclude(NON_NULL) Long medianSeconds,
                                @JsonInclude(NON_NULL) Long p90Seconds, @JsonInclude(NON_NULL) Double withinTarget) {}

    /**
     * What became of the replies a row counts: drafted, approved as drafted, edited, rejected, published automatically or still
     * pending, and how the customer's next post felt.
     */
    public record Outcomes(int drafted, int approvedUnedited, int edited, int rejected, int autoPublished, int pending, int nextPositive,
                           int nextNeutral, int nextNegative) {

        static final Outcomes NONE = new Outcomes(0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** These and one more reply. */
        Outcomes plus(DraftStore.Outcome o) {
            boolean approved = o.status() == DraftStatus.APPROVED || o.status() == DraftStatus.PUBLISHED || o.status() == DraftStatus.FAILED;
            boolean byPerson = !o.autoPublished();
            return new Outcomes(drafted + 1, approvedUnedited + one(byPerson && approved && !o.edited()),
                    edited + one(byPerson && approved && o.edited()), rejected + one(byPerson && o.status() == DraftStatus.REJECTED),
                    autoPublished + one(o.autoPublished()),
                    pending + one(byPerson && o.status() == DraftStatus.PENDING), nextPositive + one("positive".equals(o.nextSentiment())),
                    nextNeutral + one("neutral".equals(o.nextSentiment())), nextNegative + one("negative".equals(o.nextSentiment())));
        }

        private static int one(boolean counted) {
            return counted ? 1 : 0;
        }
    }

    /** A rule and template variant's replies ({@code abTest}: the rule has several variants), with the ratings of the tickets they opened. */
    public record VariantOutcomes(String rule, String template, boolean abTest, @JsonUnwrapped Outcomes outcomes, int ratings,
                                  @JsonInclude(NON_NULL) Double averageRating) {}

    /** The replies built from one part (an opening, a core template, what a ticket asks, the echoed detail). */
    public record PartOutcomes(String part, @JsonUnwrapped Outcomes outcomes) {}

    /**
     * Ratings: how many, and when there are any, the average, the share of 4 and 5 (the usual CSAT score) and each score's
     * count ({@code scores}, by score "1" to "5").
     */
    public record Satisfaction(int ratings, @JsonInclude(NON_NULL) Double average, @JsonInclude(NON_NULL) Double satisfied,
                               @JsonInclude(NON_NULL) Map<String, Integer> scores) {}

    /** Customer satisfaction from the tickets' ratings, in all and per agent who resolved the ticket. */
    public record Csat(@JsonUnwrapped Satisfaction overall, List<AgentSatisfaction> byAgent) {}

    /** One agent's ratings ("unknown" for tickets no agent resolved). */
    public record AgentSatisfaction(String agent, @JsonUnwrapped Satisfaction satisfaction) {}

    /** Tickets opened in the window: how many, how many are open, resolved or closed, the resolution time when any was, closing messages sent. */
    public record TicketFigures(int opened, long open, long resolved, long closed, @JsonInclude(NON_NULL) Long resolutionMedianSeconds,
                                @JsonInclude(NON_NULL) Long resolutionP90Seconds, int closingMessagesPublished) {}

    /** Posts by sentiment; {@code unknown} (posts not analysed yet) only when there are some. */
    public record SentimentCounts(int negative, int neutral, int positive, @JsonInclude(NON_NULL) Integer unknown) {

        static SentimentCounts of(Map<String, Integer> byLabel) {
            return new SentimentCounts(byLabel.get("negative"), byLabel.get("neutral"), byLabel.get("positive"), byLabel.get("unknown"));
        }
    }

    /** One day's posts (a UTC date) by sentiment. */
    public record DayVolume(String day, @JsonUnwrapped SentimentCounts sentiments) {}

    /**
     * Customer posts: in all, by platform and by intent (their keys are the platforms and intents that had posts), by sentiment, per
     * day of the window, and the trolls the rules ignored or hid.
     */
    public record Volume(int posts, Map<String, Integer> byPlatform, SentimentCounts bySentiment, Map<String, Integer> byIntent,
                         List<DayVolume> byDay, int trollsIgnored, int trollsHidden) {}

    /** @param days how far back (1 to 90, default 7) */
    public ApiResponse report(String days) {
        var d = Param.number(days, 7, 1, 90);
        if (d.isEmpty()) {
            return Param.outOfRange("days", 1, 90);
        }
        Instant since = clock.instant().minus(Duration.ofDays(d.getAsInt()));
        List<TicketStore.Rating> ratings = tickets.ratings(since);
        List<DraftStore.Outcome> outcomes = drafts.outcomes(since);
        return ApiResponse.ok(new Report(since, firstResponse(drafts.responses(since), target), variants(outcomes, ratings), parts(outcomes),
                csat(ratings), tickets(tickets.opened(since), tickets.closingMessagesPublished(since)),
                volume(mentions.volume(since), since, clock.instant())));
    }

    private static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");

    /**
     * Customer posts: in all, by platform, sentiment and intent (a post not analysed yet counts as
     * {@code unknown}), per day with its sentiments (every day of the window, none left out), and
     * the trolls the rules ignored or hid.
     */
    static Volume volume(List<MentionStore.Volume> rows, Instant since, Instant now) {
        Map<String, Integer> byPlatform = new TreeMap<>();
        Map<String, Integer> bySentiment = sentimentRow();
        Map<String, Integer> byIntent = new TreeMap<>();
        TreeMap<java.time.LocalDate, Map<String, Integer>> byDay = new TreeMap<>();
        java.time.LocalDate first = since.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        for (var d = first; !d.isAfter(now.atZone(java.time.ZoneOffset.UTC).toLocalDate()); d = d.plusDays(1)) {
            byDay.put(d, sentimentRow());
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
            byDay.computeIfAbsent(v.day(), d -> sentimentRow()).merge(sentiment, v.posts(), Integer::sum);
            if (v.troll() && "IGNORE".equals(v.action())) {
                trollsIgnored += v.posts();
            } else if (v.troll() && "HIDE".equals(v.action())) {
                trollsHidden += v.posts();
            }
        }
        List<DayVolume> days = new ArrayList<>();
        byDay.forEach((day, counts) -> days.add(new DayVolume(day.toString(), SentimentCounts.of(counts))));
        return new Volume(posts, byPlatform, SentimentCounts.of(bySentiment), byIntent, days, trollsIgnored, trollsHidden);
    }

    private static Map<String, Integer> sentimentRow() {
        Map<String, Integer> row = new LinkedHashMap<>();
        SENTIMENTS.forEach(l -> row.put(l, 0));
        return row;
    }

    /** Median, p90 and share within target, in seconds. */
    static FirstResponse firstResponse(List<DraftStore.Response> responses, Duration target) {
        List<Long> seconds = sortedSeconds(responses.stream().map(r -> new Instant[] {r.postedAt(), r.firstAt()}));
        return new FirstResponse(seconds.size(), target.toSeconds(), percentile(seconds, 0.5), percentile(seconds, 0.9), seconds.isEmpty() ? null
                : (double) seconds.stream().filter(s -> s <= target.toSeconds()).count() / seconds.size());
    }

    /**
     * Customer satisfaction from the tickets' ratings: how many, the average, the share of 4 and 5
     * (the usual CSAT score), each score's count, and the same per agent who resolved the ticket.
     */
    static Csat csat(List<TicketStore.Rating> ratings) {
        Map<String, List<TicketStore.Rating>> byAgent = new TreeMap<>();
        for (TicketStore.Rating r : ratings) {
            byAgent.computeIfAbsent(r.agent() == null ? "unknown" : r.agent(), k -> new ArrayList<>()).add(r);
        }
        List<AgentSatisfaction> agents = new ArrayList<>();
        byAgent.forEach((agent, rs) -> agents.add(new AgentSatisfaction(agent, summary(rs))));
        return new Csat(summary(ratings), agents);
    }

    private static Satisfaction summary(List<TicketStore.Rating> ratings) {
        if (ratings.isEmpty()) {
            return new Satisfaction(0, null, null, null);
        }
        int[] counts = new int[5];
        ratings.forEach(r -> counts[r.rating() - 1]++);
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            scores.put(String.valueOf(i + 1), counts[i]);
        }
        return new Satisfaction(ratings.size(), average(ratings), (double) ratings.stream().filter(r -> r.rating() >= 4).count() / ratings.size(),
                scores);
    }

    /** The average rating to two decimals. */
    private static double average(List<TicketStore.Rating> ratings) {
        return Math.round(ratings.stream().mapToInt(TicketStore.Rating::rating).average().orElse(0) * 100) / 100.0;
    }

    /** Tickets opened in the period, how many are resolved or closed, resolution time (median, p90), closing messages sent. */
    static TicketFigures tickets(List<TicketStore.Life> opened, int closingMessages) {
        List<Long> resolution = sortedSeconds(opened.stream().map(l -> new Instant[] {l.openedAt(), l.resolvedAt()}));
        return new TicketFigures(opened.size(), opened.stream().filter(l -> l.status().isOpen()).count(),
                opened.stream().filter(l -> l.status() == org.careloop.tickets.Ticket.Status.RESOLVED).count(),
                opened.stream().filter(l -> l.status() == org.careloop.tickets.Ticket.Status.CLOSED).count(),
                percentile(resolution, 0.5), percentile(resolution, 0.9), closingMessages);
    }

    /** The seconds from each start to its end, for the spans that have both, sorted. */
    private static List<Long> sortedSeconds(java.util.stream.Stream<Instant[]> spans) {
        return spans.filter(span -> span[0] != null && span[1] != null)
                .map(span -> Math.max(0, Duration.between(span[0], span[1]).toSeconds())).sorted().toList();
    }

    /** Nearest-rank percentile; null when there are none. */
    static Long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /**
     * One row per rule and template: counts of each outcome, and the ratings of the tickets its replies opened, so CSAT
     * compares variants too.
     */
    static List<VariantOutcomes> variants(List<DraftStore.Outcome> outcomes, List<TicketStore.Rating> ratings) {
        Map<String, DraftStore.Outcome> firsts = new TreeMap<>();
        Map<String, Outcomes> counts = new HashMap<>();
        for (DraftStore.Outcome o : outcomes) {
            String key = o.ruleId() + "/" + o.templateId();
            firsts.putIfAbsent(key, o);
            counts.merge(key, Outcomes.NONE.plus(o), (before, first) -> before.plus(o));
        }
        return firsts.entrySet().stream().map(e -> {
            DraftStore.Outcome o = e.getValue();
            List<TicketStore.Rating> mine = ratings.stream()
                    .filter(r -> o.ruleId().equals(r.ruleId()) && o.templateId().equals(r.templateId())).toList();
            return new VariantOutcomes(o.ruleId(), o.templateId(), o.variants() > 1, counts.get(e.getKey()), mine.size(),
                    mine.isEmpty() ? null : average(mine));
        }).toList();
    }

    /**
     * One row per part a reply was built from (an opening, a core template, what a ticket asks,
     * the echoed detail): how often agents took it as drafted, edited or rejected the replies it was in.
     */
    static List<PartOutcomes> parts(List<DraftStore.Outcome> outcomes) {
        Map<String, Outcomes> rows = new TreeMap<>();
        for (DraftStore.Outcome o : outcomes) {
            for (String part : o.parts()) {
                rows.merge(part, Outcomes.NONE.plus(o), (before, first) -> before.plus(o));
            }
        }
        return rows.entrySet().stream().map(e -> new PartOutcomes(e.getKey(), e.getValue())).toList();
    }
}
