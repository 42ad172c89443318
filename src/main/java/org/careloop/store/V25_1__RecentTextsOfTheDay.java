package org.careloop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Takes the texts of the last day's drafts in the ledger (SHA-256 no SQL dialect of ours spells alike). */
public final class V25_1__RecentTextsOfTheDay extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Set<String> seen = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("select d.platform, m.account, d.text, d.created_at from drafts d "
                + "join mentions m on m.platform = d.platform and m.id = d.mention_id where d.created_at >= ? and d.text <> '' "
                + "order by d.created_at desc");
             PreparedStatement insert = c.prepareStatement("insert into recent_texts (platform, account, text_hash, taken_at) values (?, ?, ?, ?)")) {
            select.setObject(1, Instant.now().minus(org.careloop.care.RecentTexts.DAY).atOffset(ZoneOffset.UTC));
            try (ResultSet rs = select.executeQuery()) {
                int batch = 0;
                while (rs.next()) {
                    String hash = JdbcRecentTexts.sha256(rs.getString(3));
                    // Newest first: a text said twice keeps its latest time.
                    if (seen.add(rs.getString(1) + "\n" + rs.getString(2) + "\n" + hash)) {
                        insert.setString(1, rs.getString(1));
                        insert.setString(2, rs.getString(2));
                        insert.setString(3, hash);
                        insert.setObject(4, rs.getObject(4, OffsetDateTime.class));
                        insert.addBatch();
                        if (++batch % 500 == 0) {
                            insert.executeBatch();
                        }
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
