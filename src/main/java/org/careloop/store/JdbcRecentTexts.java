package org.careloop.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.careloop.care.RecentTexts;

/** The reply texts taken on each account, in the database: one taker over every node. */
final class JdbcRecentTexts implements RecentTexts {

    private final Jdbc jdbc;

    JdbcRecentTexts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean take(String platform, String account, String text, Instant at) {
        // The account's texts past the window are free again (and the table stays a minute long); of two
        // takers of one text, the key lets one insert it.
        jdbc.update("delete from recent_texts where platform = ? and account = ? and taken_at < ?", platform, account, at.minus(WINDOW));
        return jdbc.insertIfAbsent("insert into recent_texts (platform, account, text_hash, taken_at) values (?, ?, ?, ?)",
                platform, account, sha256(text), at);
    }

    /** A key of one size for a text of any length. */
    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
