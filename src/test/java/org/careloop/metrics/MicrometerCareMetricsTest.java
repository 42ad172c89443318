package org.careloop.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The meters' Prometheus names and labels, as operators' dashboards and alerts name them. */
class MicrometerCareMetricsTest {

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    static final Instant POSTED = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void countersCarryPlatformAccountAndKind() {
        CareMetrics metrics = new MicrometerCareMetrics(registry, (draftId, at) -> Optional.empty());
        metrics.postsRead("x", "brand", 3);
        metrics.postsRead("facebook", "facebook-brand", 0);
        metrics.postTriaged("x", "brand");
        metrics.draftCreated("x", "ticket");
        metrics.publishAttempted("x", "brand");
        metrics.publishAttempted("x", "brand");
        metrics.publishFailed("x", "brand", "transient");
        metrics.slaWarning("x", "brand");
        metrics.slaBreach("x", "brand");

        String scrape = registry.scrape();
        assertThat(scrape).contains("careloop_posts_read_total{account=\"brand\",platform=\"x\"} 3.0")
                .contains("careloop_posts_read_total{account=\"facebook-brand\",platform=\"facebook\"} 0.0")
                .contains("careloop_posts_triaged_total{account=\"brand\",platform=\"x\"} 1.0")
                .contains("careloop_replies_drafted_total{action=\"ticket\",platform=\"x\"} 1.0")
                .contains("careloop_publish_attempts_total{account=\"brand\",platform=\"x\"} 2.0")
                .contains("careloop_publish_failures_total{account=\"brand\",kind=\"transient\",platform=\"x\"} 1.0")
                .contains("careloop_sla_warnings_total{account=\"brand\",platform=\"x\"} 1.0")
                .contains("careloop_sla_breaches_total{account=\"brand\",platform=\"x\"} 1.0");
    }

    @Test
    void onlyAPostsFirstReplyTimesTheFirstResponse() {
        CareMetrics metrics = new MicrometerCareMetrics(registry,
                (draftId, at) -> draftId == 1 ? Optional.of(POSTED) : Optional.empty());
        metrics.replyPublished("x", "brand", 1, POSTED.plusSeconds(90));
        metrics.replyPublished("x", "brand", 2, POSTED.plusSeconds(400)); // a later reply to the same post

        String scrape = registry.scrape();
        assertThat(scrape).contains("careloop_first_response_seconds_count{platform=\"x\"} 1")
                .contains("careloop_first_response_seconds_sum{platform=\"x\"} 90.0");
    }

    @Test
    void gaugesShowEveryStatusAndTheBacklogAsTheyAreNow() {
        AtomicInteger pending = new AtomicInteger(2);
        AtomicInteger backlog = new AtomicInteger(0);
        new MicrometerCareMetrics(registry, (draftId, at) -> Optional.empty())
                .draftsByStatus(List.of("pending", "published"), () -> Map.of("pending", pending.get()))
                .webhookBacklog("sla", hook -> backlog.get());
        System.gc(); // the gauges' state must outlive a collection (Micrometer holds it weakly unless told)

        assertThat(registry.scrape()).contains("careloop_drafts{status=\"pending\"} 2.0")
                .contains("careloop_drafts{status=\"published\"} 0.0")
                .contains("careloop_webhook_backlog{hook=\"sla\"} 0.0");
        backlog.set(5);
        assertThat(registry.scrape()).contains("careloop_webhook_backlog{hook=\"sla\"} 5.0");
    }

    @Test
    void aFailingLookUpNeverBreaksThePublishItTimes() {
        CareMetrics metrics = new MicrometerCareMetrics(registry, (draftId, at) -> {
            throw new IllegalStateException("the database is down");
        });
        metrics.replyPublished("x", "brand", 1, POSTED.plusSeconds(90)); // logged, not thrown
        assertThat(registry.scrape()).doesNotContain("careloop_first_response_seconds_count");
    }
}
