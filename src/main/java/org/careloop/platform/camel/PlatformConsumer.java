package org.careloop.platform.camel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.careloop.metrics.CareMetrics;
import org.careloop.platform.Connections;
import org.careloop.platform.Mention;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll: for each feed of the account, the posts after the stored cursor, oldest first, each
 * processed by the route before the cursor moves past it. A crash therefore re-delivers posts
 * (the route drops those triaged already) and never loses one.
 */
final class PlatformConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformConsumer.class);

    private final PlatformAdapter adapter;
    private final Connections connections;
    private final CursorStore cursors;
    private final Set<String> feeds;
    private final Clock clock;
    private final CareMetrics metrics;
    private volatile boolean identified;
    private volatile String lastProblem;
    private final Map<String, Instant> resumeAt = new ConcurrentHashMap<>();

    /**
     * @param feeds the feeds to poll, or empty for all of the adapter's feeds
     */
    PlatformConsumer(PlatformEndpoint endpoint, Processor processor, PlatformAdapter adapter, Connections connections,
                     CursorStore cursors, Set<String> feeds, Clock clock) {
        this(endpoint, processor, adapter, connections, cursors, feeds, clock, CareMetrics.NONE);
    }

    PlatformConsumer(PlatformEndpoint endpoint, Processor processor, PlatformAdapter adapter, Connections connections,
                     CursorStore cursors, Set<String> feeds, Clock clock, CareMetrics metrics) {
        super(endpoint, processor);
        this.adapter = adapter;
        this.connections = connections;
        this.cursors = cursors;
        this.feeds = Set.copyOf(feeds);
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    protected void doStart() throws Exception {
        List<String> unknown = feeds.stream().filter(f -> !adapter.feeds().contains(f)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Account " + adapter.account() + " has no feed " + unknown
                    + " (its feeds: " + adapter.feeds() + ")");
        }
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        String account = adapter.account();
        if (!identified) {
            try {
                connections.identified(account, call(adapter::identify));
                identified = true;
            } catch (PlatformException e) {
                failed(Connections.IDENTITY, e);
                return 0;
            }
        }
        // The feeds are read last first and triaged first first: a post in a later feed that answers one of an earlier
        // feed (a customer's follow-up to the team's reply on X) was posted after it, so the earlier feed, read after,
        // has that post too, and it is stored before the follow-up is decided.
        List<String> due = new ArrayList<>();
        boolean allRead = true;
        for (String feed : adapter.feeds()) {
            if (!feeds.isEmpty() && !feeds.contains(feed)) {
                continue;
            }
            Instant resume = resumeAt.get(feed);
            if (resume != null && clock.instant().isBefore(resume)) {
                allRead = false; // rate-limited: polling now would only spend the next window
                continue;
            }
            resumeAt.remove(feed);
            due.add(feed);
        }
        Map<String, Fetched> read = new HashMap<>();
        List<String> lastFirst = new ArrayList<>(due);
        Collections.reverse(lastFirst);
        for (String feed : lastFirst) {
            try {
                String since = cursors.get(account, feed).orElse(null);
                read.put(feed, new Fetched(since, call(() -> adapter.fetch(feed, since))));
            } catch (PlatformException e) {
                // Each feed has its own limits and failures: the others still get read.
                allRead = false;
                failed(feed, e);
                if (e.kind() == PlatformException.Kind.RATE_LIMITED && e.retryAfter() != null) {
                    resumeAt.put(feed, e.retryAfter());
                }
                if (e.kind() == PlatformException.Kind.AUTH) {
                    break;
                }
            }
        }
        int processed = 0;
        for (String feed : due) {
            Fetched fetched = read.get(feed);
            if (fetched != null) {
                processed += triage(feed, fetched.since(), fetched.batch());
                connections.read(account, feed);
            }
        }
        if (allRead) {
            connections.fetched(account);
            recovered();
        }
        return processed;
    }

    private void failed(String read, PlatformException e) {
        connections.readFailed(adapter.account(), read, e);
        if (e.kind() == PlatformException.Kind.AUTH) {
            identified = false; // ask again on the next poll, so new credentials are picked up
        }
        problem(e.kind() + ": " + e.getMessage(), e);
    }

    /** A feed's batch and the cursor it was read from. */
    private record Fetched(String since, PlatformAdapter.Batch batch) {}

    private int triage(String feed, String since, PlatformAdapter.Batch batch) throws Exception {
        String account = adapter.account();
        metrics.postsRead(adapter.platform().id(), account, batch.mentions().size());
        int processed = 0;
        for (Mention m : batch.mentions()) {
            Exchange exchange = createExchange(true);
            exchange.getMessage().setBody(m);
            exchange.getMessage().setHeader(PlatformConstants.PLATFORM, m.platform().id());
            exchange.getMessage().setHeader(PlatformConstants.ACCOUNT, account);
            exchange.getMessage().setHeader(PlatformConstants.FEED, feed);
            Exception failure;
            boolean again;
            try {
                getProcessor().process(exchange);
                failure = exchange.getException();
                // Rollback-only: the route dealt with the failure and wants the post again with the next poll.
                again = failure != null || exchange.isRollbackOnly();
                if (failure != null) {
                    getExceptionHandler().handleException("Processing " + m.platform().id() + " post " + m.id() + " failed",
                            exchange, failure);
                }
            } finally {
                releaseExchange(exchange, false);
            }
            if (again) {
                // The cursor stays: the next poll delivers the batch again and the route lets
                // through only what was not triaged yet (a post failing every time is set aside).
                return processed;
            }
            processed++;
        }
        if (batch.nextCursor() != null && !batch.nextCursor().equals(since)) {
            cursors.put(account, feed, batch.nextCursor());
        }
        return processed;
    }

    interface AdapterCall<T> {
        T run() throws PlatformException;
    }

    /**
     * An adapter that breaks its contract (an unexpected answer it cannot read) is a connection
     * problem like any other: recorded and retried on the next poll, not a poll-strategy stack trace.
     */
    private static <T> T call(AdapterCall<T> call) throws PlatformException {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw new PlatformException(PlatformException.Kind.TRANSIENT, "unexpected failure: " + e, e);
        }
    }

    /** Logs a connection problem once, not at every poll. */
    private void problem(String message, PlatformException e) {
        if (!message.equals(lastProblem)) {
            LOG.warn("Account {}: {}", adapter.account(), message);
            LOG.debug("Account {}: cause of the failure", adapter.account(), e);
            lastProblem = message;
        }
    }

    private void recovered() {
        if (lastProblem != null) {
            LOG.info("Account {}: connection healthy again", adapter.account());
            lastProblem = null;
        }
    }
}
