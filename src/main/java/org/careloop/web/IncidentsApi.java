package org.careloop.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.careloop.tickets.Incident;
import org.careloop.tickets.IncidentDesk;

/**
 * The incidents API: a cluster made an incident, the incidents with their tickets, posts and the team's
 * conversation, and the resolve that closes every post's loop. Plain Java; the HTTP glue is in
 * {@link IncidentEndpoints}.
 */
public final class IncidentsApi {

    /** Incidents listed at once: a bad day has a handful. */
    static final int LISTED = 100;
    /** Posts shown with an incident; {@code postCount} counts them all. */
    static final int POSTS_SHOWN = 500;

    private final IncidentDesk desk;
    private final TicketsApi tickets;
    private final LongFunction<String> clusterLabel;

    /** @param clusterLabel what a cluster is about, in the words its posts share (the queue's label) */
    public IncidentsApi(IncidentDesk desk, TicketsApi tickets, LongFunction<String> clusterLabel) {
        this.desk = desk;
        this.tickets = tickets;
        this.clusterLabel = clusterLabel;
    }

    /** An incident as the team sees it in a list. */
    public record IncidentView(long id, String reference, String label, long clusterId, String careAction, String status, Instant openedAt,
                               String openedBy, Instant resolvedAt, String resolvedBy, int ticketCount, int postCount) {

        static IncidentView of(Incident i) {
            return new IncidentView(i.id(), i.reference(), i.label(), i.clusterId(), i.careAction(), i.status().id(), i.openedAt(), i.openedBy(),
                    i.resolvedAt(), i.resolvedBy(), i.tickets(), i.posts());
        }
    }

    /** A post of the incident: {@code ticketId} null when it joined the incident instead of opening a ticket. */
    public record PostView(String id, String platform, DraftView.AuthorView author, String text, String permalink, Instant postedAt,
                           Long ticketId, Instant joinedAt, Long closingDraftId, String closingStatus) {}

    /** An entry of the team's conversation: who, when, what. */
    public record NoteView(long id, String author, Instant at, String text) {

        static NoteView of(Incident.Note n) {
            return new NoteView(n.id(), n.author(), n.at(), n.body());
        }
    }

    /** An incident with its tickets, its posts (the first {@value #POSTS_SHOWN}) and the team's conversation. */
    public record IncidentDetail(IncidentView incident, List<TicketsApi.TicketView> tickets, List<PostView> posts, List<NoteView> notes) {}

    /**
     * A resolve: the incident, how many tickets it resolved, the closing messages queued (one per customer and thread),
     * the posts left without one and why, and how many pending first replies the closing messages made unneeded.
     */
    public record IncidentResolution(IncidentView incident, int ticketsResolved, List<IncidentDesk.Closing> queued, List<PostLeft> left,
                                     int superseded) {}

    /**
     * A post the resolve left without a closing message, and why: {@link IncidentDesk.Left}, named apart from
     * {@link ClustersApi.Left} (the API's document names schemas by simple class name, and two alike break its references).
     */
    public record PostLeft(String postId, Long draftId, String reason) {}

    /** {@code GET /api/incidents}: open incidents first, then the latest resolved. */
    public ApiResponse list() {
        List<IncidentView> out = desk.store().list(LISTED).stream().map(IncidentView::of).toList();
        return ApiResponse.ok(out).withHeader("X-Total-Count", String.valueOf(out.size()));
    }

    /** {@code GET /api/incidents/{id}}: the incident, its tickets, its posts and its conversation. */
    public ApiResponse get(String id) {
        return find(id).map(i -> ApiResponse.ok(detail(i))).orElseGet(() -> notFound(id));
    }

    private IncidentDetail detail(Incident i) {
        return new IncidentDetail(IncidentView.of(i), desk.store().ticketIds(i.id()).stream().flatMap(t -> tickets.view(t).stream()).toList(),
                desk.store().posts(i.id(), POSTS_SHOWN).stream().map(p -> new PostView(p.postId(), p.platform().id(),
                        new DraftView.AuthorView(p.author().id(), p.author().handle(), p.author().name()), p.text(), p.permalink(), p.postedAt(),
                        p.ticketId(), p.joinedAt(), p.closingDraftId(), p.closingStatus())).toList(),
                desk.store().notes(i.id()).stream().map(NoteView::of).toList());
    }

    /** {@code POST /api/clusters/{id}/incident}: 201 with the new incident, 200 with the one the cluster became before. */
    public ApiResponse open(String clusterId, String actor) {
        Optional<Long> cluster = ClustersApi.parse(clusterId);
        if (cluster.isEmpty()) {
            return ApiResponse.error(404, "No cluster " + clusterId);
        }
        String label = clusterLabel.apply(cluster.get());
        return desk.open(cluster.get(), label == null || label.isBlank() ? "cluster " + cluster.get() : label, actor)
                .map(o -> new ApiResponse(o.made() ? 201 : 200, IncidentView.of(o.incident())))
                .orElseGet(() -> ApiResponse.error(404, "No cluster " + clusterId));
    }

    /**
     * {@code POST /api/incidents/{id}/resolve}: its tickets resolved, a closing message queued for each of its posts.
     * 409 when it was resolved before (nothing is posted again).
     */
    public ApiResponse resolve(String id, String actor) {
        Optional<Long> incident = ClustersApi.parse(id);
        Optional<IncidentDesk.Resolved> done = incident.flatMap(i -> desk.resolve(i, actor));
        if (done.isEmpty()) {
            return notFound(id);
        }
        Incident i = done.get().incident();
        if (!done.get().now()) {
            return ApiResponse.error(409, "Incident " + i.reference() + " was resolved already"
                    + (i.resolvedBy() != null ? " by " + i.resolvedBy() : "") + (i.resolvedAt() != null ? " at " + i.resolvedAt() : ""));
        }
        IncidentDesk.Resolved r = done.get();
        return ApiResponse.ok(new IncidentResolution(IncidentView.of(i), r.tickets(), r.queued(),
                r.left().stream().map(l -> new PostLeft(l.postId(), l.draftId(), l.reason())).toList(), r.superseded()));
    }

    /** {@code {"text": "..."}}: a note in the team's conversation about an incident. */
    @JsonBody.Example(NOTE_EXAMPLE)
    public record Note(String text) {}

    private static final String NOTE_EXAMPLE = "{\"text\": \"Fix deployed at 14:20, watching\"}";

    /** {@code POST /api/incidents/{id}/notes}, {@code {"text": "..."}}: a note in the team's conversation. */
    public ApiResponse note(String id, String actor, Note note) {
        Optional<Long> incident = ClustersApi.parse(id);
        if (incident.isEmpty() || desk.store().find(incident.get()).isEmpty()) {
            return notFound(id);
        }
        String text = note == null ? null : note.text();
        if (text == null || text.isBlank()) {
            return ApiResponse.error(400, "\"text\" is required: the note, e.g. " + NOTE_EXAMPLE);
        }
        Optional<ApiResponse> tooLong = Param.tooLong("text", text.strip(), Param.MESSAGE);
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        return desk.note(incident.get(), actor, text.strip()).map(n -> new ApiResponse(201, NoteView.of(n))).orElseGet(() -> notFound(id));
    }

    private Optional<Incident> find(String id) {
        return ClustersApi.parse(id).flatMap(i -> desk.store().find(i));
    }

    private static ApiResponse notFound(String id) {
        return ApiResponse.error(404, "No incident " + id);
    }
}
