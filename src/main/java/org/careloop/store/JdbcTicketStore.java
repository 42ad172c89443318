package org.careloop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.careloop.analysis.Analysis;
import java.util.Optional;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.tickets.Ticket;
import org.careloop.tickets.TicketStore;

final class JdbcTicketStore implements TicketStore {

    private static final String SELECT = "select * from tickets";

    private final Jdbc jdbc;

    JdbcTicketStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Ticket open(Mention m, String token, String ratingToken, String subject, String priority, Analysis analysis, Instant at) {
        long id = jdbc.inTransaction(c -> {
            long ticket = Jdbc.insert(c, "insert into tickets (token, rating_token, status, platform, account, mention_id, conversation_id, "
                            + "author_id, author_handle, author_name, subject, priority, analysis, created_at, updated_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    token, ratingToken, Ticket.Status.OPEN.name(), m.platform().id(), m.account(), m.id(), m.conversationId(),
                    m.author().id(), Jdbc.cut(m.author().handle(), 255), Jdbc.cut(m.author().name(), 255), subject, priority,
                    JdbcMentionStore.toJson(analysis), at, at);
            message(c, ticket, Ticket.Kind.PUBLIC_POST, m.author().label(), m.text(), m.id(), at);
            JdbcAuditLog.record(c, at, "careloop", "ticket.open", "ticket:" + ticket, m.platform().id() + ":" + m.id());
            return ticket;
        });
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Ticket> find(long id) {
        return jdbc.one(SELECT + " where id = ?", JdbcTicketStore::ticket, id);
    }

    @Override
    public Optional<Ticket> findByToken(String token) {
        return jdbc.one(SELECT + " where token = ?", JdbcTicketStore::ticket, token);
    }

    @Override
    public Optional<Ticket> findByRatingToken(String token) {
        return jdbc.one(SELECT + " where rating_token = ?", JdbcTicketStore::ticket, token);
    }

    @Override
    public Optional<Ticket> findByPageToken(String token) {
        return jdbc.one(SELECT + " where page_token = ?", JdbcTicketStore::ticket, token);
    }

    @Override
    public boolean openPage(long ticketId, String pageToken, Instant at) {
        return jdbc.update("update tickets set page_token = ?, page_opened_at = ? where id = ? and page_token is null",
                pageToken, at, ticketId) == 1;
    }

    @Override
    public void newLink(long ticketId, String token, Instant at) {
        jdbc.update("update tickets set token = ?, page_token = null, page_opened_at = null, updated_at = ? where id = ?", token, at, ticketId);
    }

    @Override
    public Optional<Ticket> openFor(Platform platform, String account, String authorId) {
        return jdbc.one(SELECT + " where platform = ? and account = ? and author_id = ? and status in ('OPEN', 'WAITING') "
                + "order by updated_at desc, id desc limit 1", JdbcTicketStore::ticket, platform.id(), account, authorId);
    }

    @Override
    public Optional<Ticket> openIn(Platform platform, String conversationId, String authorId) {
        return jdbc.one(SELECT + " where platform = ? and conversation_id = ? and author_id = ? and status in ('OPEN', 'WAITING') "
                + "order by updated_at desc, id desc limit 1", JdbcTicketStore::ticket, platform.id(), conversationId, authorId);
    }

    @Override
    public Optional<Ticket> resolvedIn(Platform platform, String conversationId, String authorId) {
        return jdbc.one(SELECT + " where platform = ? and conversation_id = ? and author_id = ? and status in ('RESOLVED', 'CLOSED') "
                + "order by resolved_at desc, id desc limit 1", JdbcTicketStore::ticket, platform.id(), conversationId, authorId);
    }

    @Override
    public List<Ticket> list(Set<Ticket.Status> statuses, int limit) {
        if (statuses.isEmpty()) {
            return jdbc.list(SELECT + " order by updated_at desc, id desc limit ?", JdbcTicketStore::ticket, limit);
        }
        List<Object> args = new ArrayList<>();
        statuses.forEach(st -> args.add(st.name()));
        args.add(limit);
        return jdbc.list(SELECT + " where status in (" + String.join(", ", java.util.Collections.nCopies(statuses.size(), "?"))
                + ") order by updated_at desc, id desc limit ?", JdbcTicketStore::ticket, args.toArray());
    }

    @Override
    public boolean holdsPost(long ticketId, String postId) {
        return jdbc.one("select 1 from ticket_messages where ticket_id = ? and post_id = ?", rs -> true, ticketId, postId).isPresent();
    }

    @Override
    public long addMessage(long ticketId, Ticket.Kind kind, String author, String body, String postId, Ticket.Status status, Instant at) {
        return jdbc.inTransaction(c -> {
            long id = message(c, ticketId, kind, author, body, postId, at);
            if (status != null) {
                Jdbc.update(c, "update tickets set status = ?, updated_at = ? where id = ?", status.name(), at, ticketId);
            } else {
                Jdbc.update(c, "update tickets set updated_at = ? where id = ?", at, ticketId);
            }
            return id;
        });
    }

    private static long message(java.sql.Connection c, long ticketId, Ticket.Kind kind, String author, String body, String postId, Instant at)
            throws SQLException {
        return Jdbc.insert(c, "insert into ticket_messages (ticket_id, at, kind, author, body, post_id) values (?, ?, ?, ?, ?, ?)",
                ticketId, at, kind.name(), Jdbc.cut(author, 255), body, postId);
    }

    @Override
    public List<Ticket.Message> messages(long ticketId) {
        return jdbc.list("select * from ticket_messages where ticket_id = ? order by id", rs -> new Ticket.Message(rs.getLong("id"),
                rs.getLong("ticket_id"), Jdbc.instant(rs, "at"), Ticket.Kind.valueOf(rs.getString("kind")), rs.getString("author"),
                rs.getString("body"), rs.getString("post_id")), ticketId);
    }

    @Override
    public long addAttachment(long ticketId, long messageId, String filename, String contentType, byte[] content, Instant at) {
        return jdbc.run(c -> Jdbc.insert(c, "insert into ticket_attachments (ticket_id, message_id, filename, content_type, size_bytes, "
                + "content, created_at) values (?, ?, ?, ?, ?, ?, ?)", ticketId, messageId, Jdbc.cut(filename, 255), Jdbc.cut(contentType, 100),
                content.length, content, at));
    }

    @Override
    public List<Ticket.Attachment> attachments(long ticketId) {
        return jdbc.list("select id, ticket_id, message_id, filename, content_type, size_bytes, created_at from ticket_attachments "
                        + "where ticket_id = ? order by id", rs -> new Ticket.Attachment(rs.getLong("id"), rs.getLong("ticket_id"),
                        rs.getLong("message_id"), rs.getString("filename"), rs.getString("content_type"), rs.getInt("size_bytes"),
                        Jdbc.instant(rs, "created_at")), ticketId);
    }

    @Override
    public Optional<byte[]> attachmentContent(long ticketId, long attachmentId) {
        return jdbc.one("select content from ticket_attachments where ticket_id = ? and id = ?", rs -> rs.getBytes(1), ticketId, attachmentId);
    }

    @Override
    public boolean resolve(long ticketId, String actor, Instant at) {
        return jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, "update tickets set status = ?, resolved_at = ?, resolved_by = ?, updated_at = ? "
                    + "where id = ? and status in ('OPEN', 'WAITING')", Ticket.Status.RESOLVED.name(), at, actor, at, ticketId);
            if (changed == 1) {
                JdbcAuditLog.record(c, at, actor, "ticket.resolve", "ticket:" + ticketId, null);
            }
            return changed == 1;
        });
    }

    @Override
    public boolean close(long ticketId, String actor, Instant at) {
        return jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, "update tickets set status = ?, updated_at = ? where id = ? and status = 'RESOLVED'",
                    Ticket.Status.CLOSED.name(), at, ticketId);
            if (changed == 1) {
                JdbcAuditLog.record(c, at, actor, "ticket.close", "ticket:" + ticketId, null);
            }
            return changed == 1;
        });
    }

    @Override
    public void assign(long ticketId, String assignee, Instant at) {
        jdbc.update("update tickets set assignee = ?, updated_at = ? where id = ?", assignee, at, ticketId);
    }

    @Override
    public boolean rate(long ticketId, int rating, String comment, boolean replace, Instant at) {
        return jdbc.update("update tickets set rating = ?, rating_comment = ?, rated_at = ? where id = ?"
                + (replace ? "" : " and rating is null"), rating, comment, at, ticketId) == 1;
    }

    @Override
    public List<Life> opened(Instant since) {
        return jdbc.list("select id, created_at, resolved_at, status from tickets where created_at >= ? order by created_at, id",
                rs -> new Life(rs.getLong("id"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "resolved_at"),
                        Ticket.Status.valueOf(rs.getString("status"))), since);
    }

    @Override
    public int closingMessagesPublished(Instant since) {
        return jdbc.one("select count(*) from drafts where kind = 'CLOSING' and status = 'PUBLISHED' and created_at >= ?",
                rs -> rs.getInt(1), since).orElse(0);
    }

    @Override
    public List<Rating> ratings(Instant since) {
        return jdbc.list("select t.id, t.rating, t.resolved_by, t.rated_at, d.rule_id, d.template_id from tickets t "
                        + "left join drafts d on d.id = (select min(f.id) from drafts f where f.ticket_id = t.id and f.kind = 'REPLY') "
                        + "where t.rating is not null and t.rated_at >= ? order by t.rated_at, t.id",
                rs -> new Rating(rs.getLong("id"), rs.getInt("rating"), rs.getString("resolved_by"), Jdbc.instant(rs, "rated_at"),
                        rs.getString("rule_id"), rs.getString("template_id")), since);
    }



    private static Ticket ticket(ResultSet rs) throws SQLException {
        int rating = rs.getInt("rating");
        Integer r = rs.wasNull() ? null : rating;
        return new Ticket(rs.getLong("id"), rs.getString("token"), rs.getString("page_token"), Jdbc.instant(rs, "page_opened_at"),
                rs.getString("rating_token"), Ticket.Status.valueOf(rs.getString("status")),
                Platform.of(rs.getString("platform")), rs.getString("account"), rs.getString("mention_id"), rs.getString("conversation_id"),
                new Author(rs.getString("author_id"), rs.getString("author_handle"), rs.getString("author_name")), rs.getString("subject"),
                rs.getString("priority"), rs.getString("assignee"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"),
                Jdbc.instant(rs, "resolved_at"), rs.getString("resolved_by"), r, rs.getString("rating_comment"), Jdbc.instant(rs, "rated_at"));
    }
}
