package org.careloop.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured platform accounts and the health of each connection, recorded around every call
 * so that a broken connection (rejected credentials, platform down) is visible in the console and
 * the health check instead of failing silently.
 */
public final class Connections {

    /**
     * The state of one account's connection.
     *
     * @param platform   the platform
     * @param account    the configured account name
     * @param userId     the platform's id of the account, once known
     * @param handle     the account's handle, once known
     * @param healthy    false after an authentication failure or repeated errors
     * @param lastError  the last error, in words, or null
     * @param lastCheck  when the connection was last used or checked
     * @param lastFetch  when the last successful fetch finished
     */
    public record Status(Platform platform, String account, String userId, String handle,
                         boolean healthy, String lastError, Instant lastCheck, Instant lastFetch) {}

    private final Map<String, PlatformAdapter> adapters = new LinkedHashMap<>();
    private final Map<String, Status> statuses = new LinkedHashMap<>();
    private final Clock clock;
    private volatile java.util.function.Consumer<Status> onUnhealthy = s -> {};

    public Connections(Clock clock) {
        this.clock = clock;
    }

    public Connections() {
        this(Clock.systemUTC());
    }

    /** Called once each time a healthy connection turns unhealthy (an alert for the team), outside the lock. */
    public void onUnhealthy(java.util.function.Consumer<Status> listener) {
        this.onUnhealthy = listener;
    }

    public synchronized void register(PlatformAdapter adapter) {
        if (adapters.containsKey(adapter.account())) {
            throw new IllegalArgumentException("Two connected accounts are named '" + adapter.account() + "'");
        }
        adapters.put(adapter.account(), adapter);
        statuses.put(adapter.account(), new Status(adapter.platform(), adapter.account(), null, null, true, null, null, null));
    }

    public synchronized Optional<PlatformAdapter> adapter(String account) {
        return Optional.ofNullable(adapters.get(account));
    }

    public synchronized Collection<PlatformAdapter> adapters() {
        return List.copyOf(adapters.values());
    }

    public synchronized List<Status> statuses() {
        return new ArrayList<>(statuses.values());
    }

    public synchronized Optional<Status> status(String account) {
        return Optional.ofNullable(statuses.get(account));
    }

    /** The credentials were accepted: remember who they belong to. */
    public synchronized void identified(String account, PlatformAdapter.Identity identity) {
        Status s = require(account);
        statuses.put(account, new Status(s.platform(), account, identity.id(), identity.handle(), true, null, clock.instant(), s.lastFetch()));
    }

    public synchronized void fetched(String account) {
        Status s = require(account);
        Instant now = clock.instant();
        statuses.put(account, new Status(s.platform(), account, s.userId(), s.handle(), true, null, now, now));
    }

    /** A call succeeded (publish, identify): the connection is healthy again. */
    public synchronized void succeeded(String account) {
        Status s = require(account);
        statuses.put(account, new Status(s.platform(), account, s.userId(), s.handle(), true, null, clock.instant(), s.lastFetch()));
    }

    /**
     * A call failed. Rejected credentials make the connection unhealthy; so do errors that are not
     * the platform refusing one request.
     */
    public void failed(String account, PlatformException e) {
        Status now;
        boolean turned;
        synchronized (this) {
            Status s = require(account);
            boolean healthy = e.kind() == PlatformException.Kind.REJECTED || e.kind() == PlatformException.Kind.DUPLICATE
                    || e.kind() == PlatformException.Kind.RATE_LIMITED;
            now = new Status(s.platform(), account, s.userId(), s.handle(), healthy,
                    e.kind().name().toLowerCase() + ": " + e.getMessage(), clock.instant(), s.lastFetch());
            statuses.put(account, now);
            turned = s.healthy() && !healthy;
        }
        if (turned) {
            onUnhealthy.accept(now);
        }
    }

    private Status require(String account) {
        Status s = statuses.get(account);
        if (s == null) {
            throw new IllegalArgumentException("Unknown account: " + account);
        }
        return s;
    }
}
