package org.careloop.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule book the pipeline uses, reloaded when its files change. A broken edit never stops the
 * pipeline: the last good rules stay in force and the problem (file, line, what is wrong) is kept
 * for the console until a good version is saved.
 */
public final class RulesInForce implements Supplier<RuleBook> {

    private static final Logger LOG = LoggerFactory.getLogger(RulesInForce.class);

    private final RuleFiles files;
    private final Clock clock;
    private volatile RuleBook current;
    private volatile Status status;
    private String fingerprint;

    /** What the console shows about the rules: where from, when loaded, and the problem if the latest edit is broken. */
    public record Status(String source, int rules, int knowledgeEntries, Instant loadedAt, String problem, Instant problemAt) {}

    /** Loads the rules now; a broken rule set at start-up is an error (there is no last good one to keep). */
    public RulesInForce(RuleFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
        this.fingerprint = files.fingerprint();
        this.current = RuleBook.load(files);
        this.status = new Status(current.source(), current.rules().size(), current.knowledge().entries().size(), clock.instant(), null, null);
    }

    @Override
    public RuleBook get() {
        return current;
    }

    public Status status() {
        return status;
    }

    /** Reloads when a file was added, changed or removed; returns true when new rules took effect. */
    public synchronized boolean reloadIfChanged() {
        String now = files.fingerprint();
        if (now.equals(fingerprint)) {
            return false;
        }
        fingerprint = now;
        try {
            RuleBook book = RuleBook.load(files);
            current = book;
            status = new Status(book.source(), book.rules().size(), book.knowledge().entries().size(), clock.instant(), null, null);
            LOG.info("Rules reloaded from {}: {} rules, {} knowledge entries", files, book.rules().size(), book.knowledge().entries().size());
            return true;
        } catch (RuleException e) {
            status = new Status(status.source(), status.rules(), status.knowledgeEntries(), status.loadedAt(), e.getMessage(), clock.instant());
            LOG.error("Rules not reloaded, the previous rules stay in force: {}", e.getMessage());
            return false;
        }
    }
}
