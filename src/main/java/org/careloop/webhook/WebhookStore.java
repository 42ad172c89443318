package org.careloop.webhook;

import java.time.Instant;
import java.util.List;

/** Webhook deliveries until the receiver took them or every attempt failed: none lost at shutdown. */
public interface WebhookStore {

    /** One event for one hook, with the exact body sent on every attempt. */
    record Delivery(String id, String hook, String event, String body, Instant createdAt, int attempts) {}

    /** Saves a new delivery, held by this node until {@code claimedUntil} (it attempts it at once). */
    void save(Delivery delivery, Instant claimedUntil);

    /**
     * An attempt failed: counted, with why; {@code gaveUp} when it was the last, else held until
     * {@code claimedUntil} (past the next attempt) by the node that will retry it.
     */
    void failed(String id, String error, boolean gaveUp, Instant at, Instant claimedUntil);

    void delivered(String id, Instant at);

    /** The hook's deliveries neither delivered nor given up, oldest first. */
    List<Delivery> pending(String hook);

    /**
     * Takes the hook's pending deliveries that no node holds (its sender stopped), each held until
     * {@code until} by the caller: of several nodes asking at once, one gets each.
     */
    List<Delivery> claimAbandoned(String hook, Instant now, Instant until);
}
