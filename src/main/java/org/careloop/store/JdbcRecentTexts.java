package org.careloop.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;
import org.careloop.care.RecentTexts;

/** The reply texts each account took within the day, in the database: one ledger over every node. */
final class JdbcRecentTexts implements RecentTexts {

    private final Jdbc jdbc;

    JdbcRecentTexts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean take(String platform, String account, String text, Instant at) {
        // The account's texts older than a day are free again (and the table stays a day long); of two
        // takers of one text, the key lets one insert it.
        jdbc.update("delete from recent_texts where platform = ? and account = ? and taken_at < ?", platform, account, at.minus(DAY));
        return jdbc.insertIfAbsent("insert into recent_texts (platform, account, text_hash, taken_at) values (?, ?, ?, ?)",
                platform, account, sha256(text), at);
    }

    /**
     * Keeps {@code text} taken from {@code at} on, whether or not it was: a stored draft's text. Usually the
     * drafter took it a moment ago, and then nothing is written (and no duplicate key raised and logged).
     */
    void keep(String platform, String account, String text, Instant at) {
        String hash = sha256(text);
        if (jdbc.update("update recent_texts set taken_at = ? where platform = ? and account = ? and text_hash = ? and taken_at < ?",
                at, platform, account, hash, at.minus(DAY)) == 0) {
            // Of two keepers at once, both may find none; the key lets one insert it.
            jdbc.insertIfAbsent("insert into recent_texts (platform, account, text_hash, taken_at) select ?, ?, ?, ? "
                    + "where not exists (select 1 from recent_texts where platform = ? and account = ? and text_hash = ?)",
                    platform, account, hash, at, platform, account, hash);
        }
    }

    @Override
    public Set<String> takenAmong(String platform, String account, Collection<String> texts, Instant at) {
        if (texts.isEmpty()) {
            return Set.of();
        }
        Map<String, String> byHash = new HashMap<>();
        texts.forEach(t -> byHash.put(sha256(t), t));
        List<Object> args = new ArrayList<>(List.of(platform, account));
        args.addAll(byHash.keySet());
        String marks = String.join(", ", java.util.Collections.nCopies(byHash.size(), "?"));
        Set<String> taken = new HashSet<>();
        Instant since = at.minus(DAY);
        // The day is checked here, not in the query: given a time, PostgreSQL read the whole day through the index by
        // time (1.5 ms a draft with 5,000 replies in it) instead of looking up the few texts by the key.
        jdbc.list("select text_hash, taken_at from recent_texts where platform = ? and account = ? and text_hash in (" + marks + ")",
                rs -> Map.entry(rs.getString(1), Jdbc.instant(rs, "taken_at")), args.toArray()).stream()
                .filter(row -> !row.getValue().isBefore(since)).forEach(row -> taken.add(byHash.get(row.getKey())));
        return taken;
    }

    /** A key of one size for a text of any length. */
    static String sha256(String text) {
        return DigestUtils.sha256Hex(text);
    }
}
