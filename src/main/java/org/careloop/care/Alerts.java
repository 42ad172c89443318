package org.careloop.care;

import java.time.Instant;
import java.util.List;

/** The console's alert bar: SLA warnings and breaches, escalations, until someone acknowledges them. */
public interface Alerts {

    /** @param draftId the draft it is about, or null */
    record Alert(long id, Instant at, String kind, Long draftId, String message, String acknowledgedBy, Instant acknowledgedAt) {}

    Alert raise(String kind, Long draftId, String message);

    /** Alerts nobody has acknowledged yet, newest first. */
    List<Alert> open(int limit);

    /** Open alerts of one kind, newest first. */
    List<Alert> openOfKind(String kind, int limit);

    /** The latest alerts, acknowledged or not, newest first. */
    List<Alert> latest(int limit);

    /** False when the alert was acknowledged before (or there is no such alert). */
    boolean acknowledge(long id, String actor);

    /** How many alerts of each kind nobody has acknowledged: a surge's thousand breaches are one line. */
    java.util.Map<String, Integer> openByKind();

    /** Acknowledges every open alert of one kind; returns how many. */
    int acknowledgeKind(String kind, String actor);
}
