package org.careloop.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.tickets.Incident;
import org.careloop.tickets.IncidentStore;
import org.careloop.tickets.Ticket;

/** Incidents: the incidents table, its posts and notes, and each ticket's incident_id. */
final class JdbcIncidentStore implements IncidentStore {

    private static final String SELECT = "select i.*, (select count(*) from tickets t where t.incident_id = i.id) as ticket_count, "
            + "(select count(*) from incident_posts p where p.incident_id = i.id) as post_count from incidents i";
    /** Tickets still being worked on: they join an incident, a resolved one stays as it was closed. */
    private static final String TICKET_OPEN = "status in ('" + Ticket.Status.OPEN.name() + "', '" + Ticket.Status.WAITING.name() + "')";

    private final Jdbc jdbc;

    JdbcIncidentStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Incident> open(long clusterId, String label, String careAction, String actor, Instant at) {
        Long id = jdbc.inTransaction(c -> {
            // The cluster's row is the lock: of two leads declaring it at once, one updates it.
            if (Jdbc.update(c, "update clusters set incident_id = incident_id where id = ? and incident_id is null", clusterId) == 0) {
                return null;
            }
            long incident = Jdbc.insert(c, "insert into incidents (cluster_id, label, care_action, status, opened_at, opened_by) values (?, ?, ?, ?, ?, ?)",
                    clusterId, Jdbc.cut(label, 255), Jdbc.cut(careAction, 32), Incident.Status.OPEN.name(), at, Jdbc.cut(actor, 64));
            Jdbc.update(c, "update clusters set incident_id = ? where id = ?", incident, clusterId);
            // A post the team chose not to answer gets no closing message either.
            Jdbc.update(c, "insert into incident_posts (incident_id, platform, mention_id, ticket_id, joined_at) "
                    + "select ?, d.platform, d.mention_id, max(d.ticket_id), ? from drafts d where d.cluster_id = ? and d.kind = ? and d.status <> ? "
                    + "and not exists (select 1 from incident_posts p where p.platform = d.platform and p.mention_id = d.mention_id) "
                    + "group by d.platform, d.mention_id", incident, at, clusterId, Draft.Kind.REPLY.name(), DraftStatus.REJECTED.name());
            Jdbc.update(c, "update tickets set incident_id = ?, updated_at = ? where incident_id is null and " + TICKET_OPEN
                    + " and id in (select p.ticket_id from incident_posts p where p.incident_id = ?)", incident, at, incident);
            JdbcAuditLog.record(c, at, actor, "incident.open", "incident:" + incident, "cluster:" + clusterId + " " + label);
            return incident;
        });
        return id == null ? Optional.empty() : find(id);
    }

    /**
     * Within the transaction of a draft joining a cluster: when the cluster is an open incident, the post
     * joins it too, and its open ticket with it.
     */
    static void joinWithCluster(Connection c, long clusterId, long draftId, Instant at) throws SQLException {
        Jdbc.update(c, "insert into incident_posts (incident_id, platform, mention_id, ticket_id, joined_at) "
                + "select i.id, d.platform, d.mention_id, d.ticket_id, ? from incidents i join drafts d on d.id = ? "
                + "where i.cluster_id = ? and i.status = ? "
                + "and not exists (select 1 from incident_posts p where p.platform = d.platform and p.mention_id = d.mention_id)",
                at, draftId, clusterId, Incident.Status.OPEN.name());
        Jdbc.update(c, "update tickets set incident_id = (select i.id from incidents i where i.cluster_id = ? and i.status = ?), updated_at = ? "
                + "where incident_id is null and " + TICKET_OPEN + " and id = (select ticket_id from drafts where id = ?) "
                + "and exists (select 1 from incidents i where i.cluster_id = ? and i.status = ?)",
                clusterId, Incident.Status.OPEN.name(), at, draftId, clusterId, Incident.Status.OPEN.name());
    }

    @Override
    public Optional<Incident> find(long id) {
        return jdbc.one(SELECT + " where i.id = ?", JdbcIncidentStore::incident, id);
    }

    @Override
    public Optional<Incident> forCluster(long clusterId) {
        return jdbc.one(SELECT + " where i.cluster_id = ?", JdbcIncidentStore::incident, clusterId);
    }

    @Override
    public boolean anyOpen() {
        return jdbc.one("select 1 from incidents where status = ? limit 1", rs -> true, Incident.Status.OPEN.name()).isPresent();
    }

    @Override
    public List<Incident> list(int limit) {
        return jdbc.list(SELECT + " order by case when i.status = ? then 0 else 1 end, coalesce(i.resolved_at, i.opened_at) desc, i.id desc limit ?",
                JdbcIncidentStore::incident, Incident.Status.OPEN.name(), limit);
    }

    @Override
    public boolean addPost(long incidentId, Platform platform, String postId, Long ticketId, Instant at) {
        return jdbc.inTransaction(c -> {
            int added = Jdbc.update(c, "insert into incident_posts (incident_id, platform, mention_id, ticket_id, joined_at) "
                    + "select i.id, cast(? as varchar(16)), cast(? as varchar(64)), cast(? as bigint), ? from incidents i where i.id = ? and i.status = ? "
                    + "and not exists (select 1 from incident_posts p where p.platform = ? and p.mention_id = ?)",
                    platform.id(), postId, ticketId, at, incidentId, Incident.Status.OPEN.name(), platform.id(), postId);
            if (added == 1 && ticketId != null) {
                Jdbc.update(c, "update tickets set incident_id = ?, updated_at = ? where id = ? and incident_id is null and " + TICKET_OPEN,
                        incidentId, at, ticketId);
            }
            return added == 1;
        });
    }

    @Override
    public List<Incident.Post> posts(long incidentId, int limit) {
        return jdbc.list("select " + JdbcMentionStore.COLUMNS + ", p.ticket_id, p.joined_at, p.closing_draft_id, d.status as closing_status "
                        + "from incident_posts p join mentions m on m.platform = p.platform and m.id = p.mention_id "
                        + "left join drafts d on d.id = p.closing_draft_id where p.incident_id = ? order by p.joined_at, m.created_at, m.id limit ?",
                rs -> {
                    Mention m = JdbcMentionStore.mention(rs);
                    String closing = rs.getString("closing_status");
                    return new Incident.Post(m.platform(), m.id(), m.author(), m.text(), m.permalink(), m.createdAt(), nullable(rs, "ticket_id"),
                            Jdbc.instant(rs, "joined_at"), nullable(rs, "closing_draft_id"), closing == null ? null : DraftStatus.valueOf(closing).id());
                }, incidentId, limit);
    }

    @Override
    public List<Long> ticketIds(long incidentId) {
        return jdbc.list("select id from tickets where incident_id = ? order by id", rs -> rs.getLong(1), incidentId);
    }

    @Override
    public boolean resolve(long id, String actor, Instant at) {
        return jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, "update incidents set status = ?, resolved_at = ?, resolved_by = ? where id = ? and status = ?",
                    Incident.Status.RESOLVED.name(), at, Jdbc.cut(actor, 64), id, Incident.Status.OPEN.name());
            if (changed == 1) {
                JdbcAuditLog.record(c, at, actor, "incident.resolve", "incident:" + id, null);
            }
            return changed == 1;
        });
    }

    @Override
    public boolean claimClosing(long incidentId, Platform platform, String postId, Instant at) {
        return jdbc.update("update incident_posts set closing_at = ? where incident_id = ? and platform = ? and mention_id = ? and closing_at is null",
                at, incidentId, platform.id(), postId) == 1;
    }

    @Override
    public void closingDrafted(long incidentId, Platform platform, String postId, long draftId) {
        jdbc.update("update incident_posts set closing_draft_id = ? where incident_id = ? and platform = ? and mention_id = ?",
                draftId, incidentId, platform.id(), postId);
    }

    @Override
    public boolean reclaimClosing(long incidentId, Platform platform, String postId, Instant staleBefore, Instant at) {
        return jdbc.update("update incident_posts set closing_at = ? where incident_id = ? and platform = ? and mention_id = ? "
                + "and closing_draft_id is null and closing_at < ?", at, incidentId, platform.id(), postId, staleBefore) == 1;
    }

    @Override
    public void loopsClosed(long id, Instant at) {
        jdbc.update("update incidents set loops_closed_at = ? where id = ? and loops_closed_at is null", at, id);
    }

    @Override
    public List<Long> unfinished(Instant before, int limit) {
        return jdbc.list("select id from incidents where status = ? and loops_closed_at is null and resolved_at < ? order by resolved_at limit ?",
                rs -> rs.getLong(1), Incident.Status.RESOLVED.name(), before, limit);
    }

    @Override
    public long addNote(long incidentId, String author, String body, Instant at) {
        return jdbc.inTransaction(c -> {
            long id = Jdbc.insert(c, "insert into incident_notes (incident_id, at, author, body) values (?, ?, ?, ?)",
                    incidentId, at, Jdbc.cut(author, 64), body);
            JdbcAuditLog.record(c, at, author, "incident.note", "incident:" + incidentId, "note:" + id);
            return id;
        });
    }

    @Override
    public List<Incident.Note> notes(long incidentId) {
        return jdbc.list("select id, at, author, body from incident_notes where incident_id = ? order by id",
                rs -> new Incident.Note(rs.getLong("id"), Jdbc.instant(rs, "at"), rs.getString("author"), rs.getString("body")), incidentId);
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getLong("cluster_id"), rs.getString("label"), rs.getString("care_action"),
                Incident.Status.valueOf(rs.getString("status")), Jdbc.instant(rs, "opened_at"), rs.getString("opened_by"),
                Jdbc.instant(rs, "resolved_at"), rs.getString("resolved_by"), rs.getInt("ticket_count"), rs.getInt("post_count"));
    }

    private static Long nullable(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
