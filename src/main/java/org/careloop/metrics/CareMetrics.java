package org.careloop.metrics;

import java.time.Instant;

/**
 * What CareLoop counts for operators, as the domain sees it: plain calls, no metrics library. The
 * Micrometer implementation ({@link MicrometerCareMetrics}) turns them into Prometheus meters; the
 * beans default to {@link #NONE}, so a test or a tool that builds them alone counts nothing.
 */
public interface CareMetrics {

    /** Counts nothing. */
    CareMetrics NONE = new CareMetrics() {};

    /** A poll read {@code posts} posts from one feed of an account (a post read again by an overlapping read counts again). */
    default void postsRead(String platform, String account, int posts) {}

    /** A post went through triage (analysed and decided), reply or not. */
    default void postTriaged(String platform, String account) {}

    /** The pipeline drafted a reply; {@code action} is the rule's care action (reply, ticket, escalate...). */
    default void draftCreated(String platform, String action) {}

    /** The platform was called to publish a reply. */
    default void publishAttempted(String platform, String account) {}

    /** A publish attempt failed; {@code kind} says how (transient, auth, rejected, rate_limited, duplicate, unexpected). */
    default void publishFailed(String platform, String account, String kind) {}

    /** A reply was published (or an earlier attempt was found published) at {@code at}. */
    default void replyPublished(String platform, String account, long draftId, Instant at) {}

    /** A draft's SLA warning fired (once per draft). */
    default void slaWarning(String platform, String account) {}

    /** A draft's SLA deadline passed without a public reply (once per draft). */
    default void slaBreach(String platform, String account) {}
}
