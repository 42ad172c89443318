package org.careloop.care;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Clusters of pending replies about the same thing, kept in the database: which cluster each draft
 * belongs to, and what a newcomer is compared with. A cluster is open while at least two of its
 * drafts wait in the queue (pending, not snoozed).
 */
public interface Clusters {

    /**
     * A cluster a new post may join: its seed post, read with the seed's language.
     *
     * @param seedText the text of the post the cluster started with
     */
    record Candidate(long id, String lang, String seedText) {}

    /**
     * A cluster as the queue shows it, counted over its drafts waiting now.
     *
     * @param size      pending drafts not snoozed
     * @param firstAt   the earliest of their posts
     * @param lastAt    the latest of their posts
     * @param platforms the platforms of their posts, sorted
     * @param incidentId the incident it became, or null
     */
    record Summary(long id, String careAction, int size, Instant firstAt, Instant lastAt, List<String> platforms, Long incidentId) {}

    /**
     * The clusters of one care action a post made at {@code postedAt} may join: their posts are within
     * {@code window} of it. The most recently joined first, at most {@code limit}.
     */
    List<Candidate> candidates(String careAction, Instant postedAt, java.time.Duration window, int limit);

    /** Starts a cluster with one draft (its seed) and returns the cluster's id. */
    long start(Draft seed, String careAction, String lang);

    /** Puts a draft in a cluster, widening the cluster's time span to its post. */
    void join(long clusterId, Draft draft);

    /** Open clusters (two or more drafts waiting), the largest first, at most {@code limit}. */
    List<Summary> open(Instant now, int limit);

    /** One cluster, counted as {@link #open} counts (size 0 once nothing of it waits). */
    Optional<Summary> find(long id, Instant now);

    /** The cluster's drafts waiting now (pending, not snoozed), the earliest post first, at most {@code limit}. */
    List<Draft> waiting(long id, Instant now, int limit);

    /** How many of the cluster's posts wait on one account: what answering them all costs there. */
    record Waiting(String platform, String account, int posts) {}

    /** The cluster's waiting posts counted per account they came to. */
    List<Waiting> waitingPerAccount(long id, Instant now);
}
