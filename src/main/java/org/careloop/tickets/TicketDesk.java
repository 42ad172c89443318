package org.careloop.tickets;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.careloop.analysis.Analysis;
import org.careloop.care.Draft;
import org.careloop.care.Drafter;
import org.careloop.care.UnsaidReplies;
import org.careloop.care.TicketLink;
import org.careloop.pipeline.Triage;
import org.careloop.webhook.Webhook;
import org.careloop.platform.Mention;
import org.careloop.rules.Decision;
import org.careloop.rules.RuleBook;
import org.careloop.care.DraftStore;
import org.careloop.pipeline.MentionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket side of care: opens a ticket for a post that needs private details (or joins the
 * author's open one), gives the public reply its link, carries the private conversation, and on
 * resolution drafts the public closing message in the original thread, which then goes through
 * the same approval or unattended gates and the same outbox as any reply.
 */
public final class TicketDesk implements TicketLink {

    private static final Logger LOG = LoggerFactory.getLogger(TicketDesk.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The subject of a ticket whose post names no topic. */
    static final String GENERIC_SUBJECT = "your request";

    private final TicketStore tickets;
    private final MentionStore mentions;
    private final DraftStore drafts;
    private final Drafter drafter;
    private final UnsaidReplies unsaid;
    private final Supplier<RuleBook> rules;
    private final Function<Draft, Draft> settle;
    private final Webhook webhook;
    private final String publicUrl;
    private final Predicate<String> linkFree;
    private final Clock clock;
    private final Duration closingWithin;

    /**
     * @param settle    what happens to a new draft: unattended gates, else the queue (the DraftSettler, as for the draft step's drafts)
     * @param publicUrl CareLoop's public address, for the ticket and rating links
     * @param linkFree  accounts whose public replies carry a ticket reference instead of a link (X charges more for links)
     */
    public TicketDesk(TicketStore tickets, MentionStore mentions, DraftStore drafts, Drafter drafter, UnsaidReplies unsaid, Supplier<RuleBook> rules,
                      Function<Draft, Draft> settle, Webhook webhook, String publicUrl, Predicate<String> linkFree, Clock clock) {
        this(tickets, mentions, drafts, drafter, unsaid, rules, settle, webhook, publicUrl, linkFree, clock, Duration.ofHours(1));
    }

    /**
     * @param closingWithin when a closing message is due after the ticket is resolved: it has no SLA, so it waits behind
     *                      first responses in the queue
     */
    public TicketDesk(TicketStore tickets, MentionStore mentions, DraftStore drafts, Drafter drafter, UnsaidReplies unsaid, Supplier<RuleBook> rules,
                      Function<Draft, Draft> settle, Webhook webhook, String publicUrl, Predicate<String> linkFree, Clock clock, Duration closingWithin) {
        this.tickets = tickets;
        this.mentions = mentions;
        this.drafts = drafts;
        this.drafter = drafter;
        this.unsaid = unsaid;
        this.rules = rules;
        this.settle = settle;
        this.webhook = webhook;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.linkFree = linkFree;
        this.clock = clock;
        this.closingWithin = closingWithin;
    }

    /**
     * Opens a ticket for the post, or joins the author's open ticket on the same account when it is
     * the same issue: the same thread, the same topic, or a post that names no other topic ("still
     * waiting!!"). A new topic from the same person (a bag, then a refund) is a case of its own.
     */
    public Ticket forPost(Mention m, Analysis analysis, Decision decision) {
        Instant now = clock.instant();
        String subject = Drafter.topic(rules.get(), m.text());
        // The thread's own case first: the author's newest ticket may be about something else ("nothing on that page
        // helped" answers the app case, not the refund opened since).
        Optional<Ticket> open = m.author().id() == null ? Optional.empty()
                : (m.conversationId() == null ? Optional.<Ticket>empty() : tickets.openIn(m.platform(), m.conversationId(), m.author().id())
                        .filter(t -> t.account().equals(m.account())))
                .or(() -> tickets.openFor(m.platform(), m.account(), m.author().id()).filter(t -> sameIssue(t, m, subject)));
        if (open.isPresent()) {
            Ticket t = open.get();
            // A post that reopened the ticket is in it already.
            if (!tickets.holdsPost(t.id(), m.id())) {
                tickets.addMessage(t.id(), Ticket.Kind.PUBLIC_POST, m.author().label(), m.text(), m.id(), Ticket.Status.OPEN, now);
                event("ticket.joined", t);
            }
            return tickets.find(t.id()).orElseThrow();
        }
        Ticket t = tickets.open(m, token(), token(), subject.isEmpty() ? GENERIC_SUBJECT : subject, decision.priority().id(),
                analysis, now);
        LOG.info("Ticket {} opened for {} post {}", t.id(), m.platform().id(), m.id());
        event("ticket.opened", t);
        return t;
    }

    private static boolean sameIssue(Ticket t, Mention m, String subject) {
        return (m.conversationId() != null && m.conversationId().equals(t.conversationId())) || subject.isEmpty()
                || subject.equals(t.subject()) || t.subject().equals(GENERIC_SUBJECT);
    }

    @Override
    public Linked link(Mention m, Analysis analysis, Decision decision) {
        Ticket t = forPost(m, analysis, decision);
        Map<String, String> values = replyValues(t);
        values.put("ticket_joined", t.mentionId().equals(m.id()) ? "" : "yes");
        return new Linked(t.id(), values);
    }

    /** Pipeline step: a customer's new post in the thread of a resolved ticket reopens it. */
    public Triage notice(Triage triage) {
        reopenIfResolved(triage.mention());
        return triage;
    }

    /**
     * The template values of a reply that belongs to the ticket: its reference, and its link unless
     * the account replies link-free or the customer has opened the link already (it opens once).
     */
    public Map<String, String> replyValues(Ticket t) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("ticket_ref", t.reference());
        v.put("ticket_link", linkFree.test(t.account()) || t.pageToken() != null ? "" : pageUrl(t));
        return v;
    }

    /** The link the public reply carries. */
    public String pageUrl(Ticket t) {
        return publicUrl + "/t/" + t.token();
    }

    /**
     * The link was opened: the first visitor gets the ticket's private page (a second secret that
     * never appears in public); after that the public link shows nothing private.
     *
     * @return the ticket with its page, or empty when the link had been opened before
     */
    public Optional<Ticket> openPage(Ticket t) {
        if (t.pageToken() != null || !tickets.openPage(t.id(), token(), clock.instant())) {
            return Optional.empty();
        }
        tickets.addMessage(t.id(), Ticket.Kind.EVENT, "customer", "The customer opened the ticket link", null, null, clock.instant());
        return tickets.find(t.id());
    }

    /** A fresh link (to send the customer privately) when someone else opened the first one; the old link and page stop working. */
    public Ticket newLink(long ticketId, String agent) {
        tickets.newLink(ticketId, token(), clock.instant());
        tickets.addMessage(ticketId, Ticket.Kind.NOTE, agent, "New ticket link made; the earlier link and private page no longer open", null,
                null, clock.instant());
        return tickets.find(ticketId).orElseThrow();
    }

    public String ratingUrl(Ticket t) {
        return publicUrl + "/r/" + t.ratingToken();
    }

    /**
     * Every customer post passes here: a new post in the thread of a resolved ticket, by its customer, reopens it.
     *
     * @return the reopened ticket
     */
    public Optional<Ticket> reopenIfResolved(Mention m) {
        if (m.conversationId() == null || m.author().id() == null) {
            return Optional.empty();
        }
        return tickets.resolvedIn(m.platform(), m.conversationId(), m.author().id()).map(t -> {
            tickets.addMessage(t.id(), Ticket.Kind.PUBLIC_POST, m.author().label(), m.text(), m.id(), Ticket.Status.OPEN, clock.instant());
            tickets.addMessage(t.id(), Ticket.Kind.EVENT, "careloop", "Reopened: the customer posted again in the thread", null, null, clock.instant());
            LOG.info("Ticket {} reopened by a new post in its thread", t.id());
            Ticket reopened = tickets.find(t.id()).orElseThrow();
            event("ticket.reopened", reopened);
            return reopened;
        });
    }

    /** The customer writes on the ticket page: the ticket is theirs to answer again. */
    public long fromCustomer(Ticket t, String body) {
        long id = tickets.addMessage(t.id(), Ticket.Kind.CUSTOMER, "customer", body, null, Ticket.Status.OPEN, clock.instant());
        event("ticket.customer-message", t);
        return id;
    }

    /** An agent answers the customer on the ticket page (never in public), or leaves an internal note. */
    public long fromAgent(long ticketId, String agent, String body, boolean note) {
        Ticket t = tickets.find(ticketId).orElseThrow();
        // An answer hands the ticket to the customer; after resolution it is only a last word, not a reopening.
        Ticket.Status next = note || !t.status().isOpen() ? null : Ticket.Status.WAITING;
        long id = tickets.addMessage(ticketId, note ? Ticket.Kind.NOTE : Ticket.Kind.AGENT, agent, body, null, next, clock.instant());
        if (!note) {
            event("ticket.agent-message", t);
        }
        return id;
    }

    /**
     * Resolves the ticket and drafts the public closing message in the original thread: thanks, the
     * public-safe summary, an invitation to rate. Empty when the ticket was not open.
     */
    public Optional<Draft> resolve(long ticketId, String agent) {
        if (!markResolved(ticketId, agent, "Resolved by " + agent)) {
            return Optional.empty();
        }
        Ticket t = tickets.find(ticketId).orElseThrow();
        Draft closing = closing(t, mentions.find(t.platform(), t.mentionId()).orElseThrow());
        LOG.info("Ticket {} resolved by {}; closing message drafted ({})", t.id(), agent, closing.id());
        return Optional.of(settle.apply(closing));
    }

    /**
     * Resolves the ticket without a closing message of its own: the incident it joined closes the loop of
     * every post, this ticket's among them. False when the ticket was not open.
     */
    public boolean resolveWithIncident(long ticketId, String agent, Incident incident) {
        return markResolved(ticketId, agent, "Resolved with incident " + incident.reference() + " by " + agent);
    }

    private boolean markResolved(long ticketId, String agent, String event) {
        Instant now = clock.instant();
        if (!tickets.resolve(ticketId, agent, now)) {
            return false;
        }
        tickets.addMessage(ticketId, Ticket.Kind.EVENT, agent, event, null, null, now);
        event("ticket.resolved", tickets.find(ticketId).orElseThrow());
        return true;
    }

    /**
     * The public closing message of a resolved ticket in the thread of {@code post} (the post that opened it, or
     * another of its posts), stored as a pending draft: thanks, the ticket's public-safe summary, an invitation to rate.
     */
    public Draft closing(Ticket t, Mention post) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("topic", t.subject());
        extra.put("ticket_ref", t.reference());
        extra.put("rating_link", linkFree.test(t.account()) ? "" : ratingUrl(t));
        return closing(post, t.id(), extra);
    }

    /** The closing message of an incident's post that opened no ticket: what the post is about, the incident's reference, no rating link. */
    public Draft closing(Incident incident, Mention post) {
        String topic = Drafter.topic(rules.get(), post.text());
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("topic", topic.isEmpty() ? GENERIC_SUBJECT : topic);
        extra.put("ticket_ref", incident.reference());
        extra.put("rating_link", "");
        return closing(post, null, extra);
    }

    private Draft closing(Mention post, Long ticketId, Map<String, String> extra) {
        Instant now = clock.instant();
        Analysis analysis = mentions.findAnalysis(post.platform(), post.id()).orElse(null);
        return drafts.create(unsaid.draft(post, said -> drafter.closing(post, analysis, ticketId, "closing", now, now.plus(closingWithin), said, extra)));
    }

    /** Closes a resolved ticket; a post in its thread still opens it again. */
    public boolean close(long ticketId, String agent) {
        Instant now = clock.instant();
        if (!tickets.close(ticketId, agent, now)) {
            return false;
        }
        tickets.addMessage(ticketId, Ticket.Kind.EVENT, agent, "Closed by " + agent, null, null, now);
        event("ticket.closed", tickets.find(ticketId).orElseThrow());
        return true;
    }

    /** A file the customer attached to one of their messages (type and size already checked), under a {@linkplain FileName#safe safe name}. */
    public long attach(Ticket t, long messageId, String filename, String contentType, byte[] content) {
        return tickets.addAttachment(t.id(), messageId, FileName.safe(filename), contentType, content, clock.instant());
    }

    /**
     * The customer's rating, 1 to 5, with an optional comment; credited to the agent who resolved the ticket.
     *
     * @param replace whether an earlier rating may be replaced (the private page may; the public link rates once)
     * @return false when nothing was stored (already rated and not replacing)
     */
    public boolean rate(Ticket t, int rating, String comment, boolean replace) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("A rating is a whole number from 1 to 5");
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > 2000) {
            note = note.substring(0, 2000);
        }
        boolean done = tickets.rate(t.id(), rating, note, replace, clock.instant());
        if (done) {
            tickets.addMessage(t.id(), Ticket.Kind.EVENT, "customer", "Rated " + rating + " of 5", null, null, clock.instant());
            event("ticket.rated", tickets.find(t.id()).orElse(t));
        }
        return done;
    }

    public TicketStore store() {
        return tickets;
    }

    /** Ticket events for an external help desk: what changed, never the private conversation. */
    private void event(String name, Ticket t) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticketId", t.id());
        data.put("status", t.status().id());
        data.put("platform", t.platform().id());
        data.put("account", t.account());
        data.put("postId", t.mentionId());
        data.put("author", t.author().handle());
        data.put("subject", t.subject());
        data.put("priority", t.priority());
        if (t.rating() != null) {
            data.put("rating", t.rating());
        }
        webhook.send(name, data);
    }

    /** 144 random bits, URL-safe: the ticket number never appears in a link. */
    static String token() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }


    /** Tickets in these statuses (empty: all), the latest change first. */
    public List<Ticket> list(Set<Ticket.Status> statuses, int limit) {
        return tickets.list(statuses, limit);
    }
}
