package org.careloop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.careloop.analysis.Analysis;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.care.DraftStore;
import org.careloop.care.Outbox;
import org.careloop.rules.Decision;

/**
 * Drafts in the database: their workflow (pending, claimed, approved, published), the outbox that sends
 * them, and the SLA milestones each takes once.
 *
 * <p>Long on purpose: every statement on the {@code drafts} table is here, where each compare-and-set can be
 * read against the others (a draft approved once, sent once, each milestone taken once, whichever node asks).
 */
final class JdbcDraftStore implements DraftStore, Outbox {

    /** A draft with its post; {@link #draft} reads the row (also for the clusters' drafts). */
    static final String SELECT = "select d.id as draft_id, d.analysis as draft_analysis, d.rule_id, d.template_id, "
            + "d.text as draft_text, d.status, d.created_at as drafted_at, d.deadline, d.decided_by, d.decided_at, "
            + "d.published_id, d.error, d.kind, d.action, d.priority, d.original_text, d.variants, d.auto_publish, d.auto_published, "
            + "d.gate, d.claimed_by, d.claimed_until, d.assigned_to, d.snoozed_until, d.escalated, d.warned_at, d.breached_at, d.ticket_id, d.parts, "
            + JdbcMentionStore.COLUMNS
            + " from drafts d join mentions m on m.platform = d.platform and m.id = d.mention_id";

    /** The queue's order: the least time left first, then urgent first among drafts with the same deadline. */
    private static final String DEADLINE_ORDER = "d.deadline, " + rank("d") + ", d.id";
    /** After draft {@code c} in {@link #DEADLINE_ORDER}. */
    private static final String AFTER_IN_DEADLINE_ORDER = "(d.deadline > c.deadline or (d.deadline = c.deadline and (" + rank("d") + " > "
            + rank("c") + " or (" + rank("d") + " = " + rank("c") + " and d.id > c.id))))";
    /** The latest decision first; coalesce: the same order on H2 and PostgreSQL, which place nulls differently. */
    private static final String DECIDED_ORDER = "coalesce(d.decided_at, d.created_at) desc, d.id desc";
    /** After draft {@code c} in {@link #DECIDED_ORDER}. */
    private static final String AFTER_IN_DECIDED_ORDER = "(coalesce(d.decided_at, d.created_at) < coalesce(c.decided_at, c.created_at) "
            + "or (coalesce(d.decided_at, d.created_at) = coalesce(c.decided_at, c.created_at) and d.id < c.id))";
    /** Nobody else holds a live claim (parameters: actor, now). */
    private static final String FREE_FOR = "(claimed_by is null or claimed_by = ? or claimed_until <= ?)";

    private final Jdbc jdbc;
    private final Clock clock;
    private final JdbcRecentTexts texts;

    JdbcDraftStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.texts = new JdbcRecentTexts(jdbc);
    }

    @Override
    public Draft create(Draft d) {
        Draft.Work w = d.work();
        long id = jdbc.run(c -> Jdbc.insert(c, "insert into drafts (platform, mention_id, analysis, rule_id, template_id, text, status, "
                        + "created_at, deadline, kind, action, priority, original_text, variants, auto_publish, escalated, ticket_id, parts) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.mention().platform().id(), d.mention().id(), JdbcMentionStore.toJson(d.analysis()), Jdbc.cut(d.ruleId(), 128),
                Jdbc.cut(d.templateId(), 128), d.text(), DraftStatus.PENDING.name(), d.createdAt(), d.deadline(), w.kind().name(),
                w.action().name(), w.priority().name(), d.text(), w.variants(), w.autoPublish(), w.escalated(), w.ticketId(),
                w.parts().isEmpty() ? null : Jdbc.cut(String.join(",", w.parts()), 500)));
        // Every stored text is in the day's ledger, whichever way it was drafted (usually taken there already).
        if (!d.text().isEmpty()) {
            texts.keep(d.mention().platform().id(), d.mention().account(), d.text(), d.createdAt());
        }
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Draft> find(long id) {
        return jdbc.one(SELECT + " where d.id = ?", JdbcDraftStore::draft, id);
    }

    @Override
    public Optional<Draft> publishedAs(String platform, String publishedId) {
        return jdbc.one(SELECT + " where d.platform = ? and d.published_id = ? order by d.id limit 1", JdbcDraftStore::draft, platform, publishedId);
    }

    @Override
    public List<Draft> forPost(String platform, String mentionId) {
        return jdbc.list(SELECT + " where d.platform = ? and d.mention_id = ? order by d.id", JdbcDraftStore::draft, platform, mentionId);
    }

    @Override
    public Optional<Draft> replyTo(String platform, String mentionId) {
        return jdbc.one(SELECT + " where d.platform = ? and d.mention_id = ? and d.kind = ? order by d.id limit 1", JdbcDraftStore::draft,
                platform, mentionId, Draft.Kind.REPLY.name());
    }

    @Override
    public List<Draft> list(DraftStatus status, Long after, int limit) {
        return status == null ? page("1 = 1", DEADLINE_ORDER, AFTER_IN_DEADLINE_ORDER, after, limit)
                : page("d.status = ?", DEADLINE_ORDER, AFTER_IN_DEADLINE_ORDER, after, limit, status.name());
    }

    @Override
    public List<Draft> queue(Instant now, boolean snoozed, Long after, int limit) {
        String when = snoozed ? "d.snoozed_until > ?" : "(d.snoozed_until is null or d.snoozed_until <= ?)";
        return page("d.status = ? and " + when, DEADLINE_ORDER, AFTER_IN_DEADLINE_ORDER, after, limit, DraftStatus.PENDING.name(), now);
    }

    @Override
    public int queueSize(Instant now, boolean snoozed) {
        String when = snoozed ? "snoozed_until > ?" : "(snoozed_until is null or snoozed_until <= ?)";
        return jdbc.one("select count(*) from drafts where status = ? and " + when, rs -> rs.getInt(1), DraftStatus.PENDING.name(), now)
                .orElse(0);
    }

    @Override
    public List<Draft> decided(Long after, int limit) {
        return page("d.status <> ?", DECIDED_ORDER, AFTER_IN_DECIDED_ORDER, after, limit, DraftStatus.PENDING.name());
    }

    /**
     * The drafts that meet {@code condition}, in {@code order}, from the one after draft {@code after} on.
     * The cursor draft's own values (deadline, priority, decision time) are read from its row as {@code c}.
     */
    private List<Draft> page(String condition, String order, String afterCursor, Long after, int limit, Object... args) {
        List<Object> values = new java.util.ArrayList<>();
        if (after != null) {
            values.add(after);
        }
        values.addAll(java.util.Arrays.asList(args));
        values.add(limit);
        String sql = after == null ? SELECT + " where " + condition
                : SELECT + " join drafts c on c.id = ? where " + condition + " and " + afterCursor;
        return jdbc.list(sql + " order by " + order + " limit ?", JdbcDraftStore::draft, values.toArray());
    }

    @Override
    public Optional<Draft> approve(long id, String actor, String editedText, Instant at) {
        boolean approved = jdbc.inTransaction(c -> {
            // The status condition is the lock: of two agents approving at once, one updates a row.
            int changed = Jdbc.update(c, "update drafts set status = ?, text = coalesce(?, text), decided_by = ?, decided_at = ?, "
                    + "auto_published = ?, claimed_by = null, claimed_until = null where id = ? and status = ? and " + FREE_FOR,
                    DraftStatus.APPROVED.name(), blankToNull(editedText), actor, at, Draft.AUTO.equals(actor), id,
                    DraftStatus.PENDING.name(), actor, at);
            if (changed == 0) {
                return false;
            }
            Jdbc.update(c, "insert into outbox (draft_id, platform, account, in_reply_to_id, text, status, attempts, next_attempt_at, created_at) "
                    + "select d.id, d.platform, m.account, m.id, d.text, 'PENDING', 0, ?, ? "
                    + "from drafts d join mentions m on m.platform = d.platform and m.id = d.mention_id where d.id = ?", at, at, id);
            JdbcAuditLog.record(c, at, actor, Draft.AUTO.equals(actor) ? "draft.auto-approve"
                    : editedText == null || editedText.isBlank() ? "draft.approve" : "draft.edit-approve", "draft:" + id, null);
            return true;
        });
        Optional<Draft> found = approved ? find(id) : Optional.empty();
        // A person's own words are said too: no draft repeats them within the day.
        found.filter(d -> editedText != null && !editedText.isBlank())
                .ifPresent(d -> texts.keep(d.mention().platform().id(), d.mention().account(), d.text(), at));
        return found;
    }

    @Override
    public Optional<Draft> reject(long id, String actor, String reason, Instant at) {
        boolean rejected = jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, "update drafts set status = ?, error = ?, decided_by = ?, decided_at = ?, claimed_by = null, "
                    + "claimed_until = null where id = ? and status = ? and " + FREE_FOR,
                    DraftStatus.REJECTED.name(), blankToNull(reason), actor, at, id, DraftStatus.PENDING.name(), actor, at);
            if (changed == 1) {
                JdbcAuditLog.record(c, at, actor, "draft.reject", "draft:" + id, reason);
            }
            return changed == 1;
        });
        return rejected ? find(id) : Optional.empty();
    }

    @Override
    public Optional<Draft> retry(long id, String actor, Instant at) {
        boolean retried = jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, "update drafts set status = ?, error = null where id = ? and status = ?",
                    DraftStatus.APPROVED.name(), id, DraftStatus.FAILED.name());
            if (changed == 0) {
                return false;
            }
            // attempted_at stays: the earlier attempts may have reached the platform, so it is checked first.
            Jdbc.update(c, "update outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?, done_at = null "
                    + "where draft_id = ?", at, id);
            JdbcAuditLog.record(c, at, actor, "draft.retry", "draft:" + id, null);
            return true;
        });
        return retried ? find(id) : Optional.empty();
    }

    private static final String OUTBOX = "select id, draft_id, platform, account, in_reply_to_id, text, attempts, status, "
            + "attempted_at, next_attempt_at, last_error from outbox";

    @Override
    public List<OutboxEntry> due(Instant now, int limit) {
        return jdbc.list(OUTBOX + " where status in ('PENDING', 'SENDING') and next_attempt_at <= ? order by id limit ?",
                JdbcDraftStore::outboxEntry, now, limit);
    }

    @Override
    public Optional<OutboxEntry> outboxOf(long draftId) {
        return jdbc.one(OUTBOX + " where draft_id = ?", JdbcDraftStore::outboxEntry, draftId);
    }

    @Override
    public boolean markSending(long outboxId, Instant now, Instant leaseUntil) {
        // The due condition is the lock: of two publishers starting one entry, one updates the row.
        return jdbc.update("update outbox set status = 'SENDING', attempted_at = ?, next_attempt_at = ? "
                + "where id = ? and status in ('PENDING', 'SENDING') and next_attempt_at <= ?", now, leaseUntil, outboxId, now) == 1;
    }

    private static OutboxEntry outboxEntry(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), rs.getLong("draft_id"), rs.getString("platform"), rs.getString("account"),
                rs.getString("in_reply_to_id"), rs.getString("text"), rs.getInt("attempts"),
                OutboxStatus.valueOf(rs.getString("status")), Jdbc.instant(rs, "attempted_at"),
                Jdbc.instant(rs, "next_attempt_at"), rs.getString("last_error"));
    }

    @Override
    public void published(long outboxId, String publishedId, Instant at) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "update outbox set status = 'DONE', done_at = ? where id = ?", at, outboxId);
            Jdbc.update(c, "update drafts set status = ?, published_id = ?, error = null where id = (select draft_id from outbox where id = ?)",
                    DraftStatus.PUBLISHED.name(), publishedId, outboxId);
            JdbcAuditLog.record(c, at, "careloop", "draft.publish", "outbox:" + outboxId, publishedId);
            return null;
        });
    }

    @Override
    public void attemptFailed(long outboxId, String error, Instant nextAttempt) {
        Instant now = clock.instant();
        jdbc.inTransaction(c -> {
            if (nextAttempt != null) {
                Jdbc.update(c, "update outbox set status = 'PENDING', attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                        + "where id = ?", error, nextAttempt, outboxId);
            } else {
                Jdbc.update(c, "update outbox set attempts = attempts + 1, last_error = ?, status = 'FAILED', done_at = ? where id = ?",
                        error, now, outboxId);
                Jdbc.update(c, "update drafts set status = ?, error = ? where id = (select draft_id from outbox where id = ?)",
                        DraftStatus.FAILED.name(), error, outboxId);
                JdbcAuditLog.record(c, now, "careloop", "draft.publish-failed", "outbox:" + outboxId, error);
            }
            return null;
        });
    }

    @Override
    public Claim claim(long id, String actor, Instant until, Instant now) {
        return jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, "update drafts set claimed_by = ?, claimed_until = ? where id = ? and status = ? and " + FREE_FOR,
                    actor, until, id, DraftStatus.PENDING.name(), actor, now);
            Optional<Draft> d = Jdbc.list(c, SELECT + " where d.id = ?", JdbcDraftStore::draft, id).stream().findFirst();
            if (changed == 1) {
                JdbcAuditLog.record(c, now, actor, "draft.claim", "draft:" + id, null);
            }
            return new Claim(changed == 1, d.orElse(null));
        });
    }

    @Override
    public boolean release(long id, String actor) {
        return jdbc.update("update drafts set claimed_by = null, claimed_until = null where id = ? and claimed_by = ?", id, actor) == 1;
    }

    @Override
    public Optional<Draft> snooze(long id, String actor, Instant until, Instant now) {
        boolean done = jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, "update drafts set snoozed_until = ?, claimed_by = null, claimed_until = null "
                    + "where id = ? and status = ? and " + FREE_FOR, until, id, DraftStatus.PENDING.name(), actor, now);
            if (changed == 1) {
                JdbcAuditLog.record(c, now, actor, "draft.snooze", "draft:" + id, String.valueOf(until));
            }
            return changed == 1;
        });
        return done ? find(id) : Optional.empty();
    }

    @Override
    public Optional<Draft> assign(long id, String actor, String assignee, Instant now) {
        boolean done = jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, "update drafts set assigned_to = ? where id = ? and status = ?",
                    blankToNull(assignee), id, DraftStatus.PENDING.name());
            if (changed == 1) {
                JdbcAuditLog.record(c, now, actor, "draft.assign", "draft:" + id, assignee);
            }
            return changed == 1;
        });
        return done ? find(id) : Optional.empty();
    }

    @Override
    public void holdForPerson(long id, String gate) {
        jdbc.update("update drafts set gate = ? where id = ?", gate, id);
    }

    @Override
    public boolean markWarned(long id, Instant at) {
        return jdbc.update("update drafts set warned_at = ? where id = ? and warned_at is null and status = ?",
                at, id, DraftStatus.PENDING.name()) == 1;
    }

    @Override
    public boolean markHeld(long id, Instant at) {
        return jdbc.update("update drafts set held_at = ? where id = ? and held_at is null and status = ?",
                at, id, DraftStatus.PENDING.name()) == 1;
    }

    @Override
    public boolean markBreached(long id, Instant at) {
        return jdbc.update("update drafts set breached_at = ?, escalated = true where id = ? and breached_at is null", at, id) == 1;
    }

    @Override
    public List<SlaDue> slaDue(Instant warnBy, Instant holdBy, Instant breachBy, int limit) {
        String warn = "d.warned_at is null and d.deadline <= ?";
        String hold = "d.held_at is null and d.deadline <= ?";
        String breach = "d.breached_at is null and d.deadline <= ?";
        return jdbc.list("select d.id, case when " + warn + " then 1 else 0 end, case when " + hold + " then 1 else 0 end, "
                        + "case when " + breach + " then 1 else 0 end from drafts d where d.status = ? and d.kind = ? "
                        + "and ((" + warn + ") or (" + hold + ") or (" + breach + ")) "
                        + "and not exists (select 1 from drafts o where o.platform = d.platform and o.mention_id = d.mention_id "
                        + "and o.status in (?, ?)) order by d.deadline, d.id limit ?",
                rs -> new SlaDue(rs.getLong(1), rs.getInt(2) == 1, rs.getInt(3) == 1, rs.getInt(4) == 1),
                warnBy, holdBy, breachBy, DraftStatus.PENDING.name(), Draft.Kind.REPLY.name(), warnBy, holdBy, breachBy,
                DraftStatus.APPROVED.name(), DraftStatus.PUBLISHED.name(), limit);
    }

    @Override
    public List<org.careloop.platform.Conversation.Turn> repliesInConversation(String platform, String conversationId) {
        return jdbc.list("select d.text, coalesce(d.decided_at, d.created_at) as at from drafts d join mentions m on m.platform = d.platform "
                        + "and m.id = d.mention_id where m.platform = ? and m.conversation_id = ? and d.status in (?, ?) "
                        // A published reply the account's feed read back is in the thread as that post.
                        + "and not exists (select 1 from mentions b where b.platform = d.platform and b.id = d.published_id) "
                        + "order by coalesce(d.decided_at, d.created_at), d.id limit 50",
                rs -> new org.careloop.platform.Conversation.Turn(true, rs.getString("text"), Jdbc.instant(rs, "at")),
                platform, conversationId, DraftStatus.APPROVED.name(), DraftStatus.PUBLISHED.name());
    }

    @Override
    public List<String> recentRepliesTo(String platform, String authorId, int limit) {
        return jdbc.list("select d.text from drafts d join mentions m on m.platform = d.platform and m.id = d.mention_id "
                        + "where m.platform = ? and m.author_id = ? and d.status <> ? order by d.created_at desc, d.id desc limit ?",
                rs -> rs.getString(1), platform, authorId, DraftStatus.REJECTED.name(), limit);
    }

    @Override
    public List<String> repliesOnAccountSince(String platform, String account, Instant since) {
        return jdbc.list("select d.text from drafts d join mentions m on m.platform = d.platform and m.id = d.mention_id "
                        + "where m.platform = ? and m.account = ? and d.created_at >= ? and d.status <> ? order by d.created_at desc limit 2000",
                rs -> rs.getString(1), platform, account, since, DraftStatus.REJECTED.name());
    }

    @Override
    public int autoApprovedSince(String platform, String account, String authorId, Instant since) {
        String byAuthor = authorId == null ? "" : " and m.author_id = ?";
        Object[] args = authorId == null ? new Object[] {platform, account, since} : new Object[] {platform, account, since, authorId};
        return jdbc.one("select count(*) from drafts d join mentions m on m.platform = d.platform and m.id = d.mention_id "
                + "where d.platform = ? and m.account = ? and d.auto_published = true and d.decided_at >= ?" + byAuthor,
                rs -> rs.getInt(1), args).orElse(0);
    }

    @Override
    public boolean replyUnderway(String platform, String mentionId) {
        return jdbc.one("select count(*) from drafts where platform = ? and mention_id = ? and status in (?, ?)",
                rs -> rs.getInt(1), platform, mentionId, DraftStatus.APPROVED.name(), DraftStatus.PUBLISHED.name()).orElse(0) > 0;
    }

    @Override
    public java.util.Map<DraftStatus, Integer> countByStatus() {
        java.util.Map<DraftStatus, Integer> counts = new java.util.EnumMap<>(DraftStatus.class);
        jdbc.list("select status, count(*) from drafts group by status", rs -> java.util.Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> counts.put(DraftStatus.valueOf(e.getKey()), e.getValue()));
        return counts;
    }

    @Override
    public Optional<Instant> firstReplyAt(String platform, String mentionId) {
        // min() answers one row, null while nothing is published.
        return jdbc.list("select min(o.done_at) as first_at from drafts d join outbox o on o.draft_id = d.id and o.status = 'DONE' "
                        + "where d.platform = ? and d.mention_id = ?", rs -> Jdbc.instant(rs, "first_at"), platform, mentionId)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public List<Response> responses(Instant since) {
        // First response = the earliest reply the platform accepted for the post (a holding reply counts).
        return jdbc.list("select m.platform, m.id, m.created_at, min(o.done_at) as first_at from mentions m "
                        + "join drafts d on d.platform = m.platform and d.mention_id = m.id "
                        + "join outbox o on o.draft_id = d.id and o.status = 'DONE' "
                        + "where m.created_at >= ? group by m.platform, m.id, m.created_at order by m.created_at",
                rs -> new Response(rs.getString("platform"), rs.getString("id"), Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "first_at")), since);
    }

    @Override
    public List<Outcome> outcomes(Instant since) {
        return jdbc.list("select d.rule_id, d.template_id, d.variants, d.status, d.auto_published, d.text, d.original_text, d.parts, "
                        + "m.platform, m.author_id, m.conversation_id, m.created_at from drafts d "
                        + "join mentions m on m.platform = d.platform and m.id = d.mention_id "
                        // Drafts CareLoop withdrew itself (the team answered on the platform, a holding reply not sent) were never judged.
                        + "where d.kind = 'REPLY' and d.created_at >= ? and not (d.status = 'REJECTED' and d.decided_by = '" + Draft.AUTO + "') order by d.id",
                rs -> new Outcome(rs.getString("rule_id"), rs.getString("template_id"), rs.getInt("variants"),
                        DraftStatus.valueOf(rs.getString("status")), rs.getBoolean("auto_published"),
                        rs.getString("original_text") != null && !rs.getString("original_text").equals(rs.getString("text")),
                        nextSentiment(rs.getString("platform"), rs.getString("author_id"), rs.getString("conversation_id"),
                                Jdbc.instant(rs, "created_at")), parts(rs.getString("parts"))), since);
    }

    /** The sentiment of the author's next post in the same thread, if any: how the reply landed. */
    private String nextSentiment(String platform, String authorId, String conversationId, Instant after) {
        if (authorId == null || conversationId == null || after == null) {
            return null;
        }
        return jdbc.one("select analysis from mentions where platform = ? and author_id = ? and conversation_id = ? "
                        + "and created_at > ? and analysis is not null order by created_at limit 1",
                rs -> JdbcMentionStore.fromJson(rs.getString(1), Analysis.class), platform, authorId, conversationId, after)
                .map(a -> a.sentiment().label().id()).orElse(null);
    }

    @Override
    public void rateLimited(long outboxId, String error, Instant until) {
        jdbc.update("update outbox set status = 'PENDING', last_error = ?, next_attempt_at = ? where id = ?", error, until, outboxId);
    }

    private static List<String> parts(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(","));
    }

    private static Long ticket(ResultSet rs) throws SQLException {
        long t = rs.getLong("ticket_id");
        return rs.wasNull() ? null : t;
    }

    static Draft draft(ResultSet rs) throws SQLException {
        Draft.Work work = new Draft.Work(Draft.Kind.valueOf(rs.getString("kind")), Decision.Action.valueOf(rs.getString("action")),
                Decision.Priority.valueOf(rs.getString("priority")), rs.getString("original_text"), rs.getInt("variants"),
                rs.getBoolean("auto_publish"), rs.getBoolean("auto_published"), rs.getString("gate"), rs.getString("claimed_by"),
                Jdbc.instant(rs, "claimed_until"), rs.getString("assigned_to"), Jdbc.instant(rs, "snoozed_until"),
                rs.getBoolean("escalated"), Jdbc.instant(rs, "warned_at"), Jdbc.instant(rs, "breached_at"), ticket(rs), parts(rs.getString("parts")));
        return new Draft(rs.getLong("draft_id"), JdbcMentionStore.mention(rs),
                JdbcMentionStore.fromJson(rs.getString("draft_analysis"), Analysis.class), rs.getString("rule_id"),
                rs.getString("template_id"), rs.getString("draft_text"), DraftStatus.valueOf(rs.getString("status")),
                Jdbc.instant(rs, "drafted_at"), Jdbc.instant(rs, "deadline"), rs.getString("decided_by"),
                Jdbc.instant(rs, "decided_at"), rs.getString("published_id"), rs.getString("error"), work);
    }

    /** Urgent first: the rank of draft {@code alias}'s priority. */
    private static String rank(String alias) {
        return "case " + alias + ".priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
