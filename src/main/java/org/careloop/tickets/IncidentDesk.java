package org.careloop.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.careloop.analysis.Analysis;
import org.careloop.care.ClusterReplies;
import org.careloop.care.Clustering;
import org.careloop.care.Clusters;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.care.DraftStore;
import org.careloop.care.TicketLink;
import org.careloop.pipeline.MentionStore;
import org.careloop.platform.Mention;
import org.careloop.rules.Decision;
import org.careloop.webhook.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incidents: a cluster a care lead declares one problem. Its open tickets join it; a later post about it
 * joins it too instead of opening a ticket of its own (its reply names the incident, with no private link
 * to pay for on X); the team keeps one conversation about it; resolving it resolves its tickets and
 * queues one closing message per post, in the post's own thread, made the customer's own and never the
 * same text twice on an account (as a cluster's replies are), through the outbox like any approval.
 */
public final class IncidentDesk implements TicketLink {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentDesk.class);
    /** The most posts one resolve closes (as one cluster decision answers at most). */
    static final int MOST = 10_000;

    private final IncidentStore incidents;
    private final TicketDesk desk;
    private final Clustering clustering;
    private final Clusters clusters;
    private final DraftStore drafts;
    private final MentionStore mentions;
    private final ClusterReplies replies;
    private final Webhook webhook;
    private final Clock clock;

    public IncidentDesk(IncidentStore incidents, TicketDesk desk, Clustering clustering, Clusters clusters, DraftStore drafts, MentionStore mentions,
                        ClusterReplies replies, Webhook webhook, Clock clock) {
        this.incidents = incidents;
        this.desk = desk;
        this.clustering = clustering;
        this.clusters = clusters;
        this.drafts = drafts;
        this.mentions = mentions;
        this.replies = replies;
        this.webhook = webhook;
        this.clock = clock;
    }

    /** The incident, and whether this call made it (false: the cluster was one already). */
    public record Opened(Incident incident, boolean made) {}

    /**
     * Makes the cluster an incident: its posts and their open tickets join it. Empty when there is no such cluster.
     *
     * @param label what it is about, as the cluster's posts say it
     */
    public Optional<Opened> open(long clusterId, String label, String actor) {
        Instant now = clock.instant();
        Optional<Clusters.Summary> cluster = clusters.find(clusterId, now);
        if (cluster.isEmpty()) {
            return Optional.empty();
        }
        Optional<Incident> made = incidents.open(clusterId, label, cluster.get().careAction(), actor, now);
        if (made.isEmpty()) {
            return incidents.forCluster(clusterId).map(i -> new Opened(i, false));
        }
        Incident incident = made.get();
        for (long ticket : incidents.ticketIds(incident.id())) {
            desk.store().addMessage(ticket, Ticket.Kind.EVENT, actor, "Joined incident " + incident.reference() + " (" + label + ")", null, null, now);
        }
        LOG.info("Cluster {} made incident {} by {}: {} posts, {} tickets", clusterId, incident.id(), actor, incident.posts(), incident.tickets());
        event("incident.opened", incident);
        return Optional.of(new Opened(incident, true));
    }

    /**
     * A post whose rule opens a ticket: when it is about an open incident it joins the incident instead, and
     * its reply says so with the incident's reference; a customer whose own open ticket is in the incident
     * keeps it. Otherwise the ticket desk opens or joins a ticket as usual.
     */
    @Override
    public Linked link(Mention m, Analysis analysis, Decision decision) {
        Optional<Incident> incident = incidents.anyOpen() ? about(m, analysis) : Optional.empty();
        if (incident.isEmpty()) {
            return desk.link(m, analysis, decision);
        }
        Incident i = incident.get();
        Instant now = clock.instant();
        boolean ownTicketInIt = m.author().id() != null && desk.store().openFor(m.platform(), m.account(), m.author().id())
                .filter(t -> incidents.ticketIds(i.id()).contains(t.id())).isPresent();
        if (ownTicketInIt) {
            Linked own = desk.link(m, analysis, decision);
            incidents.addPost(i.id(), m.platform(), m.id(), own.ticketId(), now);
            return own;
        }
        incidents.addPost(i.id(), m.platform(), m.id(), null, now);
        LOG.info("{} post {} joined incident {} instead of opening a ticket", m.platform().id(), m.id(), i.id());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ticket_ref", i.reference());
        values.put("ticket_link", "");
        values.put("ticket_joined", "yes");
        return new Linked(null, values);
    }

    /** The open incident of the cluster the post would join, if any. */
    private Optional<Incident> about(Mention m, Analysis analysis) {
        return clustering.clusterFor(m, analysis).flatMap(incidents::forCluster).filter(i -> i.status() == Incident.Status.OPEN);
    }

    /** A post's closing message, queued with its own text. */
    public record Closing(long draftId, String postId, String platform, String author, String text) {}

    /** A post that got no closing message now, and why. */
    public record Left(String postId, Long draftId, String reason) {}

    /**
     * What a resolve did.
     *
     * @param now        false when the incident had been resolved before: nothing was done this time
     * @param tickets    tickets resolved with it
     * @param superseded pending first replies to its posts, set aside because the closing message answers them
     */
    public record Resolved(Incident incident, boolean now, int tickets, List<Closing> queued, List<Left> left, int superseded) {}

    /**
     * Resolves the incident: its open tickets are resolved, and every post (one per customer and thread) gets
     * the closing message in its own thread, approved into the outbox. Once: a second resolve does nothing.
     * Empty when there is no such incident.
     */
    public Optional<Resolved> resolve(long id, String actor) {
        Optional<Incident> found = incidents.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!incidents.resolve(id, actor, clock.instant())) {
            return Optional.of(new Resolved(incidents.find(id).orElseThrow(), false, 0, List.of(), List.of(), 0));
        }
        return Optional.of(closeLoops(incidents.find(id).orElseThrow(), actor, false));
    }

    /** How long a resolve may take before its unfinished work counts as cut short and another run finishes it. */
    static final java.time.Duration RESOLVE_LEASE = java.time.Duration.ofMinutes(5);

    /**
     * Finishes the resolves that were cut short (the process died between resolving the incident and queueing its last
     * closing message): every ticket resolved and every closing message queued, none twice. Run by every node on a
     * schedule; the database decides which node takes each piece. Returns how many incidents it finished.
     */
    public int finishCutShort() {
        int finished = 0;
        for (long id : incidents.unfinished(clock.instant().minus(RESOLVE_LEASE), 20)) {
            Incident incident = incidents.find(id).orElseThrow();
            LOG.warn("Incident {} was resolved at {} but its work was cut short: finishing it", incident.reference(), incident.resolvedAt());
            closeLoops(incident, incident.resolvedBy() == null ? "system" : incident.resolvedBy(), true);
            finished++;
        }
        return finished;
    }

    /**
     * A resolved incident's work: its open tickets resolved, every post (one per customer and thread) its closing
     * message, queued; then the incident marked done. {@code resuming}: a run cut short is finished, so tickets it
     * resolved still count as resolved with the incident, and closing messages it claimed or drafted are taken up.
     */
    private Resolved closeLoops(Incident incident, String actor, boolean resuming) {
        long id = incident.id();
        Set<Long> withIncident = new HashSet<>();
        for (long ticket : incidents.ticketIds(id)) {
            if (desk.resolveWithIncident(ticket, actor, incident)
                    || resuming && desk.store().find(ticket).filter(t -> t.resolvedAt() != null && !t.resolvedAt().isBefore(incident.resolvedAt())).isPresent()) {
                withIncident.add(ticket);
            }
        }
        List<Left> left = new ArrayList<>();
        List<Draft> closings = new ArrayList<>();
        List<Draft> superseded = new ArrayList<>();
        Set<String> threads = new HashSet<>();
        Instant stale = clock.instant().minus(RESOLVE_LEASE);
        for (Incident.Post p : incidents.posts(id, MOST)) {
            if (resuming && p.closingDraftId() != null) {
                // Drafted before the cut (and its first reply perhaps set aside since): queued now if it still waits.
                closingOf(p).filter(d -> d.status() == DraftStatus.PENDING).ifPresent(closings::add);
                mentions.find(p.platform(), p.postId()).ifPresent(m -> threads.add(thread(m)));
                continue;
            }
            Optional<Draft> reply = drafts.replyTo(p.platform().id(), p.postId());
            if (reply.isPresent() && reply.get().status() == DraftStatus.REJECTED) {
                left.add(new Left(p.postId(), null, "its reply was rejected: the team chose not to answer it"));
                continue;
            }
            if (p.ticketId() != null && !withIncident.contains(p.ticketId())) {
                left.add(new Left(p.postId(), null, "its ticket was resolved on its own, with its own closing message"));
                continue;
            }
            reply.filter(r -> r.status() == DraftStatus.PENDING).ifPresent(superseded::add);
            Mention m = mentions.find(p.platform(), p.postId()).orElseThrow();
            // One closing message per customer and thread: a customer who posted twice in a thread hears once.
            if (!threads.add(thread(m))) {
                continue;
            }
            if (!incidents.claimClosing(id, p.platform(), p.postId(), clock.instant())
                    && !(resuming && incidents.reclaimClosing(id, p.platform(), p.postId(), stale, clock.instant()))) {
                continue; // its closing message was drafted before, or is being drafted by another run
            }
            Draft closing = p.ticketId() != null ? desk.closing(desk.store().find(p.ticketId()).orElseThrow(), m) : desk.closing(incident, m);
            incidents.closingDrafted(id, p.platform(), p.postId(), closing.id());
            closings.add(closing);
        }
        List<Closing> queued = queue(closings, actor, left);
        int set = 0;
        // Set aside by CareLoop, not turned down by the person who resolved it: the template reports leave it out.
        // A first reply the resolver had claimed is theirs to set aside.
        for (Draft d : superseded) {
            String why = "Incident " + incident.reference() + " was resolved by " + actor + ": its closing message answers the post";
            set += drafts.reject(d.id(), Draft.AUTO, why, clock.instant()).or(() -> drafts.reject(d.id(), actor, why, clock.instant()))
                    .isPresent() ? 1 : 0;
        }
        // The event before the mark: a run cut short between them sends it again rather than never.
        event("incident.resolved", incidents.find(id).orElseThrow());
        incidents.loopsClosed(id, clock.instant());
        LOG.info("Incident {} resolved by {}: {} tickets resolved, {} closing messages queued, {} left for a person", id, actor, withIncident.size(),
                queued.size(), left.size());
        return new Resolved(incidents.find(id).orElseThrow(), true, withIncident.size(), queued, left, set);
    }

    private static String thread(Mention m) {
        return m.platform().id() + "|" + (m.conversationId() != null ? m.conversationId() : m.id()) + "|" + m.author().id();
    }

    private Optional<Draft> closingOf(Incident.Post p) {
        return p.closingDraftId() == null ? Optional.empty() : drafts.find(p.closingDraftId());
    }

    /** Each closing message made its post's own and approved into the outbox; one that cannot be waits in the queue, with why. */
    private List<Closing> queue(List<Draft> closings, String actor, List<Left> left) {
        List<Closing> queued = new ArrayList<>();
        if (closings.isEmpty()) {
            return queued;
        }
        for (ClusterReplies.Reply r : replies.replies(closings.get(0), null, closings)) {
            Draft d = r.draft();
            if (r.text() == null) {
                drafts.holdForPerson(d.id(), r.problem());
                left.add(new Left(d.mention().id(), d.id(), r.problem()));
                continue;
            }
            Optional<Draft> approved = drafts.approve(d.id(), actor, r.text().equals(d.text()) ? null : r.text(), clock.instant());
            if (approved.isPresent()) {
                queued.add(new Closing(d.id(), d.mention().id(), d.mention().platform().id(), d.mention().author().handle(), r.text()));
            } else {
                left.add(new Left(d.mention().id(), d.id(), "its closing message is no longer pending"));
            }
        }
        return queued;
    }

    /** A note in the team's one conversation about the incident; empty when there is no such incident. */
    public Optional<Incident.Note> note(long id, String author, String body) {
        if (incidents.find(id).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long note = incidents.addNote(id, author, body, now);
        return Optional.of(new Incident.Note(note, now, author, body));
    }

    public IncidentStore store() {
        return incidents;
    }

    /** Incident events for an external help desk: what it is and how big, never a customer's words. */
    private void event(String name, Incident i) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidentId", i.id());
        data.put("reference", i.reference());
        data.put("clusterId", i.clusterId());
        data.put("label", i.label());
        data.put("careAction", i.careAction());
        data.put("status", i.status().id());
        data.put("tickets", i.tickets());
        data.put("posts", i.posts());
        data.put("by", i.status() == Incident.Status.RESOLVED ? i.resolvedBy() : i.openedBy());
        webhook.send(name, data);
    }
}
