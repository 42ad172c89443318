package org.careloop.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.careloop.care.Clusters;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;

/** Clusters of pending replies: the clusters table and each draft's cluster_id. */
final class JdbcClusters implements Clusters {

    /** A draft in the queue now: pending and not snoozed (parameter: now). */
    private static final String WAITING = "d.status = '" + DraftStatus.PENDING.name() + "' and (d.snoozed_until is null or d.snoozed_until <= ?)";
    /** When the post was made; the draft's time for a post without one. */
    private static final String POSTED = "coalesce(m.created_at, d.created_at)";
    private static final String MEMBERS = " from drafts d join mentions m on m.platform = d.platform and m.id = d.mention_id ";

    private final Jdbc jdbc;

    JdbcClusters(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Candidate> candidates(String careAction, Instant postedAt, Duration window, int limit) {
        return jdbc.list("select c.id, c.lang, m.text from clusters c join drafts d on d.id = c.seed_draft_id "
                        + "join mentions m on m.platform = d.platform and m.id = d.mention_id "
                        + "where c.care_action = ? and c.last_at >= ? and c.first_at <= ? order by c.last_at desc, c.id desc limit ?",
                rs -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)),
                careAction, postedAt.minus(window), postedAt.plus(window), limit);
    }

    @Override
    public long start(Draft seed, String careAction, String lang) {
        Instant at = postedAt(seed);
        return jdbc.inTransaction(c -> {
            // A post triaged again (after a later step failed) keeps the cluster it has.
            Long placed = Jdbc.list(c, "select cluster_id from drafts where id = ?", rs -> (Long) rs.getObject(1, Long.class), seed.id())
                    .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (placed != null) {
                return placed;
            }
            long id = Jdbc.insert(c, "insert into clusters (care_action, lang, seed_draft_id, first_at, last_at) values (?, ?, ?, ?, ?)",
                    Jdbc.cut(careAction, 32), Jdbc.cut(lang, 16), seed.id(), at, at);
            Jdbc.update(c, "update drafts set cluster_id = ? where id = ?", id, seed.id());
            return id;
        });
    }

    @Override
    public void join(long clusterId, Draft draft) {
        Instant at = postedAt(draft);
        jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "update drafts set cluster_id = ? where id = ? and cluster_id is null", clusterId, draft.id()) == 0) {
                return null; // in a cluster already (a post triaged again)
            }
            // Two statements rather than least()/greatest(), which H2 and PostgreSQL treat alike only without nulls.
            Jdbc.update(c, "update clusters set first_at = ? where id = ? and first_at > ?", at, clusterId, at);
            Jdbc.update(c, "update clusters set last_at = ? where id = ? and last_at < ?", at, clusterId, at);
            // Joining an incident's cluster is joining the incident.
            JdbcIncidentStore.joinWithCluster(c, clusterId, draft.id(), at);
            return null;
        });
    }

    @Override
    public List<Summary> open(Instant now, int limit) {
        return summaries("", " having count(*) >= 2 order by count(*) desc, d.cluster_id limit ?", now, limit);
    }

    @Override
    public Optional<Summary> find(long id, Instant now) {
        Optional<Summary> waiting = summaries(" and d.cluster_id = ?", "", now, id).stream().findFirst();
        if (waiting.isPresent()) {
            return waiting;
        }
        return jdbc.one("select id, care_action, first_at, last_at, incident_id from clusters where id = ?",
                rs -> new Summary(rs.getLong("id"), rs.getString("care_action"), 0, Jdbc.instant(rs, "first_at"), Jdbc.instant(rs, "last_at"),
                        List.of(), incident(rs)), id);
    }

    /** Clusters counted over their waiting drafts, with their platforms. */
    private List<Summary> summaries(String where, String tail, Object... args) {
        Object now = args[0];
        List<Summary> found = jdbc.list("select d.cluster_id, c.care_action, c.incident_id, count(*) as size, min(" + POSTED + ") as first_at, max("
                        + POSTED + ") as last_at" + MEMBERS + "join clusters c on c.id = d.cluster_id where " + WAITING + where
                        + " group by d.cluster_id, c.care_action, c.incident_id" + tail,
                rs -> new Summary(rs.getLong("cluster_id"), rs.getString("care_action"), rs.getInt("size"), Jdbc.instant(rs, "first_at"),
                        Jdbc.instant(rs, "last_at"), List.of(), incident(rs)), args);
        if (found.isEmpty()) {
            return found;
        }
        Map<Long, TreeSet<String>> platforms = new TreeMap<>();
        String ids = String.join(",", found.stream().map(s -> String.valueOf(s.id())).toList());
        jdbc.list("select distinct d.cluster_id, d.platform from drafts d where d.cluster_id in (" + ids + ") and " + WAITING,
                rs -> Map.entry(rs.getLong(1), rs.getString(2)), now)
                .forEach(e -> platforms.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue()));
        List<Summary> out = new ArrayList<>(found.size());
        for (Summary s : found) {
            out.add(new Summary(s.id(), s.careAction(), s.size(), s.firstAt(), s.lastAt(),
                    List.copyOf(platforms.getOrDefault(s.id(), new TreeSet<>())), s.incidentId()));
        }
        return out;
    }

    @Override
    public List<Draft> waiting(long id, Instant now, int limit) {
        return jdbc.list(JdbcDraftStore.SELECT + " where d.cluster_id = ? and " + WAITING + " order by " + POSTED + ", d.id limit ?",
                JdbcDraftStore::draft, id, now, limit);
    }

    @Override
    public List<Waiting> waitingPerAccount(long id, Instant now) {
        return jdbc.list("select d.platform, m.account, count(*) as n" + MEMBERS + "where d.cluster_id = ? and " + WAITING
                        + " group by d.platform, m.account order by d.platform, m.account",
                rs -> new Waiting(rs.getString("platform").toLowerCase(java.util.Locale.ROOT), rs.getString("account"), rs.getInt("n")), id, now);
    }

    private static Instant postedAt(Draft d) {
        return d.mention().createdAt() != null ? d.mention().createdAt() : d.createdAt();
    }

    private static Long incident(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("incident_id");
        return rs.wasNull() ? null : id;
    }
}
