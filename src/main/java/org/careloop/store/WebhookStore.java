package org.careloop.store;

import java.time.Instant;
import java.util.List;

/** Webhook deliveries until the receiver took them or every attempt failed: none lost at shutdown. */
public interface WebhookStore {

    /** One event for one hook, with the exact body sent on every attempt. */
    record Delivery(String id, String hook, String event, String body, Instant createdAt, int attempts) {}

    void save(Delivery delivery);

    /** An attempt failed: counted, with why; {@code gaveUp} when it was the last. */
    void failed(String id, String error, boolean gaveUp, Instant at);

    void delivered(String id, Instant at);

    /** The hook's deliveries neither delivered nor given up, oldest first. */
    List<Delivery> pending(String hook);
}
