package org.careloop.tickets;

import java.time.Instant;
import java.util.Locale;
import org.careloop.platform.Author;
import org.careloop.platform.Platform;

/**
 * One problem many customers report at once (the app down, a flight cancelled), declared from a cluster
 * of their posts: the cluster's tickets join it, later posts about it join it instead of each opening a
 * ticket, the team keeps one conversation about it, and resolving it closes every post's loop in public.
 *
 * @param tickets how many tickets joined it
 * @param posts   how many posts it holds
 */
public record Incident(long id, long clusterId, String label, String careAction, Status status, Instant openedAt, String openedBy,
                       Instant resolvedAt, String resolvedBy, int tickets, int posts) {

    public enum Status {
        OPEN, RESOLVED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How public replies name it ("INC-7"): letters first, so it is never mistaken for a ticket's "#1042"
     * and no hash, which X would turn into a hashtag.
     */
    public String reference() {
        return "INC-" + id;
    }

    /**
     * A post of the incident.
     *
     * @param ticketId      the post's own ticket, or null when it joined the incident instead of opening one
     * @param closingStatus the status of its closing message's draft (pending, approved, published...), or null before the resolve
     */
    public record Post(Platform platform, String postId, Author author, String text, String permalink, Instant postedAt, Long ticketId,
                       Instant joinedAt, Long closingDraftId, String closingStatus) {}

    /** An entry of the team's conversation about the incident. */
    public record Note(long id, Instant at, String author, String body) {}
}
