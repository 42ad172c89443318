package org.careloop.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.careloop.care.Alerts;

/** The console's alert bar: SLA warnings and breaches, escalations, until someone acknowledges them. */
final class JdbcAlerts implements Alerts {

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcAlerts(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Alert raise(String kind, Long draftId, String message, int count) {
        Instant at = clock.instant();
        long id = jdbc.run(c -> insert(c, at, kind, draftId, message, count));
        return new Alert(id, at, kind, draftId, message, null, null, count);
    }

    /** Raises an alert on the caller's connection (and in its transaction); returns its id. */
    static long insert(java.sql.Connection c, Instant at, String kind, Long draftId, String message, int count) throws java.sql.SQLException {
        return Jdbc.insert(c, "insert into alerts (at, kind, draft_id, message, stands_for) values (?, ?, ?, ?, ?)",
                at, kind, draftId, message, count);
    }

    /** Rewrites an alert's message (a surge's latest size); on the caller's connection. */
    static void revise(java.sql.Connection c, long id, String message) throws java.sql.SQLException {
        Jdbc.update(c, "update alerts set message = ? where id = ?", message, id);
    }

    /** Alerts nobody has acknowledged yet, newest first. */
    public List<Alert> open(int limit) {
        return jdbc.list("select * from alerts where acknowledged_at is null order by id desc limit ?", JdbcAlerts::alert, limit);
    }

    public List<Alert> openOfKind(String kind, int limit) {
        return jdbc.list("select * from alerts where acknowledged_at is null and kind = ? order by id desc limit ?", JdbcAlerts::alert, kind, limit);
    }

    public List<Alert> latest(int limit) {
        return jdbc.list("select * from alerts order by id desc limit ?", JdbcAlerts::alert, limit);
    }

    public boolean acknowledge(long id, String actor) {
        return jdbc.update("update alerts set acknowledged_by = ?, acknowledged_at = ? where id = ? and acknowledged_at is null",
                actor, clock.instant(), id) == 1;
    }

    public java.util.Map<String, Integer> openByKind() {
        return jdbc.list("select kind, count(*) from alerts where acknowledged_at is null group by kind",
                        rs -> java.util.Map.entry(rs.getString(1), rs.getInt(2))).stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue, Integer::sum,
                        java.util.TreeMap::new));
    }

    public int acknowledgeKind(String kind, String actor) {
        return jdbc.update("update alerts set acknowledged_by = ?, acknowledged_at = ? where kind = ? and acknowledged_at is null",
                actor, clock.instant(), kind);
    }

    public List<Alert> latestOfKind(String kind, int limit) {
        return jdbc.list("select * from alerts where kind = ? order by id desc limit ?", JdbcAlerts::alert, kind, limit);
    }

    public List<Tally> openTallies() {
        return jdbc.list("select kind, count(*) as alerts, sum(stands_for) as stood_for, min(at) as since, max(at) as latest, max(id) as newest "
                        + "from alerts where acknowledged_at is null group by kind order by newest desc",
                rs -> new Tally(rs.getString("kind"), rs.getInt("alerts"), rs.getInt("stood_for"), Jdbc.instant(rs, "since"),
                        Jdbc.instant(rs, "latest")));
    }

    private static Alert alert(java.sql.ResultSet rs) throws java.sql.SQLException {
        long draft = rs.getLong("draft_id");
        // wasNull speaks of the last column read: ask it now, not after the others.
        Long draftId = rs.wasNull() ? null : draft;
        return new Alert(rs.getLong("id"), Jdbc.instant(rs, "at"), rs.getString("kind"), draftId,
                rs.getString("message"), rs.getString("acknowledged_by"), Jdbc.instant(rs, "acknowledged_at"), rs.getInt("stands_for"));
    }
}
