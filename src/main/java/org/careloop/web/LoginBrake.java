package org.careloop.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counts behind {@link Sessions}' brake on password guessing: failed logins per key (an address,
 * or an address and an account) in a window, and the keys that must wait. The database's brake counts
 * over every node; the in-memory one serves a single process.
 */
public interface LoginBrake {

    /** Failures counted in the window that began at {@code since}. */
    record Count(int failures, Instant since) {}

    /**
     * Counts one failure of {@code key} in its window of this {@code kind}: the window goes on while it
     * began no more than {@code length} before {@code now}, else a new one begins now.
     */
    Count failed(String key, String kind, Duration length, Instant now);

    /** Forgets the failures of {@code key} in its window of this {@code kind}. */
    void forget(String key, String kind);

    /** Makes {@code key} wait until {@code until}, or longer when it already must. */
    void lock(String key, Instant until);

    /** Until when {@code key} must wait, if it must. */
    Optional<Instant> lockedUntil(String key);

    /** Drops the windows of this {@code kind} that began before {@code before}, and the locks that ended by {@code now}. */
    void sweep(String kind, Instant before, Instant now);

    /** In this process's memory only: one node. */
    static LoginBrake inMemory() {
        Map<String, Count> counts = new ConcurrentHashMap<>();
        Map<String, Instant> locks = new ConcurrentHashMap<>();
        return new LoginBrake() {
            public Count failed(String key, String kind, Duration length, Instant now) {
                return counts.compute(kind + "|" + key, (k, old) -> old == null || old.since().plus(length).isBefore(now)
                        ? new Count(1, now) : new Count(old.failures() + 1, old.since()));
            }

            public void forget(String key, String kind) {
                counts.remove(kind + "|" + key);
            }

            public void lock(String key, Instant until) {
                locks.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
            }

            public Optional<Instant> lockedUntil(String key) {
                return Optional.ofNullable(locks.get(key));
            }

            public void sweep(String kind, Instant before, Instant now) {
                counts.entrySet().removeIf(e -> e.getKey().startsWith(kind + "|") && e.getValue().since().isBefore(before));
                locks.values().removeIf(until -> !until.isAfter(now));
            }
        };
    }
}
