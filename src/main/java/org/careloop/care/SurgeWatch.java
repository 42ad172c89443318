package org.careloop.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.CareAction;
import org.careloop.config.Settings;
import org.careloop.platform.Mention;
import org.careloop.rules.RuleBook;
import org.careloop.rules.Topic;
import org.careloop.webhook.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the posts per minute of each topic (the rules' {@code topics}) and each care action against
 * their usual level, and raises one {@code surge} alert when one climbs far above it: what it is about,
 * how many posts, since when. While the surge lasts the alert's count is kept up to date, nothing new is
 * raised; once it has calmed down, a new surge of the same series may alert again.
 *
 * <p>The usual level is the average per minute over the {@link Policy#baseline} before the window. A
 * series surges when its {@link Policy#window} holds at least {@link Policy#factor} times what the
 * usual level would put there, and never fewer than {@link Policy#floor} posts, so a quiet account's
 * handful is no surge. It is over when the window holds fewer than half the posts that started it.
 *
 * <p>The counts are kept in the database ({@link Surges}), so they survive a restart and every node
 * counts into the same rows; the database's unique key lets only one node start each surge.
 */
public final class SurgeWatch {

    private static final Logger LOG = LoggerFactory.getLogger(SurgeWatch.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    /** The chart shows this much before the surge's first minute. */
    private static final Duration CHART_BEFORE = Duration.ofMinutes(30);
    /** And at most this many minutes in all. */
    private static final int CHART_MINUTES = 120;

    /**
     * @param window     how far back the posts are counted that may make a surge
     * @param baseline   how far back before the window the usual level is measured
     * @param factor     how many times the usual level makes a surge
     * @param floor      the fewest posts in the window that can make a surge
     * @param checkEvery how often one node checks a series while its posts are triaged (between the scheduled checks)
     */
    public record Policy(Duration window, Duration baseline, double factor, int floor, Duration checkEvery) {

        public Policy {
            if (window.toMinutes() < 1) {
                throw new IllegalArgumentException("careloop.surge.window must be at least 1 minute, got: " + window);
            }
            if (baseline.compareTo(window) < 0) {
                throw new IllegalArgumentException("careloop.surge.baseline must be at least careloop.surge.window, got: " + baseline);
            }
            if (!(factor >= 1)) {
                throw new IllegalArgumentException("careloop.surge.factor must be at least 1, got: " + factor);
            }
            if (floor < 1) {
                throw new IllegalArgumentException("careloop.surge.floor must be at least 1 post, got: " + floor);
            }
        }

        public static Policy fromSettings(Settings settings) {
            return new Policy(settings.getDuration("careloop.surge.window", Duration.ofMinutes(5)),
                    settings.getDuration("careloop.surge.baseline", Duration.ofHours(3)),
                    settings.getDouble("careloop.surge.factor", 4),
                    settings.getInt("careloop.surge.floor", 25),
                    settings.getDuration("careloop.surge.triage-check-every", Duration.ofSeconds(10)));
        }

        long windowMinutes() {
            return window.toMinutes();
        }

        long baselineMinutes() {
            return baseline.toMinutes();
        }
    }

    /**
     * What the counts of one series say at one moment.
     *
     * @param windowPosts posts in the window
     * @param usual       the usual posts per minute (the baseline's average)
     * @param threshold   the posts in the window that make a surge
     * @param start       the minute a surge would have started: the window's first minute at the surge's pace, else its first beyond ordinary ups and downs, else its busiest
     */
    public record Reading(int windowPosts, double usual, int threshold, Instant start) {

        public boolean surging() {
            return windowPosts >= threshold;
        }
    }

    /** Posts per minute for a chart, from the minute {@code from} on, one number a minute. */
    public record Chart(Instant from, List<Integer> perMinute) {}

    private final Surges store;
    private final Supplier<RuleBook> rules;
    private final Webhook webhook;
    private final Policy policy;
    private final Clock clock;
    private final Map<String, Instant> lastChecked = new ConcurrentHashMap<>();
    private volatile Instant since;

    /**
     * @param rules   the rules in force, for the topics' names
     * @param webhook where a surge's start and end are POSTed (the alerts' webhook)
     */
    public SurgeWatch(Surges store, Supplier<RuleBook> rules, Webhook webhook, Policy policy, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.webhook = webhook;
        this.policy = policy;
        this.clock = clock;
    }

    public Policy policy() {
        return policy;
    }

    /** The surges going on now. */
    public List<Surges.Surge> open() {
        return store.open();
    }

    /** The series a post counts in: its care action, and its topic when the rules name one. */
    public List<String> series(Mention mention, Analysis analysis) {
        List<String> out = new ArrayList<>(2);
        if (analysis != null && analysis.care() != null) {
            out.add("action:" + analysis.care().label().id());
        }
        rules.get().settings().topicOf(mention.text()).ifPresent(t -> out.add("topic:" + t.key()));
        return out;
    }

    /**
     * Counts one triaged post in the minute it was posted, then checks its series when this node has not
     * for {@link Policy#checkEvery}: one short query per series at most that often, whatever the volume.
     */
    public void count(Mention mention, Analysis analysis) {
        Instant now = clock.instant();
        Instant posted = mention.createdAt() == null || mention.createdAt().isAfter(now) ? now : mention.createdAt();
        if (posted.isBefore(baselineStart(now))) {
            return; // read late (after a long stop): too old to make or measure a surge
        }
        List<String> series = series(mention, analysis);
        if (series.isEmpty()) {
            return;
        }
        since(now);
        store.count(posted.truncatedTo(ChronoUnit.MINUTES), series);
        for (String s : series) {
            if (due(s, now)) {
                Surges.Surge open = store.open().stream().filter(o -> o.series().equals(s)).findFirst().orElse(null);
                judge(s, store.counts(s, baselineStart(now)), open, now);
            }
        }
    }

    /**
     * The scheduled check of every series with posts in the window or a surge going on: starts, updates
     * and ends surges, and forgets counts older than the baseline.
     *
     * @return how many surges this check started
     */
    public int check() {
        Instant now = clock.instant();
        since(now); // the quiet minutes from the first check on are counted time too
        Instant from = baselineStart(now);
        Map<String, NavigableMap<Instant, Integer>> counts = store.counts(from);
        Map<String, Surges.Surge> open = new LinkedHashMap<>();
        store.open().forEach(s -> open.put(s.series(), s));
        int started = 0;
        for (String series : union(counts.keySet(), open.keySet())) {
            lastChecked.put(series, now);
            if (judge(series, counts.getOrDefault(series, new TreeMap<>()), open.get(series), now)) {
                started++;
            }
        }
        store.forget(from);
        return started;
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** Starts, updates or ends the series' surge; true when it started one. */
    private boolean judge(String series, NavigableMap<Instant, Integer> counts, Surges.Surge open, Instant now) {
        if (open != null) {
            int posts = sum(counts, open.startedAt(), now);
            int peak = peak(counts, open.startedAt(), now);
            Reading r = read(counts, now, since(now), policy);
            if (r.windowPosts() * 2 < open.threshold()) {
                String message = message(open.about(), posts, open.startedAt(), now, open.usual());
                if (store.end(open.id(), now, posts, peak, message)) {
                    LOG.info("Surge over: {}", message);
                    webhook.send("surge.ended", event(open, posts, peak, message, now));
                }
            } else if (posts != open.posts() || peak != open.peak()) {
                store.progress(open.id(), posts, peak, message(open.about(), posts, open.startedAt(), null, open.usual()));
            }
            return false;
        }
        Reading r = read(counts, now, since(now), policy);
        if (!r.surging()) {
            return false;
        }
        int posts = sum(counts, r.start(), now);
        int peak = peak(counts, r.start(), now);
        String about = about(series);
        String message = message(about, posts, r.start(), null, r.usual());
        Optional<Surges.Surge> started = store.start(new Surges.Surge(0, series, about, r.start(), now, null, r.usual(), r.threshold(),
                posts, peak, null), message);
        started.ifPresent(s -> {
            LOG.warn("Surge: {}", message);
            webhook.send("surge.started", event(s, posts, peak, message, null));
        });
        return started.isPresent();
    }

    /**
     * What the counts of one series say at {@code now}: the window (the last {@link Policy#window}, its
     * oldest minute counted for the share of it inside) against the baseline before it, or against the
     * time counted before the window when that is shorter. Until at least a window's length was counted
     * before the window, there is no usual level to compare with, and no surge.
     *
     * @param since when counting began
     */
    public static Reading read(NavigableMap<Instant, Integer> counts, Instant now, Instant since, Policy policy) {
        Instant windowFrom = now.minus(policy.window());
        Instant firstMinute = windowFrom.truncatedTo(ChronoUnit.MINUTES);
        Instant secondMinute = firstMinute.plus(1, ChronoUnit.MINUTES);
        // A window of whole minutes would drop to its newest minute's first seconds each time a minute begins.
        double share = 1 - Duration.between(firstMinute, windowFrom).toMillis() / 60_000.0;
        int windowPosts = (int) Math.round(counts.getOrDefault(firstMinute, 0) * share + sum(counts, secondMinute, now));
        Instant baseStart = max(firstMinute.minus(policy.baselineMinutes(), ChronoUnit.MINUTES), since.truncatedTo(ChronoUnit.MINUTES));
        long baseMinutes = Math.max(0, Duration.between(baseStart, firstMinute).toMinutes());
        int basePosts = baseMinutes == 0 ? 0 : counts.subMap(baseStart, true, firstMinute, false).values().stream().mapToInt(Integer::intValue).sum();
        double usual = baseMinutes == 0 ? 0 : basePosts / (double) baseMinutes;
        int threshold = baseMinutes < policy.windowMinutes() ? Integer.MAX_VALUE
                : (int) Math.max(policy.floor(), Math.ceil(policy.factor() * usual * policy.windowMinutes()));
        double pace = threshold / (double) policy.windowMinutes();
        NavigableMap<Instant, Integer> window = counts.subMap(firstMinute, true, now, true);
        // Its first minute at the surge's pace, else its first minute beyond ordinary ups and downs (three standard
        // deviations of a Poisson count at the usual level), else its busiest: a minute of ordinary traffic before a
        // surge that began seconds into the next one is not when it began, even when it ran a post above the average.
        double noise = usual + 3 * Math.sqrt(Math.max(usual, 1));
        Instant start = window.entrySet().stream().filter(e -> e.getValue() >= pace).map(Map.Entry::getKey).findFirst()
                .or(() -> window.entrySet().stream().filter(e -> e.getValue() > noise).map(Map.Entry::getKey).findFirst())
                .orElseGet(() -> window.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(secondMinute));
        return new Reading(windowPosts, usual, threshold, start);
    }

    /** The surge behind an alert, if it is one. */
    public Optional<Surges.Surge> surgeOf(Alerts.Alert alert) {
        return "surge".equals(alert.kind()) ? store.byAlert(alert.id()) : Optional.empty();
    }

    /** The series' posts per minute around the surge: half an hour before it (since counting began, if later), up to now or a window after it ended. */
    public Chart chart(Surges.Surge surge) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant to = surge.endedAt() == null ? now : min(now, surge.endedAt().plus(policy.window()).truncatedTo(ChronoUnit.MINUTES));
        // Half an hour before it, not before counting began: nothing to see there.
        Instant from = max(surge.startedAt().minus(CHART_BEFORE), since(clock.instant()).truncatedTo(ChronoUnit.MINUTES));
        if (from.isBefore(to.minus(CHART_MINUTES - 1, ChronoUnit.MINUTES))) {
            from = to.minus(CHART_MINUTES - 1, ChronoUnit.MINUTES);
        }
        NavigableMap<Instant, Integer> counts = store.counts(surge.series(), from);
        List<Integer> perMinute = new ArrayList<>();
        for (Instant m = from; !m.isAfter(to); m = m.plus(1, ChronoUnit.MINUTES)) {
            perMinute.add(counts.getOrDefault(m, 0));
        }
        return new Chart(from, perMinute);
    }

    /** What a series is about, in words a care lead reads: "posts about “cancelled flight”", "cases that need a ticket". */
    public String about(String series) {
        int colon = series.indexOf(':');
        String key = series.substring(colon + 1);
        if (series.startsWith("topic:")) {
            String says = rules.get().settings().topics().stream().filter(t -> t.key().equals(key)).map(Topic::says).findFirst().orElse(key);
            return "posts about “" + says.replaceFirst("^(your|the) ", "") + "”";
        }
        try {
            return switch (CareAction.Label.of(key)) {
                case ANSWER -> "questions the knowledge can answer";
                case TICKET -> "cases that need a ticket";
                case APOLOGIZE -> "complaints to apologise for";
                case THANK -> "praise and thanks";
                case ENGAGE -> "fan posts and banter";
                case ESCALATE -> "posts to escalate to a person";
                case IGNORE -> "spam, bait and trolls";
            };
        } catch (IllegalArgumentException e) {
            return series;
        }
    }

    /** "Posts about “bag”: 412 posts since 14:02 UTC (usually 3 an hour)"; with {@code ended}, "from 14:02 to 14:20 UTC". */
    static String message(String about, int posts, Instant since, Instant ended, double usual) {
        String what = Character.toUpperCase(about.charAt(0)) + about.substring(1);
        String when = ended == null ? "since " + HOUR.format(since) + " UTC" : "from " + HOUR.format(since) + " to " + HOUR.format(ended) + " UTC, now calm";
        return what + ": " + String.format(Locale.ROOT, "%,d", posts) + (posts == 1 ? " post " : " posts ") + when + " (usually " + usual(usual) + ")";
    }

    /** The usual level in words: "none", "4 an hour", "12 a minute". */
    static String usual(double perMinute) {
        if (perMinute <= 0) {
            return "none";
        }
        if (perMinute < 1) {
            long perHour = Math.round(perMinute * 60);
            return perHour < 1 ? "under 1 an hour" : perHour + " an hour";
        }
        return Math.round(perMinute) + " a minute";
    }

    private Map<String, Object> event(Surges.Surge s, int posts, int peak, String message, Instant ended) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("surgeId", s.id());
        data.put("series", s.series());
        data.put("about", s.about());
        data.put("since", s.startedAt().toString());
        data.put("posts", posts);
        data.put("peakPerMinute", peak);
        data.put("usualPerMinute", s.usual());
        if (ended != null) {
            data.put("endedAt", ended.toString());
        }
        data.put("alertId", s.alertId());
        data.put("message", message);
        return data;
    }

    private boolean due(String series, Instant now) {
        boolean[] due = {false};
        lastChecked.compute(series, (k, last) -> {
            if (last == null || !now.isBefore(last.plus(policy.checkEvery()))) {
                due[0] = true;
                return now;
            }
            return last;
        });
        return due[0];
    }

    private Instant baselineStart(Instant now) {
        return now.minus(policy.window()).truncatedTo(ChronoUnit.MINUTES).minus(policy.baselineMinutes(), ChronoUnit.MINUTES);
    }

    private static int sum(NavigableMap<Instant, Integer> counts, Instant from, Instant to) {
        return counts.subMap(from, true, to, true).values().stream().mapToInt(Integer::intValue).sum();
    }

    private static int peak(NavigableMap<Instant, Integer> counts, Instant from, Instant to) {
        return counts.subMap(from, true, to, true).values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** When counting began, read once from the store (the first node to ask records it). */
    private Instant since(Instant now) {
        Instant s = since;
        if (s == null) {
            s = store.countingSince(now);
            since = s;
        }
        return s;
    }
}
