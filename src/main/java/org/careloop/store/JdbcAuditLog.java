package org.careloop.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.careloop.care.AuditLog;

/** Who did what and when: approvals, rejections, publishing, logins. Append only. */
final class JdbcAuditLog implements AuditLog {

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcAuditLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String subject, String detail) {
        jdbc.run(c -> {
            record(c, clock.instant(), actor, action, subject, detail);
            return null;
        });
    }

    /** Within the caller's transaction, so the entry commits with the change it describes. */
    static void record(Connection c, Instant at, String actor, String action, String subject, String detail) throws SQLException {
        Jdbc.update(c, "insert into audit_log (at, actor, action, subject, detail) values (?, ?, ?, ?, ?)",
                at, actor, action, Jdbc.cut(subject, 255), detail);
    }

    /** The latest entries, newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.list("select * from audit_log order by id desc limit ?",
                rs -> new Entry(rs.getLong("id"), Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("detail")), limit);
    }
}
