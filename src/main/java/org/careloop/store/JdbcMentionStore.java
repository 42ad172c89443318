package org.careloop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.careloop.analysis.Analysis;
import org.careloop.config.Json;
import org.careloop.pipeline.MentionStore;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;

final class JdbcMentionStore implements MentionStore {

    static final String COLUMNS = "m.platform, m.id, m.account, m.author_id, m.author_handle, m.author_name, m.author_since, m.text, m.lang, "
            + "m.created_at, m.conversation_id, m.in_reply_to_id, m.permalink, m.retweet, m.from_brand";

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcMentionStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean insertIfNew(Mention m) {
        return insert(m, 0);
    }

    private boolean insert(Mention m, int attempts) {
        // The primary key decides: of two nodes or two feeds racing on one post, exactly one wins.
        return jdbc.insertIfAbsent("insert into mentions (platform, id, account, author_id, author_handle, author_name, author_since, text, lang, "
                        + "created_at, conversation_id, in_reply_to_id, permalink, retweet, from_brand, seen_at, triage_attempts) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.platform().id(), m.id(), m.account(), m.author().id(), Jdbc.cut(m.author().handle(), 255), Jdbc.cut(m.author().name(), 255),
                m.author().since(),
                m.text(), Jdbc.cut(m.lang(), 16), m.createdAt(), m.conversationId(), m.inReplyToId(), Jdbc.cut(m.permalink(), 1024),
                m.retweet(), m.fromBrand(), clock.instant(), attempts);
    }

    @Override
    public boolean admit(Mention m, int maxAttempts) {
        // The conditional update counts the attempt and decides, as the key does for a new post.
        return insert(m, 1) || jdbc.update("update mentions set triage_attempts = triage_attempts + 1 "
                + "where platform = ? and id = ? and triaged_at is null and not " + USED_UP, m.platform().id(), m.id(),
                maxAttempts, maxAttempts * INTERRUPTED_ROOM) == 1;
    }

    @Override
    public void triaged(Platform platform, String id) {
        // claimed_by stays: the node that triaged the post.
        jdbc.update("update mentions set triaged_at = ?, triage_error = null, claimed_until = null where platform = ? and id = ?",
                clock.instant(), platform.id(), id);
    }

    /** Not triaged and held by no node: never claimed, released, or its lease over. */
    private static final String UNHELD = "triaged_at is null and (claimed_until is null or claimed_until <= ?)";

    @Override
    public Optional<Mention> claim(String node, Duration lease, int maxAttempts) {
        Instant now = clock.instant();
        return jdbc.inTransaction(c -> {
            // The row stays locked until the commit; the other nodes' claims skip it rather than wait, and take the next.
            Optional<Mention> free = Jdbc.list(c, CLAIM, JdbcMentionStore::mention,
                    now, maxAttempts, maxAttempts * INTERRUPTED_ROOM).stream().findFirst();
            if (free.isPresent()) {
                Jdbc.update(c, "update mentions set triage_attempts = triage_attempts + 1, claimed_by = ?, claimed_until = ? "
                        + "where platform = ? and id = ?", Jdbc.cut(node, 64), now.plus(lease), free.get().platform().id(), free.get().id());
            }
            return free;
        });
    }

    @Override
    public boolean renew(Platform platform, String id, String node, Duration lease) {
        return jdbc.update("update mentions set claimed_until = ? where platform = ? and id = ? and claimed_by = ? and triaged_at is null",
                clock.instant().plus(lease), platform.id(), id, Jdbc.cut(node, 64)) == 1;
    }

    @Override
    public boolean release(Platform platform, String id, String node, Duration after) {
        return jdbc.update("update mentions set claimed_until = ? where platform = ? and id = ? and claimed_by = ? and triaged_at is null",
                clock.instant().plus(after), platform.id(), id, Jdbc.cut(node, 64)) == 1;
    }

    @Override
    public void attemptWithdrawn(Platform platform, String id) {
        jdbc.update("update mentions set triage_attempts = triage_attempts - 1 where platform = ? and id = ? and triaged_at is null "
                + "and triage_attempts > 0", platform.id(), id);
    }

    @Override
    public int triageFailed(Platform platform, String id, String error) {
        jdbc.update("update mentions set triage_error = ? where platform = ? and id = ?", error, platform.id(), id);
        return jdbc.one("select triage_attempts from mentions where platform = ? and id = ?", rs -> rs.getInt(1), platform.id(), id).orElse(0);
    }

    /** A post's attempts are used up: the failures it recorded, or the interrupted ones, reached their limit. */
    private static final String USED_UP = "((triage_error is not null and triage_attempts >= ?) or triage_attempts >= ?)";

    /** The oldest waiting post nobody holds, locked; parameters: now, the attempts allowed, the interrupted attempts allowed. */
    static final String CLAIM = "select " + COLUMNS + " from mentions m where " + UNHELD + " and not " + USED_UP
            + " order by m.seen_at limit 1 for update skip locked";

    // A post under a live claim is still being triaged (its last attempt counts from the claim): not set aside yet.
    private static final String SET_ASIDE = "select " + COLUMNS + ", m.triage_attempts, m.triage_error from mentions m "
            + "where m.triaged_at is null and " + USED_UP + " and (m.claimed_until is null or m.claimed_until <= ?)";

    @Override
    public List<SetAside> setAside(int maxAttempts, int limit) {
        return jdbc.list(SET_ASIDE + " order by m.seen_at desc, m.id desc limit ?", JdbcMentionStore::setAside, maxAttempts,
                maxAttempts * INTERRUPTED_ROOM, clock.instant(), limit);
    }

    @Override
    public Optional<SetAside> findSetAside(Platform platform, String id, int maxAttempts) {
        return jdbc.one(SET_ASIDE + " and m.platform = ? and m.id = ?", JdbcMentionStore::setAside, maxAttempts,
                maxAttempts * INTERRUPTED_ROOM, clock.instant(), platform.id(), id);
    }

    private static SetAside setAside(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SetAside(mention(rs), rs.getInt("triage_attempts"), rs.getString("triage_error"));
    }

    @Override
    public boolean retryTriage(Platform platform, String id, int maxAttempts) {
        // One attempt left: a failure sets it aside again at once, since no poll delivers it a second time.
        // The error stays (or is noted), so the attempt left is one whichever way it ends.
        return jdbc.update("update mentions set triage_attempts = ?, triage_error = coalesce(triage_error, 'interrupted: the process stopped "
                + "during triage') where platform = ? and id = ? and triaged_at is null and " + USED_UP,
                maxAttempts - 1, platform.id(), id, maxAttempts, maxAttempts * INTERRUPTED_ROOM) == 1;
    }

    @Override
    public boolean retryClaimed(Platform platform, String id, int maxAttempts, String node, Duration lease) {
        // As retryTriage, with the attempt counted and claimed at once: it is the last, whichever way it ends. A post
        // a claim holds is being retried already (two people clicked Retry): not a second time meanwhile.
        Instant now = clock.instant();
        return jdbc.update("update mentions set triage_attempts = ?, triage_error = coalesce(triage_error, 'interrupted: the process stopped "
                + "during triage'), claimed_by = ?, claimed_until = ? where platform = ? and id = ? and " + UNHELD + " and " + USED_UP,
                maxAttempts, Jdbc.cut(node, 64), now.plus(lease), platform.id(), id, now, maxAttempts, maxAttempts * INTERRUPTED_ROOM) == 1;
    }

    @Override
    public Optional<Mention> find(Platform platform, String id) {
        return jdbc.one("select " + COLUMNS + " from mentions m where m.platform = ? and m.id = ?",
                JdbcMentionStore::mention, platform.id(), id);
    }

    @Override
    public List<Mention> thread(Platform platform, String conversationId) {
        return jdbc.list("select " + COLUMNS + " from mentions m where m.platform = ? and m.conversation_id = ? order by m.created_at, m.id",
                JdbcMentionStore::mention, platform.id(), conversationId);
    }

    @Override
    public List<Mention> repliesTo(Platform platform, String id) {
        return jdbc.list("select " + COLUMNS + " from mentions m where m.platform = ? and m.in_reply_to_id = ? order by m.created_at, m.id",
                JdbcMentionStore::mention, platform.id(), id);
    }

    @Override
    public boolean dismissTriage(Platform platform, String id, int maxAttempts) {
        return jdbc.update("update mentions set triaged_at = ? where platform = ? and id = ? and triaged_at is null and triage_attempts >= ?",
                clock.instant(), platform.id(), id, maxAttempts) == 1;
    }

    @Override
    public void saveAnalysis(Platform platform, String id, Analysis analysis) {
        Object[] labels = labels(analysis);
        jdbc.update("update mentions set analysis = ?, " + LABELS + " where platform = ? and id = ?", toJson(analysis),
                labels[0], labels[1], labels[2], platform.id(), id);
    }

    /** The columns the volume report counts, beside the analysis, set from {@link #labels}. */
    static final String LABELS = "sentiment = ?, intent = ?, troll = ?";

    static Object[] labels(Analysis a) {
        return new Object[] {a.sentiment().label().id(), a.intent().label().id(), a.troll().label()};
    }

    @Override
    public List<Volume> volume(Instant since) {
        // Days counted from the epoch, so they are UTC days whatever the database's time zone.
        String day = "floor(extract(epoch from m.seen_at) / 86400)";
        return jdbc.list("select m.platform, " + day + " as epoch_day, m.sentiment, m.intent, m.troll, m.decided_action, count(*) as posts "
                        + "from mentions m where m.seen_at >= ? and m.retweet = false and m.from_brand = false "
                        + "group by m.platform, " + day + ", m.sentiment, m.intent, m.troll, m.decided_action",
                rs -> new Volume(Platform.of(rs.getString("platform")), java.time.LocalDate.ofEpochDay(rs.getLong("epoch_day")), rs.getString("sentiment"),
                        rs.getString("intent"), rs.getBoolean("troll"), rs.getString("decided_action"), rs.getInt("posts")), since);
    }

    @Override
    public Optional<Analysis> findAnalysis(Platform platform, String id) {
        return jdbc.one("select analysis from mentions where platform = ? and id = ? and analysis is not null",
                rs -> fromJson(rs.getString(1), Analysis.class), platform.id(), id);
    }

    @Override
    public java.util.Map<String, Analysis> analysesInThread(Platform platform, String conversationId) {
        return jdbc.list("select id, analysis from mentions where platform = ? and conversation_id = ? and analysis is not null",
                        rs -> java.util.Map.entry(rs.getString(1), fromJson(rs.getString(2), Analysis.class)), platform.id(), conversationId)
                .stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    @Override
    public void saveDecision(Platform platform, String id, Decision decision) {
        jdbc.update("update mentions set decision = ?, decided_action = ?, decided_at = ? where platform = ? and id = ?",
                toJson(decision), decision.action().name(), clock.instant(), platform.id(), id);
    }

    @Override
    public Optional<Decision> findDecision(Platform platform, String id) {
        return jdbc.one("select decision from mentions where platform = ? and id = ? and decision is not null",
                rs -> fromJson(rs.getString(1), Decision.class), platform.id(), id);
    }

    static Mention mention(ResultSet rs) throws SQLException {
        return new Mention(Platform.of(rs.getString("platform")), rs.getString("account"), rs.getString("id"),
                new Author(rs.getString("author_id"), rs.getString("author_handle"), rs.getString("author_name"),
                        Jdbc.instant(rs, "author_since")),
                rs.getString("text"), rs.getString("lang"), Jdbc.instant(rs, "created_at"), rs.getString("conversation_id"),
                rs.getString("in_reply_to_id"), rs.getString("permalink"), rs.getBoolean("retweet"), rs.getBoolean("from_brand"));
    }

    @Override
    public List<Decided> ignored(int limit) {
        return jdbc.list("select " + COLUMNS + ", m.decision, m.analysis, " + MODERATION + " from mentions m "
                        + "where m.decided_action in ('IGNORE', 'HIDE') order by m.decided_at desc, m.id desc limit ?",
                rs -> new Decided(mention(rs), fromJson(rs.getString("decision"), Decision.class),
                        rs.getString("analysis") == null ? null : fromJson(rs.getString("analysis"), Analysis.class), moderation(rs)), limit);
    }

    private static final String MODERATION = "m.hidden, m.hidden_reason, m.hidden_by, m.hidden_at, m.hide_error";

    @Override
    public void saveModeration(Platform platform, String id, Moderation m) {
        jdbc.update("update mentions set hidden = ?, hidden_reason = ?, hidden_by = ?, hidden_at = ?, hide_error = ? where platform = ? and id = ?",
                m.hidden(), m.reason(), Jdbc.cut(m.by(), 64), m.at(), m.error(), platform.id(), id);
    }

    @Override
    public Optional<Moderation> findModeration(Platform platform, String id) {
        return jdbc.one("select " + MODERATION + " from mentions m where m.platform = ? and m.id = ? and m.hidden_by is not null",
                JdbcMentionStore::moderation, platform.id(), id);
    }

    /** Null for a post never hidden nor tried. */
    private static Moderation moderation(ResultSet rs) throws SQLException {
        if (rs.getString("hidden_by") == null) {
            return null;
        }
        return new Moderation(rs.getBoolean("hidden"), rs.getString("hidden_reason"), rs.getString("hidden_by"),
                Jdbc.instant(rs, "hidden_at"), rs.getString("hide_error"));
    }

    @Override
    public int postsByAuthor(Platform platform, String authorId, Instant from, Instant to, String exceptId) {
        if (authorId == null) {
            return 0;
        }
        return jdbc.one("select count(*) from mentions where platform = ? and author_id = ? and created_at >= ? and created_at <= ? "
                        + "and id <> ? and retweet = false and from_brand = false", rs -> rs.getInt(1),
                platform.id(), authorId, from, to, exceptId == null ? "" : exceptId).orElse(0);
    }

    static String toJson(Object value) {
        try {
            return value == null ? null : Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T fromJson(String json, Class<T> type) {
        try {
            return json == null ? null : Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
