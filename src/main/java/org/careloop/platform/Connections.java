package org.careloop.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured platform accounts and the health of each connection, recorded around every call
 * so that a broken connection (rejected credentials, platform down) is visible in the console and
 * the health check instead of failing silently.
 *
 * <p>Reads (the account's identity, each feed) are judged over polls: a read the platform refuses
 * (credentials, a 4xx) breaks the connection at once, since the next poll asks the same; one that
 * fails transiently (timeouts, 5xx) only once it has failed more than {@code failedPollsTolerated}
 * polls in a row, so a blip raises no alert. The broken read's own success heals it.
 */
public final class Connections {

    /** The read of the account's identity, judged like a feed's. */
    public static final String IDENTITY = "identity";
    /** Transient read failures in a row tolerated when none is configured. */
    public static final int DEFAULT_FAILED_POLLS_TOLERATED = 3;

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
    /** Per account: failed reads in a row, by feed. */
    private final Map<String, Map<String, Integer>> failedReads = new HashMap<>();
    /** Per account: the reads that broke the connection, by feed, with why. */
    private final Map<String, Map<String, String>> brokenReads = new HashMap<>();
    private final Clock clock;
    private final int failedPollsTolerated;
    private volatile java.util.function.Consumer<Status> onUnhealthy = s -> {};

    /**
     * @param failedPollsTolerated how many polls in a row a read may fail transiently before the
     *                             connection counts as unhealthy ({@code careloop.feeds.failed-polls-tolerated})
     */
    public Connections(Clock clock, int failedPollsTolerated) {
        if (failedPollsTolerated < 0) {
            throw new IllegalArgumentException("Setting careloop.feeds.failed-polls-tolerated must be 0 or more, not " + failedPollsTolerated);
        }
        this.clock = clock;
        this.failedPollsTolerated = failedPollsTolerated;
    }

    public Connections(Clock clock) {
        this(clock, DEFAULT_FAILED_POLLS_TOLERATED);
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
        clearRead(account, IDENTITY);
        statuses.put(account, withHealth(new Status(s.platform(), account, identity.id(), identity.handle(), true, null, clock.instant(),
                s.lastFetch())));
    }

    /** Every feed the poll asked for was read. */
    public synchronized void fetched(String account) {
        Status s = require(account);
        Instant now = clock.instant();
        statuses.put(account, withHealth(new Status(s.platform(), account, s.userId(), s.handle(), true, null, now, now)));
    }

    /** A call succeeded (publish, identify): the connection is healthy again, unless a read is still broken. */
    public synchronized void succeeded(String account) {
        Status s = require(account);
        statuses.put(account, withHealth(new Status(s.platform(), account, s.userId(), s.handle(), true, null, clock.instant(), s.lastFetch())));
    }

    /** One feed was read: a failure of that read is over, and when it had broken the connection, it heals. */
    public synchronized void read(String account, String feed) {
        Status s = require(account);
        boolean wasBroken = brokenReads.getOrDefault(account, Map.of()).containsKey(feed);
        clearRead(account, feed);
        if (wasBroken) {
            statuses.put(account, withHealth(new Status(s.platform(), account, s.userId(), s.handle(), true, null, clock.instant(),
                    s.lastFetch())));
        }
    }

    /**
     * A read failed. Refused (credentials, a 4xx), it breaks the connection at once; failing
     * transiently, once it has failed more than the polls tolerated in a row; rate-limited, never
     * (the feed waits for the reset). Recorded as the last error either way.
     */
    public void readFailed(String account, String feed, PlatformException e) {
        Status now;
        boolean turned;
        synchronized (this) {
            Status s = require(account);
            int inARow = failedReads.computeIfAbsent(account, a -> new HashMap<>()).merge(feed, 1, Integer::sum);
            String error = e.kind().name().toLowerCase() + ": " + e.getMessage();
            boolean broken = switch (e.kind()) {
                case AUTH, REJECTED, DUPLICATE -> true;
                case TRANSIENT -> inARow > failedPollsTolerated;
                case RATE_LIMITED -> false;
            };
            if (broken) {
                brokenReads.computeIfAbsent(account, a -> new LinkedHashMap<>()).put(feed, error);
            }
            boolean healthy = s.healthy() && brokenReads.getOrDefault(account, Map.of()).isEmpty();
            now = new Status(s.platform(), account, s.userId(), s.handle(), healthy, error, clock.instant(), s.lastFetch());
            statuses.put(account, now);
            turned = s.healthy() && !healthy;
        }
        if (turned) {
            onUnhealthy.accept(now);
        }
    }

    private void clearRead(String account, String feed) {
        failedReads.getOrDefault(account, new HashMap<>()).remove(feed);
        brokenReads.getOrDefault(account, new HashMap<>()).remove(feed);
    }

    /** The status as given, unhealthy with the broken read's error while one is. */
    private Status withHealth(Status s) {
        Map<String, String> broken = brokenReads.getOrDefault(s.account(), Map.of());
        if (broken.isEmpty()) {
            return s;
        }
        return new Status(s.platform(), s.account(), s.userId(), s.handle(), false, broken.values().iterator().next(), s.lastCheck(),
                s.lastFetch());
    }

    /**
     * A call other than a read failed (publish, hide). Rejected credentials make the connection
     * unhealthy; so do errors that are not the platform refusing one request.
     */
    public void failed(String account, PlatformException e) {
        Status now;
        boolean turned;
        synchronized (this) {
            Status s = require(account);
            boolean healthy = (e.kind() == PlatformException.Kind.REJECTED || e.kind() == PlatformException.Kind.DUPLICATE
                    || e.kind() == PlatformException.Kind.RATE_LIMITED) && brokenReads.getOrDefault(account, Map.of()).isEmpty();
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
