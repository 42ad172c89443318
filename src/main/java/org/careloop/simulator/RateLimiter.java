package org.careloop.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** X-style rate limits: a number of requests per endpoint and caller in 15-minute windows. */
final class RateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(15);

    /** What a request used, for the {@code x-rate-limit-*} headers. */
    record Usage(int limit, int remaining, long resetEpochSeconds, boolean exceeded) {}

    private record Window(long start, int used) {}

    private final Clock clock;
    private final Map<String, Integer> limits = new HashMap<>();
    private final Map<String, Window> windows = new HashMap<>();

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Limits per endpoint; generous for the demo, close to X's for the documented endpoints. */
    static int defaultLimit(String endpoint) {
        return switch (endpoint) {
            case "GET /2/users/me" -> 75;
            case "POST /2/tweets" -> 200;
            default -> 450;
        };
    }

    synchronized void setLimit(String endpoint, int limit) {
        limits.put(endpoint, limit);
        windows.keySet().removeIf(k -> k.startsWith(endpoint + "|"));
    }

    synchronized void reset() {
        limits.clear();
        windows.clear();
    }

    synchronized Usage use(String endpoint, String caller) {
        int limit = limits.getOrDefault(endpoint, defaultLimit(endpoint));
        long now = clock.millis();
        String key = endpoint + "|" + caller;
        Window w = windows.get(key);
        if (w == null || now - w.start() >= WINDOW.toMillis()) {
            w = new Window(now, 0);
        }
        long reset = (w.start() + WINDOW.toMillis()) / 1000;
        if (w.used() >= limit) {
            windows.put(key, w);
            return new Usage(limit, 0, reset, true);
        }
        w = new Window(w.start(), w.used() + 1);
        windows.put(key, w);
        return new Usage(limit, limit - w.used(), reset, false);
    }
}
