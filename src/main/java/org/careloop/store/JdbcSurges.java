package org.careloop.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.careloop.care.Surges;

/** Posts per minute per topic and care action, and the surges found in them. */
final class JdbcSurges implements Surges {

    private final Jdbc jdbc;

    JdbcSurges(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SINCE = "surge.counting-since";

    public Instant countingSince(Instant now) {
        jdbc.insertIfAbsent("insert into app_settings (name, setting_value, updated_by, updated_at) values (?, ?, 'careloop', ?)",
                SINCE, now.toString(), now);
        return jdbc.one("select setting_value from app_settings where name = ?", rs -> Instant.parse(rs.getString(1)), SINCE).orElseThrow();
    }

    public void count(Instant minute, Collection<String> series) {
        jdbc.run(c -> {
            for (String s : series) {
                add(c, s, minute);
            }
            return null;
        });
    }

    /** One more post in the row, created by whichever node or thread comes first; the others add to it. */
    private static void add(Connection c, String series, Instant minute) throws SQLException {
        String more = "update surge_counts set posts = posts + 1 where series = ? and minute_at = ?";
        if (Jdbc.update(c, more, series, minute) > 0) {
            return;
        }
        if (!Jdbc.insertIfAbsent(c, "insert into surge_counts (series, minute_at, posts) values (?, ?, 1)", series, minute)) {
            Jdbc.update(c, more, series, minute); // another node inserted it meanwhile
        }
    }

    public Map<String, NavigableMap<Instant, Integer>> counts(Instant from) {
        Map<String, NavigableMap<Instant, Integer>> out = new TreeMap<>();
        for (Object[] row : jdbc.list("select series, minute_at, posts from surge_counts where minute_at >= ?",
                rs -> new Object[] {rs.getString(1), Jdbc.instant(rs, "minute_at"), rs.getInt(3)}, from)) {
            out.computeIfAbsent((String) row[0], k -> new TreeMap<>()).put((Instant) row[1], (Integer) row[2]);
        }
        return out;
    }

    public NavigableMap<Instant, Integer> counts(String series, Instant from) {
        NavigableMap<Instant, Integer> out = new TreeMap<>();
        jdbc.list("select minute_at, posts from surge_counts where series = ? and minute_at >= ?",
                rs -> Map.entry(Jdbc.instant(rs, "minute_at"), rs.getInt(2)), series, from).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public int forget(Instant before) {
        return jdbc.update("delete from surge_counts where minute_at < ?", before);
    }

    public List<Surge> open() {
        return jdbc.list("select * from surges where open_series is not null order by id", JdbcSurges::surge);
    }

    public Optional<Surge> byAlert(long alertId) {
        return jdbc.one("select * from surges where alert_id = ?", JdbcSurges::surge, alertId);
    }

    public Optional<Surge> start(Surge s, String message) {
        String about = Jdbc.cut(s.about(), 255);
        return jdbc.inTransaction(c -> {
            if (!Jdbc.insertIfAbsent(c, "insert into surges (series, open_series, about, started_at, raised_at, usual, threshold, posts, peak)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", s.series(), s.series(), about, s.startedAt(), s.raisedAt(), s.usual(),
                    s.threshold(), s.posts(), s.peak())) {
                return Optional.<Surge>empty(); // open already: another node (or thread) raised it
            }
            long id = Jdbc.list(c, "select id from surges where open_series = ?", rs -> rs.getLong(1), s.series()).get(0);
            long alert = JdbcAlerts.insert(c, s.raisedAt(), "surge", null, message, 1);
            Jdbc.update(c, "update surges set alert_id = ? where id = ?", alert, id);
            return Optional.of(new Surge(id, s.series(), about, s.startedAt(), s.raisedAt(), null, s.usual(), s.threshold(), s.posts(),
                    s.peak(), alert));
        });
    }

    public void progress(long id, int posts, int peak, String message) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "update surges set posts = ?, peak = ? where id = ? and ended_at is null", posts, peak, id);
            reviseAlert(c, id, message);
            return null;
        });
    }

    public boolean end(long id, Instant at, int posts, int peak, String message) {
        return jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "update surges set ended_at = ?, open_series = null, posts = ?, peak = ? where id = ? and ended_at is null",
                    at, posts, peak, id) == 0) {
                return false;
            }
            reviseAlert(c, id, message);
            return true;
        });
    }

    private static void reviseAlert(Connection c, long surgeId, String message) throws SQLException {
        for (Long alert : Jdbc.list(c, "select alert_id from surges where id = ? and alert_id is not null", rs -> rs.getLong(1), surgeId)) {
            JdbcAlerts.revise(c, alert, message);
        }
    }

    private static Surge surge(ResultSet rs) throws SQLException {
        long alert = rs.getLong("alert_id");
        Long alertId = rs.wasNull() ? null : alert;
        return new Surge(rs.getLong("id"), rs.getString("series"), rs.getString("about"), Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "raised_at"), Jdbc.instant(rs, "ended_at"), rs.getDouble("usual"), rs.getInt("threshold"),
                rs.getInt("posts"), rs.getInt("peak"), alertId);
    }
}
