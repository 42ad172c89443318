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

final class JdbcDraftStore implements DraftStore {

    private static final String SELECT = "select d.id as draft_id, d.analysis as draft_analysis, d.rule_id, d.template_id, "
            + "d.text as draft_text, d.status, d.created_at as drafted_at, d.deadline, d.decided_by, d.decided_at, "
            + "d.published_id, d.error, " + JdbcMentionStore.COLUMNS
            + " from drafts d join mentions m on m.platform = d.platform and m.id = d.mention_id";

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcDraftStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Draft create(Draft d) {
        long id = jdbc.run(c -> Jdbc.insert(c, "insert into drafts (platform, mention_id, analysis, rule_id, template_id, text, status, "
                        + "created_at, deadline) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.mention().platform().id(), d.mention().id(), JdbcMentionStore.toJson(d.analysis()), d.ruleId(),
                d.templateId(), d.text(), DraftStatus.PENDING.name(), d.createdAt(), d.deadline()));
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Draft> find(long id) {
        return jdbc.one(SELECT + " where d.id = ?", JdbcDraftStore::draft, id);
    }

    @Override
    public List<Draft> list(DraftStatus status, int limit) {
        if (status == null) {
            return jdbc.list(SELECT + " order by d.deadline, d.id limit ?", JdbcDraftStore::draft, limit);
        }
        return jdbc.list(SELECT + " where d.status = ? order by d.deadline, d.id limit ?", JdbcDraftStore::draft, status.name(), limit);
    }

    @Override
    public List<Draft> decided(int limit) {
        // coalesce: the same order on H2 and PostgreSQL, which place nulls differently
        return jdbc.list(SELECT + " where d.status <> ? order by coalesce(d.decided_at, d.created_at) desc, d.id desc limit ?",
                JdbcDraftStore::draft, DraftStatus.PENDING.name(), limit);
    }

    @Override
    public Optional<Draft> approve(long id, String actor, String editedText, Instant at) {
        boolean approved = jdbc.inTransaction(c -> {
            // The status condition is the lock: of two agents approving at once, one updates a row.
            int changed = Jdbc.update(c, "update drafts set status = ?, text = coalesce(?, text), decided_by = ?, decided_at = ? "
                    + "where id = ? and status = ?", DraftStatus.APPROVED.name(), blankToNull(editedText), actor, at, id,
                    DraftStatus.PENDING.name());
            if (changed == 0) {
                return false;
            }
            Jdbc.update(c, "insert into outbox (draft_id, platform, account, in_reply_to_id, text, status, attempts, next_attempt_at, created_at) "
                    + "select d.id, d.platform, m.account, m.id, d.text, 'PENDING', 0, ?, ? "
                    + "from drafts d join mentions m on m.platform = d.platform and m.id = d.mention_id where d.id = ?", at, at, id);
            AuditLog.record(c, at, actor, editedText == null || editedText.isBlank() ? "draft.approve" : "draft.edit-approve",
                    "draft:" + id, null);
            return true;
        });
        return approved ? find(id) : Optional.empty();
    }

    @Override
    public Optional<Draft> reject(long id, String actor, String reason, Instant at) {
        boolean rejected = jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, "update drafts set status = ?, error = ?, decided_by = ?, decided_at = ? where id = ? and status = ?",
                    DraftStatus.REJECTED.name(), blankToNull(reason), actor, at, id, DraftStatus.PENDING.name());
            if (changed == 1) {
                AuditLog.record(c, at, actor, "draft.reject", "draft:" + id, reason);
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
            AuditLog.record(c, at, actor, "draft.retry", "draft:" + id, null);
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
            AuditLog.record(c, at, "careloop", "draft.publish", "outbox:" + outboxId, publishedId);
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
                AuditLog.record(c, now, "careloop", "draft.publish-failed", "outbox:" + outboxId, error);
            }
            return null;
        });
    }

    @Override
    public void rateLimited(long outboxId, String error, Instant until) {
        jdbc.update("update outbox set status = 'PENDING', last_error = ?, next_attempt_at = ? where id = ?", error, until, outboxId);
    }

    private static Draft draft(ResultSet rs) throws SQLException {
        return new Draft(rs.getLong("draft_id"), JdbcMentionStore.mention(rs),
                JdbcMentionStore.fromJson(rs.getString("draft_analysis"), Analysis.class), rs.getString("rule_id"),
                rs.getString("template_id"), rs.getString("draft_text"), DraftStatus.valueOf(rs.getString("status")),
                Jdbc.instant(rs, "drafted_at"), Jdbc.instant(rs, "deadline"), rs.getString("decided_by"),
                Jdbc.instant(rs, "decided_at"), rs.getString("published_id"), rs.getString("error"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
