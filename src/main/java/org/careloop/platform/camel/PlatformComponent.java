package org.careloop.platform.camel;

import java.time.Clock;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.careloop.metrics.CareMetrics;
import org.careloop.platform.Connections;

/**
 * The {@code platform:<account>} component: polls one connected account's feeds and emits each
 * new post as a {@link org.careloop.platform.Mention}. Every platform plugs in through
 * {@link org.careloop.platform.PlatformAdapter}, so the routes never change per platform.
 */
public final class PlatformComponent extends DefaultComponent {

    private final Connections connections;
    private final CursorStore cursors;

    private final Clock clock;
    private volatile CareMetrics metrics = CareMetrics.NONE;

    public PlatformComponent(Connections connections, CursorStore cursors) {
        this(connections, cursors, Clock.systemUTC());
    }

    /** Counts the posts each poll reads. */
    public PlatformComponent withMetrics(CareMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    /** @param clock tells when a rate-limited account may be polled again */
    PlatformComponent(Connections connections, CursorStore cursors, Clock clock) {
        this.connections = connections;
        this.cursors = cursors;
        this.clock = clock;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (connections.adapter(remaining).isEmpty()) {
            throw new IllegalArgumentException("No connected account named '" + remaining + "' (configured accounts: "
                    + connections.adapters().stream().map(a -> a.account()).toList() + ")");
        }
        PlatformEndpoint endpoint = new PlatformEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    Connections connections() {
        return connections;
    }

    CursorStore cursors() {
        return cursors;
    }

    Clock clock() {
        return clock;
    }

    CareMetrics metrics() {
        return metrics;
    }
}
