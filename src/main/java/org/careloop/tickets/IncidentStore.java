package org.careloop.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.careloop.platform.Platform;

/** Incidents, their posts and tickets, and the team's notes; each change audit-logged with it. */
public interface IncidentStore {

    /**
     * Makes the cluster an incident: its posts (those not rejected) and their open tickets join it.
     *
     * @return the new incident, or empty when the cluster was made one before
     */
    Optional<Incident> open(long clusterId, String label, String careAction, String actor, Instant at);

    Optional<Incident> find(long id);

    /** The incident the cluster became, open or resolved. */
    Optional<Incident> forCluster(long clusterId);

    /** Whether any incident is open: while none is, a new post need not be compared with any. */
    boolean anyOpen();

    /** Open incidents first (the latest opened first), then the latest resolved, at most {@code limit}. */
    List<Incident> list(int limit);

    /** A post joins an open incident, with its own ticket (or null); false when it is in one already or the incident is not open. */
    boolean addPost(long incidentId, Platform platform, String postId, Long ticketId, Instant at);

    /** The incident's posts, the earliest joined first. */
    List<Incident.Post> posts(long incidentId, int limit);

    /** The tickets that joined it, the earliest first. */
    List<Long> ticketIds(long incidentId);

    /** Resolves an open incident; false when it was not open (resolved before, or by someone else at the same time). */
    boolean resolve(long id, String actor, Instant at);

    /** Claims the post's closing message for this resolve, once: false when it was claimed before. */
    boolean claimClosing(long incidentId, Platform platform, String postId, Instant at);

    /** Records the closing message drafted for the post. */
    void closingDrafted(long incidentId, Platform platform, String postId, long draftId);

    /**
     * Takes over a closing message claimed by a resolve that was cut short before drafting it: claimed before
     * {@code staleBefore} and still without a draft. True for one caller only.
     */
    boolean reclaimClosing(long incidentId, Platform platform, String postId, Instant staleBefore, Instant at);

    /** The resolve's work is done: its tickets resolved and its closing messages queued. */
    void loopsClosed(long id, Instant at);

    /** Resolved incidents whose work was cut short (a crash mid-resolve), resolved before {@code before}; the oldest first. */
    List<Long> unfinished(Instant before, int limit);

    long addNote(long incidentId, String author, String body, Instant at);

    /** The team's conversation, oldest first. */
    List<Incident.Note> notes(long incidentId);
}
