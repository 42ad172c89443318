package org.careloop;

import java.util.List;
import java.util.Properties;
import org.careloop.config.Settings;
import org.careloop.platform.Connections;
import org.careloop.platform.PlatformAdapter;
import org.careloop.web.RequestLimits;

/**
 * Translates CareLoop's settings into Camel Main's properties: the console's HTTP server, the
 * routes to load, one watcher route per connected account, and every {@code careloop.*} key (with
 * environment overrides applied) so the routes' {@code {{careloop...}}} placeholders see the same
 * values as the Java code.
 */
final class CamelSettings {

    /** Micrometer's JVM and process meters scraped by default ({@code careloop.metrics.binders}). */
    static final String DEFAULT_BINDERS = "jvm-memory,jvm-gc,jvm-thread,processor,uptime";

    private CamelSettings() {}

    static Properties from(Settings settings, Connections connections) {
        return from(settings, connections, false);
    }

    /** @param sharedTriage several nodes share the triage: the poll records the posts and every node claims them */
    static Properties from(Settings settings, Connections connections, boolean sharedTriage) {
        Properties p = settings.asProperties();
        p.setProperty("camel.main.name", "CareLoop");
        p.setProperty("camel.main.routes-include-pattern", "classpath:routes/*.yaml");
        p.setProperty("camel.main.shutdown-timeout", "10");
        p.setProperty("camel.server.enabled", "true");
        p.setProperty("camel.server.host", settings.get("careloop.http.host", "0.0.0.0"));
        p.setProperty("camel.server.port", String.valueOf(settings.getInt("careloop.http.port", 8080)));
        // Every route's body limit, read before anyone is known; RequestLimits lets the customer's upload take more.
        p.setProperty("camel.server.maxBodySize", String.valueOf(RequestLimits.BODY));
        // Camel's route and exchange meters (and the JVM's) join CareLoop's in the registry bound as metricsRegistry.
        p.setProperty("camel.metrics.enabled", "true");
        String binders = settings.get("careloop.metrics.binders", DEFAULT_BINDERS);
        if (!binders.isBlank()) {
            p.setProperty("camel.metrics.binders", binders);
        }
        // Camel's management server (/observe/health, /observe/metrics), on a port of its own when one is set.
        int management = settings.getInt("careloop.management.port", 0);
        if (management > 0) {
            p.setProperty("camel.management.enabled", "true");
            p.setProperty("camel.management.host", settings.get("careloop.management.host", "127.0.0.1"));
            p.setProperty("camel.management.port", String.valueOf(management));
            p.setProperty("camel.management.health-check-enabled", "true");
            p.setProperty("camel.management.metrics-enabled", "true");
        }
        p.setProperty("careloop.outbox.interval-ms",
                String.valueOf(settings.getDuration("careloop.outbox.interval", java.time.Duration.ofSeconds(2)).toMillis()));
        p.setProperty("careloop.triage.timeout-ms",
                String.valueOf(settings.getDuration("careloop.triage.timeout", java.time.Duration.ofSeconds(60)).toMillis()));
        p.setProperty("careloop.triage.shared", String.valueOf(sharedTriage));
        p.setProperty("careloop.triage.claim-renew-ms", String.valueOf(
                settings.getDuration("careloop.triage.claim-lease", org.careloop.pipeline.TriageLedger.DEFAULT_LEASE).dividedBy(3).toMillis()));
        // As many as the node's cores: more only queue for them (three nodes of 4 on 2 cores triaged 0.77 of one node, of 2 each 1.02).
        int threads = settings.getInt("careloop.triage.threads", Runtime.getRuntime().availableProcessors());
        if (threads < 1) {
            throw new IllegalArgumentException("Setting careloop.triage.threads (CARELOOP_TRIAGE_THREADS) must be at least 1, got: " + threads);
        }
        p.setProperty("careloop.triage.threads", String.valueOf(threads));
        p.setProperty("careloop.triage.claim-interval-ms",
                String.valueOf(settings.getDuration("careloop.triage.claim-interval", java.time.Duration.ofMillis(500)).toMillis()));
        p.setProperty("careloop.webhooks.relay-interval-ms",
                String.valueOf(settings.getDuration("careloop.webhooks.relay-interval", java.time.Duration.ofSeconds(30)).toMillis()));
        p.setProperty("careloop.incidents.finish-interval-ms",
                String.valueOf(settings.getDuration("careloop.incidents.finish-interval", java.time.Duration.ofMinutes(1)).toMillis()));
        p.setProperty("careloop.sla.sweep-interval-ms",
                String.valueOf(settings.getDuration("careloop.sla.sweep-interval", java.time.Duration.ofSeconds(5)).toMillis()));
        p.setProperty("careloop.surge.check-interval-ms",
                String.valueOf(settings.getDuration("careloop.surge.check-interval", java.time.Duration.ofSeconds(30)).toMillis()));
        List<PlatformAdapter> adapters = List.copyOf(connections.adapters());
        for (int i = 0; i < adapters.size(); i++) {
            PlatformAdapter a = adapters.get(i);
            String prefix = "camel.route-template[" + i + "].";
            p.setProperty(prefix + "template-id", "watch-account");
            p.setProperty(prefix + "routeId", "watch-" + a.account());
            p.setProperty(prefix + "account", a.account());
            p.setProperty(prefix + "cron", pollCron(settings, a));
        }
        return p;
    }

    /** Per account ({@code careloop.x.<name>.poll-cron}), else per platform ({@code careloop.x.poll-cron}). */
    static String pollCron(Settings settings, PlatformAdapter adapter) {
        String platform = adapter.platform().id();
        String fallback = settings.get("careloop." + platform + ".poll-cron", "0/10 * * * * ?");
        return settings.get("careloop." + platform + "." + adapter.account() + ".poll-cron", fallback);
    }
}
