package org.careloop.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.careloop.analysis.Analysis;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;

/**
 * Tickets and their conversations. Kept behind this interface so an external help desk can stand
 * in later (the ticket events already go out as webhooks).
 */
public interface TicketStore {

    /** Opens a ticket for a post; the tokens are made by the caller. */
    Ticket open(Mention origin, String token, String ratingToken, String subject, String priority, Analysis analysis, Instant at);

    Optional<Ticket> find(long id);

    Optional<Ticket> findByToken(String token);

    Optional<Ticket> findByRatingToken(String token);

    Optional<Ticket> findByPageToken(String token);

    /** Gives the ticket its private page, once: false when its link was opened before. */
    boolean openPage(long ticketId, String pageToken, Instant at);

    /** A new link for the ticket, and no private page until it is opened: for a customer whose link someone else opened first. */
    void newLink(long ticketId, String token, Instant at);

    /** The author's latest open (or waiting) ticket on the account, if any: a repeat post joins it. */
    Optional<Ticket> openFor(Platform platform, String account, String authorId);

    /** The latest resolved ticket of this author in this thread, if any: a new post there reopens it. */
    /** The author's open (or waiting) ticket of one conversation, the latest first. */
    Optional<Ticket> openIn(Platform platform, String conversationId, String authorId);

    Optional<Ticket> resolvedIn(Platform platform, String conversationId, String authorId);

    /** Tickets in these statuses (empty: all), the most recently updated first. */
    List<Ticket> list(Set<Ticket.Status> statuses, int limit);

    /** Whether the platform post is in the ticket's conversation already. */
    boolean holdsPost(long ticketId, String postId);

    /** Adds a message and moves the ticket to {@code status} (null: unchanged); returns the message id. */
    long addMessage(long ticketId, Ticket.Kind kind, String author, String body, String postId, Ticket.Status status, Instant at);

    List<Ticket.Message> messages(long ticketId);

    long addAttachment(long ticketId, long messageId, String filename, String contentType, byte[] content, Instant at);

    List<Ticket.Attachment> attachments(long ticketId);

    /** The file's bytes, when it belongs to that ticket. */
    Optional<byte[]> attachmentContent(long ticketId, long attachmentId);

    /** Resolves an open ticket; false when it was not open. */
    boolean resolve(long ticketId, String actor, Instant at);

    /** Closes a resolved ticket (nothing more to do, e.g. once rated); false when it was not resolved. */
    boolean close(long ticketId, String actor, Instant at);

    void assign(long ticketId, String assignee, Instant at);

    /** Stores the customer's rating (1 to 5) and comment; a second one replaces the first only when {@code replace}. */
    boolean rate(long ticketId, int rating, String comment, boolean replace, Instant at);

    /** A customer's rating, with who resolved the ticket and the rule and template of the reply that opened it. */
    record Rating(long ticketId, int rating, String agent, Instant ratedAt, String ruleId, String templateId) {}

    /** A ticket's life for the reports: when it opened, when it was resolved (or null), and its status now. */
    record Life(long ticketId, Instant openedAt, Instant resolvedAt, Ticket.Status status) {}

    /** Tickets opened since then. */
    List<Life> opened(Instant since);

    /** Closing messages published since then (created since then, to be exact). */
    int closingMessagesPublished(Instant since);

    /** Ratings given since then, oldest first. */
    List<Rating> ratings(Instant since);


}
