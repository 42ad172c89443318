package org.careloop;

import java.time.Duration;
import java.util.Locale;
import org.careloop.care.Clustering;
import org.careloop.care.Drafter;
import org.careloop.care.Publisher;
import org.careloop.care.SlaPolicy;
import org.careloop.care.SurgeWatch;
import org.careloop.config.Settings;
import org.careloop.store.Database;
import org.careloop.tickets.UploadRules;
import org.careloop.web.ConsoleSettings;
import org.careloop.webhook.WebhookSettings;

/**
 * Every area's settings that do not depend on which accounts are configured, read and checked once,
 * before anything opens or listens: a bad value stops the start with the key that is wrong. The
 * platforms read their accounts themselves (X, Facebook, Instagram), and the per-account switches
 * (unattended, surge holding, link-free ticket replies) are read once the accounts are known.
 *
 * @param database             where the database is
 * @param console              the console, its login and the API's secrets
 * @param sla                  the first-response target and its milestones
 * @param slaHook              where SLA breaches and surges are POSTed ({@code careloop.sla.webhook-url})
 * @param voice                the brand's name, signature and expected wait in replies
 * @param publishing           the outbox's pace, attempts and leases
 * @param surges               what counts as a surge
 * @param uploads              what customers may attach on a ticket's page
 * @param marketingHook        where new praise is POSTed, signed with CARELOOP_MARKETING_WEBHOOK_SECRET
 * @param cluster              whether Quartz runs clustered on the database
 * @param clustersWindow       posts further apart than this never join one cluster of near-duplicates
 * @param triageMaxAttempts    a post whose triage failed this often is set aside for a person
 * @param failedPollsTolerated failed polls in a row before a connection counts as unhealthy
 */
public record Configuration(Database.Location database, ConsoleSettings console, SlaPolicy sla, WebhookSettings slaHook, Drafter.Voice voice,
                            Publisher.Policy publishing, SurgeWatch.Policy surges, UploadRules uploads,
                            WebhookSettings marketingHook, Cluster cluster, Duration clustersWindow, int triageMaxAttempts,
                            int failedPollsTolerated) {

    public static Configuration read(Settings settings) {
        // Checked where they are used (TriageLedger, Connections), each naming its key.
        int triageAttempts = settings.getInt("careloop.triage.max-attempts", 3);
        int failedPolls = settings.getInt("careloop.feeds.failed-polls-tolerated", org.careloop.platform.Connections.DEFAULT_FAILED_POLLS_TOLERATED);
        return new Configuration(Database.Location.fromSettings(settings), ConsoleSettings.fromSettings(settings), SlaPolicy.fromSettings(settings),
                WebhookSettings.unsigned(settings, "careloop.sla.webhook-url"), Drafter.Voice.fromSettings(settings),
                Publisher.Policy.fromSettings(settings), SurgeWatch.Policy.fromSettings(settings), UploadRules.fromSettings(settings),
                WebhookSettings.signed(settings, "careloop.marketing", "CARELOOP_MARKETING_WEBHOOK_SECRET"),
                Cluster.fromSettings(settings), Clustering.window(settings), triageAttempts, failedPolls);
    }

    /**
     * Quartz's scheduling across nodes ({@code careloop.cluster.*}).
     *
     * @param mode            {@code auto} (clustered on PostgreSQL), {@code true} (insists, refuses H2) or {@code false}
     * @param checkinInterval how often a node tells the others it is alive
     */
    public record Cluster(String mode, Duration checkinInterval) {

        public static Cluster fromSettings(Settings settings) {
            String mode = settings.get("careloop.cluster.enabled", "auto").strip().toLowerCase(Locale.ROOT);
            if (!mode.equals("auto") && !mode.equals("true") && !mode.equals("false")) {
                throw new IllegalArgumentException("Setting careloop.cluster.enabled (CARELOOP_CLUSTER_ENABLED) must be auto, "
                        + "true or false, got: " + mode);
            }
            return new Cluster(mode, settings.getPositiveDuration("careloop.cluster.checkin-interval", Duration.ofSeconds(5)));
        }

        /** Whether to run clustered on a database of this kind ({@code PostgreSQL}, {@code H2}). */
        public boolean on(String databaseKind) {
            boolean postgres = "PostgreSQL".equals(databaseKind);
            if (mode.equals("true") && !postgres) {
                throw new IllegalArgumentException("Setting careloop.cluster.enabled=true needs PostgreSQL (careloop.db.url "
                        + "jdbc:postgresql://...): the embedded H2 database belongs to one process, so it makes one node");
            }
            return mode.equals("auto") ? postgres : mode.equals("true");
        }
    }
}
