package org.careloop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.careloop.analysis.Analysis;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Fills the labels V9 added from each earlier post's analysis (JSON no SQL dialect of ours reads alike). */
public final class V9_1__AnalysisLabels extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement select = c.createStatement();
             ResultSet rs = select.executeQuery("select platform, id, analysis from mentions where analysis is not null");
             PreparedStatement update = c.prepareStatement("update mentions set " + JdbcMentionStore.LABELS + " where platform = ? and id = ?")) {
            int batch = 0;
            while (rs.next()) {
                Analysis a = JdbcMentionStore.fromJson(rs.getString("analysis"), Analysis.class);
                Object[] labels = JdbcMentionStore.labels(a);
                for (int i = 0; i < labels.length; i++) {
                    update.setObject(i + 1, labels[i]);
                }
                update.setString(labels.length + 1, rs.getString("platform"));
                update.setString(labels.length + 2, rs.getString("id"));
                update.addBatch();
                if (++batch % 500 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }
}
