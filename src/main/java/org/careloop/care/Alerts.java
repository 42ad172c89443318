package org.careloop.care;

import java.time.Instant;
import java.util.List;

/** The console's alert bar: SLA warnings and breaches, escalations, until someone acknowledges them. */
public interface Alerts {

    /**
     * @param draftId the draft it is about, or null
     * @param count   how many replies (or posts, or events) it stands for: 1, or N for one alert about N drafts
     */
    record Alert(long id, Instant at, String kind, Long draftId, String message, String acknowledgedBy, Instant acknowledgedAt,
                 int count) {}

    /** Raises an alert about one thing (a draft, a post, an account). */
    default Alert raise(String kind, Long draftId, String message) {
        return raise(kind, draftId, message, 1);
    }

    /** Raises one alert standing for {@code count} of its kind (the deadlines that passed while CareLoop was stopped). */
    Alert raise(String kind, Long draftId, String message, int count);

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

    /** The latest alerts of one kind, acknowledged or not, newest first: the detail behind a summed line. */
    List<Alert> latestOfKind(String kind, int limit);

    /**
     * The open alerts of one kind taken together.
     *
     * @param alerts how many open alerts
     * @param count  how many replies (or posts, or events) they stand for
     * @param since  when the oldest of them was raised
     * @param latest when the newest was raised
     */
    record Tally(String kind, int alerts, int count, Instant since, Instant latest) {}

    /** One tally per kind with open alerts, the kind with the newest alert first. */
    List<Tally> openTallies();
}
