package org.careloop.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Failures injected through {@code POST /sim/faults}, each for the next N calls of one endpoint:
 * answer an error status (a 429 carries X's rate-limit headers with a reset in the near future),
 * or carry the call out and hold the answer longer than the client waits, the case where the
 * platform accepted a post but the client never heard so.
 */
final class Faults {

    enum Kind {
        /** Answer {@code status} without carrying the call out. */
        STATUS,
        /** Carry the call out (a post is created), then hold the answer for {@code delayMs}. */
        ACCEPT_THEN_TIMEOUT;

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param endpoint       e.g. {@code POST /2/tweets}
     * @param kind           what happens
     * @param status         the HTTP status answered ({@link Kind#STATUS})
     * @param times          how many calls, from the next one
     * @param delayMs        how long the answer is held ({@link Kind#ACCEPT_THEN_TIMEOUT})
     * @param resetInSeconds a 429's {@code x-rate-limit-reset}: this many seconds after the call
     * @param code           a Graph API error code for the error object (190, 4, 32, 613...), 0 for one chosen from the status
     */
    record Fault(String endpoint, Kind kind, int status, int times, long delayMs, long resetInSeconds, int code) {

        static Fault status(String endpoint, int status, int times) {
            return new Fault(endpoint, Kind.STATUS, status, times, 0, DEFAULT_RESET_SECONDS, 0);
        }

        Fault once() {
            return new Fault(endpoint, kind, status, 1, delayMs, resetInSeconds, code);
        }

        Fault less() {
            return new Fault(endpoint, kind, status, times - 1, delayMs, resetInSeconds, code);
        }
    }

    static final long DEFAULT_RESET_SECONDS = 60;
    static final long DEFAULT_DELAY_MS = 60_000;

    private final List<Fault> pending = new ArrayList<>();

    /**
     * A fault from its JSON description, e.g. {@code {"endpoint": "POST /2/tweets", "status": 503, "times": 2}}, or
     * for the Graph API {@code {"endpoint": "GET /:page-id/feed", "status": 400, "code": 613}}.
     */
    static Fault parse(JsonNode body) {
        String endpoint = body.path("endpoint").asText("");
        String kind = body.path("kind").asText("status");
        int times = body.path("times").asInt(1);
        long resetIn = body.path("resetInSeconds").asLong(DEFAULT_RESET_SECONDS);
        return switch (kind) {
            case "status" -> new Fault(endpoint, Kind.STATUS, body.path("status").asInt(), times, 0, resetIn, body.path("code").asInt(0));
            case "accept-then-timeout" -> new Fault(endpoint, Kind.ACCEPT_THEN_TIMEOUT, 0, times,
                    body.path("delayMs").asLong(DEFAULT_DELAY_MS), resetIn, 0);
            default -> throw new IllegalArgumentException("Unknown fault kind '" + kind + "': use status or accept-then-timeout");
        };
    }

    synchronized void add(Fault fault) {
        if (fault.endpoint().isBlank() || fault.times() < 1) {
            throw new IllegalArgumentException("A fault needs an endpoint (e.g. \"POST /2/tweets\") and times >= 1");
        }
        if (fault.kind() == Kind.STATUS && (fault.status() < 400 || fault.status() > 599)) {
            throw new IllegalArgumentException("A status fault needs a status from 400 to 599");
        }
        if (fault.kind() == Kind.ACCEPT_THEN_TIMEOUT && fault.delayMs() < 1) {
            throw new IllegalArgumentException("An accept-then-timeout fault needs delayMs >= 1");
        }
        if (fault.resetInSeconds() < 0) {
            throw new IllegalArgumentException("resetInSeconds must not be negative");
        }
        pending.add(fault);
    }

    /** The fault for this call of the endpoint, if one is pending; it then counts one call less. */
    synchronized Optional<Fault> take(String endpoint) {
        Iterator<Fault> it = pending.iterator();
        while (it.hasNext()) {
            Fault f = it.next();
            if (f.endpoint().equals(endpoint)) {
                it.remove();
                if (f.times() > 1) {
                    pending.add(0, f.less());
                }
                return Optional.of(f.once());
            }
        }
        return Optional.empty();
    }

    /**
     * The fault for this call as an API applies it: an accept-then-timeout holds the answer and lets
     * the call go on (empty); a status fault is returned for the API to answer in its own error shape.
     */
    Optional<Fault> statusFor(String endpoint, SimHttp http) {
        Optional<Fault> fault = take(endpoint);
        if (fault.isPresent() && fault.get().kind() == Kind.ACCEPT_THEN_TIMEOUT) {
            // The call is carried out; only its answer comes too late for the client.
            http.holdResponse(fault.get().delayMs());
            return Optional.empty();
        }
        return fault;
    }

    /** The faults still waiting, in order. */
    synchronized List<Fault> pending() {
        return List.copyOf(pending);
    }

    synchronized void clear() {
        pending.clear();
    }
}
