package org.careloop.platform.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.careloop.platform.Connections;
import org.careloop.platform.Mention;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;
import org.careloop.store.CursorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll: for each feed of the account, the posts after the stored cursor, oldest first, each
 * processed by the route before the cursor moves past it. A crash therefore re-delivers posts
 * (the mention store drops the duplicates) and never loses one.
 */
final class PlatformConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformConsumer.class);

    private final PlatformAdapter adapter;
    private final Connections connections;
    private final CursorStore cursors;
    private volatile boolean identified;
    private volatile String lastProblem;

    PlatformConsumer(PlatformEndpoint endpoint, Processor processor, PlatformAdapter adapter, Connections connections, CursorStore cursors) {
        super(endpoint, processor);
        this.adapter = adapter;
        this.connections = connections;
        this.cursors = cursors;
    }

    @Override
    protected int poll() throws Exception {
        String account = adapter.account();
        try {
            if (!identified) {
                connections.identified(account, adapter.identify());
                identified = true;
            }
            int processed = 0;
            for (String feed : adapter.feeds()) {
                processed += pollFeed(feed);
            }
            connections.fetched(account);
            recovered();
            return processed;
        } catch (PlatformException e) {
            connections.failed(account, e);
            if (e.kind() == PlatformException.Kind.AUTH) {
                identified = false; // ask again on the next poll, so new credentials are picked up
            }
            problem(e.kind() + ": " + e.getMessage());
            return 0;
        }
    }

    private int pollFeed(String feed) throws Exception {
        String account = adapter.account();
        String since = cursors.get(account, feed).orElse(null);
        PlatformAdapter.Batch batch = adapter.fetch(feed, since);
        int processed = 0;
        for (Mention m : batch.mentions()) {
            Exchange exchange = createExchange(true);
            exchange.getMessage().setBody(m);
            exchange.getMessage().setHeader(PlatformConstants.PLATFORM, m.platform().id());
            exchange.getMessage().setHeader(PlatformConstants.ACCOUNT, account);
            exchange.getMessage().setHeader(PlatformConstants.FEED, feed);
            try {
                getProcessor().process(exchange);
            } finally {
                releaseExchange(exchange, false);
            }
            if (exchange.getException() != null) {
                // The cursor stays: the next poll delivers the batch again and the mention store
                // lets through only what was not recorded yet.
                getExceptionHandler().handleException("Processing " + m.platform().id() + " post " + m.id() + " failed", exchange, exchange.getException());
                return processed;
            }
            processed++;
        }
        if (batch.nextCursor() != null && !batch.nextCursor().equals(since)) {
            cursors.put(account, feed, batch.nextCursor());
        }
        return processed;
    }

    /** Logs a connection problem once, not at every poll. */
    private void problem(String message) {
        if (!message.equals(lastProblem)) {
            LOG.warn("Account {}: {}", adapter.account(), message);
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
