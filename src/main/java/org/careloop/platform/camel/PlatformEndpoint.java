package org.careloop.platform.camel;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.careloop.platform.PlatformAdapter;

/** {@code platform:<account>}: a consumer only; replies are published from the outbox, not through an endpoint. */
public final class PlatformEndpoint extends ScheduledPollEndpoint {

    private final String account;
    private String feeds;

    PlatformEndpoint(String uri, PlatformComponent component, String account) {
        super(uri, component);
        this.account = account;
        // Without a schedule in the URI, poll every 10 seconds (not Camel's 0.5): platforms count requests.
        setDelay(10_000);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        PlatformComponent c = (PlatformComponent) getComponent();
        PlatformAdapter adapter = c.connections().adapter(account).orElseThrow();
        PlatformConsumer consumer = new PlatformConsumer(this, processor, adapter, c.connections(), c.cursors(),
                feedSet(), c.clock(), c.metrics());
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("platform:" + account + " only consumes; replies go through the outbox");
    }

    public String getAccount() {
        return account;
    }

    /** Comma-separated feeds to poll (e.g. {@code mentions}); unset polls all the account's feeds. */
    public String getFeeds() {
        return feeds;
    }

    public void setFeeds(String feeds) {
        this.feeds = feeds;
    }

    private Set<String> feedSet() {
        if (feeds == null) {
            return Set.of();
        }
        return Arrays.stream(feeds.split(",")).map(String::trim).filter(f -> !f.isEmpty()).collect(Collectors.toSet());
    }
}
