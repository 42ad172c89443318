package org.careloop.tickets;

import java.time.Instant;
import java.util.Locale;
import org.careloop.platform.Author;
import org.careloop.platform.Platform;

/**
 * A case that needs troubleshooting or private details: opened from a public post, continued on
 * the customer's private ticket page, closed with a public thank-you in the original thread.
 *
 * @param token          the secret of the link in the public reply (at least 128 random bits): whoever opens it first gets the private page
 * @param pageToken      the secret of the customer's private page, made when the link was first opened (null before)
 * @param pageOpenedAt   when the link was first opened
 * @param ratingToken    the rating link's secret: it can only rate, so it may travel in a public post
 * @param mentionId      the post that opened it
 * @param subject        a one-line summary safe to say in public ("your bag")
 * @param resolvedBy     the agent who resolved it, credited with its rating
 */
public record Ticket(long id, String token, String pageToken, Instant pageOpenedAt, String ratingToken, Status status, Platform platform, String account, String mentionId,
                     String conversationId, Author author, String subject, String priority, String assignee, Instant createdAt,
                     Instant updatedAt, Instant resolvedAt, String resolvedBy, Integer rating, String ratingComment, Instant ratedAt) {

    public enum Status {
        OPEN, WAITING, RESOLVED, CLOSED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean isOpen() {
            return this == OPEN || this == WAITING;
        }
    }

    /** A short reference for public replies that carry no link ("#1042"). */
    public String reference() {
        return "#" + id;
    }

    /** One entry of the ticket's conversation. */
    public record Message(long id, long ticketId, Instant at, Kind kind, String author, String body, String postId) {}

    /** Who said it and who may see it: the customer sees everything but notes. */
    public enum Kind {
        /** A public post on the platform that joined the ticket. */
        PUBLIC_POST,
        /** The customer, on the ticket page. */
        CUSTOMER,
        /** An agent's answer to the customer (on the ticket page, never in public). */
        AGENT,
        /** An internal note: agents only. */
        NOTE,
        /** Something that happened: opened, resolved, reopened, rated. */
        EVENT;

        public boolean customerSees() {
            return this != NOTE;
        }
    }

    /** A file the customer attached to a message. */
    public record Attachment(long id, long ticketId, long messageId, String filename, String contentType, int size, Instant createdAt) {}
}
