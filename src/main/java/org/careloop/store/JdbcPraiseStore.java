package org.careloop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.careloop.marketing.Praise;
import org.careloop.marketing.PraiseStore;
import org.careloop.platform.Platform;

final class JdbcPraiseStore implements PraiseStore {

    private static final String SELECT = "select p.id as praise_id, p.score, p.source, p.added_by, p.added_at, " + JdbcMentionStore.COLUMNS
            + " from praise p join mentions m on m.platform = p.platform and m.id = p.post_id";

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcPraiseStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Praise> add(Platform platform, String postId, double score, Praise.Source source, String addedBy) {
        // The unique key decides: of two nodes (or a rule and an agent) adding one post, exactly one wins.
        boolean added = jdbc.insertIfAbsent("insert into praise (platform, post_id, score, source, added_by, added_at) values (?, ?, ?, ?, ?, ?)",
                platform.id(), postId, score, source.name(), addedBy, clock.instant());
        return added ? find(platform, postId) : Optional.empty();
    }

    @Override
    public Optional<Praise> find(Platform platform, String postId) {
        return jdbc.one(SELECT + " where p.platform = ? and p.post_id = ?", JdbcPraiseStore::praise, platform.id(), postId);
    }

    @Override
    public List<Praise> list(Filter filter, Long before, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.platform() != null) {
            sql.append(" and p.platform = ?");
            args.add(filter.platform().id());
        }
        if (filter.from() != null) {
            sql.append(" and m.created_at >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and m.created_at < ?");
            args.add(filter.to());
        }
        if (filter.minScore() != null) {
            sql.append(" and p.score >= ?");
            args.add(filter.minScore());
        }
        if (before != null) {
            sql.append(" and p.id < ?");
            args.add(before);
        }
        sql.append(" order by p.id desc limit ?");
        args.add(limit);
        return jdbc.list(sql.toString(), JdbcPraiseStore::praise, args.toArray());
    }

    private static Praise praise(ResultSet rs) throws SQLException {
        var m = JdbcMentionStore.mention(rs);
        return new Praise(rs.getLong("praise_id"), m.platform(), m.id(), m.account(), m.author(), m.text(), m.permalink(), m.lang(),
                rs.getDouble("score"), m.createdAt(), Jdbc.instant(rs, "added_at"), Praise.Source.valueOf(rs.getString("source")),
                rs.getString("added_by"));
    }
}
