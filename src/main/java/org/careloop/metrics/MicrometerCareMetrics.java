package org.careloop.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * CareLoop's meters in a Micrometer registry. In Prometheus' text format (dots become underscores,
 * counters end in {@code _total}, timers in {@code _seconds}):
 *
 * <ul>
 *   <li>{@code careloop_posts_read_total{platform,account}}</li>
 *   <li>{@code careloop_posts_triaged_total{platform,account}}</li>
 *   <li>{@code careloop_replies_drafted_total{platform,action}} (not {@code careloop_drafts_created}: Prometheus keeps
 *       {@code _created} for the gauge {@code careloop_drafts})</li>
 *   <li>{@code careloop_drafts{status}}: drafts in the database by status (gauge)</li>
 *   <li>{@code careloop_publish_attempts_total{platform,account}}, {@code careloop_publish_failures_total{platform,account,kind}}</li>
 *   <li>{@code careloop_sla_warnings_total{platform,account}}, {@code careloop_sla_breaches_total{platform,account}}</li>
 *   <li>{@code careloop_first_response_seconds{platform}}: from the post to its first public reply (count, sum, max)</li>
 *   <li>{@code careloop_webhook_backlog{hook}}: webhook deliveries not yet made (gauge)</li>
 * </ul>
 */
public final class MicrometerCareMetrics implements CareMetrics {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MicrometerCareMetrics.class);

    /** When a published draft is its post's first public reply: the post's time, else empty. */
    public interface FirstReplies {
        Optional<Instant> postedAtIfFirst(long draftId, Instant publishedAt);
    }

    private final MeterRegistry registry;
    private final FirstReplies firstReplies;

    public MicrometerCareMetrics(MeterRegistry registry, FirstReplies firstReplies) {
        this.registry = registry;
        this.firstReplies = firstReplies;
    }

    /**
     * Gauges of the drafts by status, read once per scrape for every status.
     *
     * @param statuses every status, so that a status with no draft shows 0
     * @param counts   drafts by status (statuses lower case); missing ones count 0
     */
    public MicrometerCareMetrics draftsByStatus(Iterable<String> statuses, Supplier<Map<String, ? extends Number>> counts) {
        Snapshot snapshot = new Snapshot(counts);
        for (String status : statuses) {
            Gauge.builder("careloop.drafts", snapshot, s -> s.get(status)).description("Drafts in the database by status")
                    .tag("status", status)
                    .strongReference(true).register(registry); // Micrometer holds gauge state weakly otherwise
        }
        return this;
    }

    /** A gauge of the deliveries waiting on one webhook. */
    public MicrometerCareMetrics webhookBacklog(String hook, ToDoubleFunction<String> pending) {
        Gauge.builder("careloop.webhook.backlog", hook, pending).description("Webhook deliveries not yet made")
                .tag("hook", hook).strongReference(true).register(registry);
        return this;
    }

    @Override
    public void postsRead(String platform, String account, int posts) {
        count("careloop.posts.read", "Posts read from the platforms", posts, "platform", platform, "account", account);
    }

    @Override
    public void postTriaged(String platform, String account) {
        count("careloop.posts.triaged", "Posts analysed and decided", 1, "platform", platform, "account", account);
    }

    @Override
    public void draftCreated(String platform, String action) {
        count("careloop.replies.drafted", "Replies drafted by the pipeline, by care action", 1, "platform", platform, "action", action);
    }

    @Override
    public void publishAttempted(String platform, String account) {
        count("careloop.publish.attempts", "Calls to a platform to publish a reply", 1, "platform", platform, "account", account);
    }

    @Override
    public void publishFailed(String platform, String account, String kind) {
        count("careloop.publish.failures", "Failed publish attempts", 1, "platform", platform, "account", account, "kind", kind);
    }

    @Override
    public void replyPublished(String platform, String account, long draftId, Instant at) {
        safely(() -> firstReplies.postedAtIfFirst(draftId, at).ifPresent(posted -> Timer.builder("careloop.first.response")
                .description("From a post to its first public reply").tag("platform", platform).register(registry)
                .record(elapsed(posted, at))));
    }

    @Override
    public void slaWarning(String platform, String account) {
        count("careloop.sla.warnings", "SLA warnings raised", 1, "platform", platform, "account", account);
    }

    @Override
    public void slaBreach(String platform, String account) {
        count("careloop.sla.breaches", "First-response SLA breaches", 1, "platform", platform, "account", account);
    }

    /** A clock step back (another node's clock) counts as an immediate reply, never a negative time. */
    private static Duration elapsed(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private void count(String name, String description, double amount, String... tags) {
        safely(() -> Counter.builder(name).description(description).tags(tags).register(registry).increment(amount));
    }

    /** A meter never breaks the work it counts: a failure is logged and the work goes on. */
    private static void safely(Runnable meter) {
        try {
            meter.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not update a metric: {}", e.toString());
        }
    }

    /** The counts, read at most once a second however many gauges ask. */
    private static final class Snapshot {
        private final Supplier<Map<String, ? extends Number>> source;
        private Map<String, ? extends Number> last = Map.of();
        private long readAt = Long.MIN_VALUE;

        Snapshot(Supplier<Map<String, ? extends Number>> source) {
            this.source = source;
        }

        synchronized double get(String key) {
            long now = System.nanoTime();
            if (readAt == Long.MIN_VALUE || now - readAt > 1_000_000_000L) {
                try {
                    last = source.get();
                } catch (RuntimeException e) {
                    LOG.warn("Could not count the drafts for the metrics: {}", e.toString());
                    return Double.NaN; // the database is down: /health says so, the gauge has no value
                }
                readAt = now;
            }
            Number n = last.get(key);
            return n == null ? 0 : n.doubleValue();
        }
    }
}
