package org.careloop.web;

import java.time.Instant;
import java.util.List;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.careloop.pipeline.MentionStore;
import org.careloop.tickets.ReplyStyle;
import org.careloop.tickets.Ticket;
import org.careloop.tickets.TicketDesk;

/** The agents' side of tickets: the list, one ticket with its conversation, answers, notes, assignment, resolving. */
public final class TicketsApi {

    private final TicketDesk desk;
    private final MentionStore mentions;
    private final UserStore users;
    private final List<ReplyStyle> styles;

    /** @param styles each account's ticket reply style and its API cost, for the console's settings */
    public TicketsApi(TicketDesk desk, MentionStore mentions, UserStore users, List<ReplyStyle> styles) {
        this.desk = desk;
        this.mentions = mentions;
        this.users = users;
        this.styles = List.copyOf(styles);
    }

    /** An account's ticket reply style ({@code link} or {@code link-free}) and what one reply, and 100, cost in US dollars. */
    public record AccountReplyStyle(String platform, String account, String style, double costPerReply, double costWithLink,
                                    double costWithoutLink, double per100WithLink, double per100WithoutLink) {}

    /** The reply style per account and what 100 ticket replies cost in each style. */
    public ApiResponse replyStyles() {
        return ApiResponse.ok(styles.stream().map(s -> new AccountReplyStyle(s.platform(), s.account(), s.linkFree() ? "link-free" : "link",
                s.costPerReply(), s.costWithLink(), s.costWithoutLink(), Math.round(s.costWithLink() * 100 * 100) / 100.0,
                Math.round(s.costWithoutLink() * 100 * 100) / 100.0)).toList());
    }

    /** A ticket as agents see it. */
    public record TicketView(long id, String reference, String status, String platform, String account, String postId, String permalink,
                             DraftView.AuthorView author, String subject, String priority, String assignee, Instant createdAt,
                             Instant updatedAt, Instant resolvedAt, String resolvedBy, Integer rating, String ratingComment,
                             String customerPage, Instant pageOpenedAt) {}

    TicketView view(Ticket t) {
        String permalink = mentions.find(t.platform(), t.mentionId()).map(m -> m.permalink()).orElse(null);
        return new TicketView(t.id(), t.reference(), t.status().id(), t.platform().id(), t.account(), t.mentionId(), permalink,
                new DraftView.AuthorView(t.author().id(), t.author().handle(), t.author().name()), t.subject(), t.priority(),
                t.assignee(), t.createdAt(), t.updatedAt(), t.resolvedAt(), t.resolvedBy(), t.rating(), t.ratingComment(), desk.pageUrl(t), t.pageOpenedAt());
    }

    /** The ticket as agents see it, if there is one. */
    Optional<TicketView> view(long ticketId) {
        return desk.store().find(ticketId).map(this::view);
    }

    public ApiResponse list(String status, String limit) {
        var max = Param.number(limit, 200, 1, DraftsApi.MAX_LIST);
        if (max.isEmpty()) {
            return Param.outOfRange("limit", 1, DraftsApi.MAX_LIST);
        }
        Set<Ticket.Status> wanted;
        if (status == null || status.isBlank() || status.equalsIgnoreCase("active")) {
            // The team's worklist: tickets still open, whether the next move is ours or the customer's.
            wanted = EnumSet.of(Ticket.Status.OPEN, Ticket.Status.WAITING);
        } else if (status.equalsIgnoreCase("all")) {
            wanted = EnumSet.noneOf(Ticket.Status.class);
        } else {
            try {
                wanted = EnumSet.of(Ticket.Status.valueOf(status.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return ApiResponse.error(400, "Unknown status '" + status + "': use active (open and waiting, the default), open, waiting, resolved, closed or all");
            }
        }
        return ApiResponse.ok(desk.list(wanted, max.getAsInt()).stream().map(this::view).toList());
    }

    /** A ticket with its conversation (the customer's, the agents' and their notes), the customer's files and the public thread. */
    public record TicketDetail(TicketView ticket, List<TicketMessage> messages, List<Ticket.Attachment> attachments,
                               List<DraftView.MentionView> thread) {}

    /**
     * An entry of the ticket's conversation, as {@link Ticket.Message} has it; a record of its own so that the API's document
     * names it apart from the request {@link Message} (its schemas are named by simple class name).
     */
    public record TicketMessage(long id, long ticketId, Instant at, Ticket.Kind kind, String author, String body, String postId) {

        static TicketMessage of(Ticket.Message m) {
            return new TicketMessage(m.id(), m.ticketId(), m.at(), m.kind(), m.author(), m.body(), m.postId());
        }
    }

    public ApiResponse get(String id) {
        return find(id).map(t -> ApiResponse.ok(new TicketDetail(view(t), desk.store().messages(t.id()).stream().map(TicketMessage::of).toList(),
                desk.store().attachments(t.id()), t.conversationId() == null ? List.of()
                        : mentions.thread(t.platform(), t.conversationId()).stream().map(DraftView::mention).toList())))
                .orElseGet(() -> ApiResponse.error(404, "No ticket " + id));
    }

    /** {@code {"body": "...", "note": false}}: a message on a ticket; {@code note} only when true. */
    @JsonBody.Example(MESSAGE_EXAMPLE)
    public record Message(String body, Boolean note) {}

    private static final String MESSAGE_EXAMPLE = "{\"body\": \"...\", \"note\": false}";

    /**
     * {@code {"body": "...", "note": false}}: an answer the customer reads on their page, or an
     * internal note. Only a JSON {@code true} makes a note, so a slip ({@code "note": "yes"}) is
     * refused rather than shown to the customer.
     */
    public ApiResponse message(String id, String actor, Message body) {
        Optional<Ticket> t = find(id);
        if (t.isEmpty()) {
            return ApiResponse.error(404, "No ticket " + id);
        }
        String text = body == null ? null : body.body();
        Boolean note = body == null ? null : body.note();
        if (text == null || text.isBlank()) {
            return ApiResponse.error(400, "\"body\" is required: the message, e.g. " + MESSAGE_EXAMPLE);
        }
        String message = text.strip();
        Optional<ApiResponse> tooLong = Param.tooLong("body", message, Param.MESSAGE);
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        desk.fromAgent(t.get().id(), actor, message, Boolean.TRUE.equals(note));
        return get(id);
    }

    /** A resolved ticket and the public closing message drafted for it. */
    public record TicketResolution(TicketView ticket, DraftView closingDraft) {}

    /** Resolves the ticket and drafts the public closing message (shown in the queue, or published by unattended mode). */
    public ApiResponse resolve(String id, String actor) {
        Optional<Ticket> t = find(id);
        if (t.isEmpty()) {
            return ApiResponse.error(404, "No ticket " + id);
        }
        return desk.resolve(t.get().id(), actor)
                .map(closing -> ApiResponse.ok(new TicketResolution(view(desk.store().find(t.get().id()).orElseThrow()),
                        DraftView.of(closing, Instant.now()))))
                .orElseGet(() -> ApiResponse.error(409, "Ticket " + id + " is " + t.get().status().id() + ", not open"));
    }

    /** A new link to send the customer privately (a direct message) when someone else opened the first one. */
    public ApiResponse newLink(String id, String actor) {
        Optional<Ticket> t = find(id);
        if (t.isEmpty()) {
            return ApiResponse.error(404, "No ticket " + id);
        }
        return ApiResponse.ok(view(desk.newLink(t.get().id(), actor)));
    }

    public ApiResponse close(String id, String actor) {
        Optional<Ticket> t = find(id);
        if (t.isEmpty()) {
            return ApiResponse.error(404, "No ticket " + id);
        }
        return desk.close(t.get().id(), actor) ? ApiResponse.ok(view(desk.store().find(t.get().id()).orElseThrow()))
                : ApiResponse.error(409, "Ticket " + id + " is " + t.get().status().id() + ": only a resolved ticket can be closed");
    }

    /** {@code {"agent": "username"}} (empty: nobody). */
    public ApiResponse assign(String id, DraftsApi.Assignment assignment) {
        Optional<Ticket> t = find(id);
        if (t.isEmpty()) {
            return ApiResponse.error(404, "No ticket " + id);
        }
        String agent = assignment == null ? null : assignment.agent();
        Optional<ApiResponse> tooLong = Param.tooLong("agent", agent, Param.USERNAME);
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        if (agent != null && !agent.isBlank() && users.find(agent.trim()).isEmpty()) {
            return ApiResponse.error(400, "No user named '" + agent + "'");
        }
        desk.store().assign(t.get().id(), agent == null || agent.isBlank() ? null : agent.trim(), Instant.now());
        return ApiResponse.ok(view(desk.store().find(t.get().id()).orElseThrow()));
    }

    /** An attachment's bytes for agents, or empty. */
    Optional<TicketPage.File> attachment(String id, String attachmentId) {
        Optional<Ticket> t = find(id);
        Optional<Long> a = StatusApi.parse(attachmentId);
        if (t.isEmpty() || a.isEmpty()) {
            return Optional.empty();
        }
        return TicketPage.file(desk, t.get(), a.get());
    }

    private Optional<Ticket> find(String id) {
        return StatusApi.parse(id).flatMap(desk.store()::find);
    }
}
