package org.careloop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.careloop.tickets.FileName;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Gives the files attached before this version safe names too: one kept with a bidi override still disguises its file. */
public final class V12_1__SafeAttachmentNames extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement select = c.createStatement();
             ResultSet rs = select.executeQuery("select id, filename from ticket_attachments");
             PreparedStatement update = c.prepareStatement("update ticket_attachments set filename = ? where id = ?")) {
            while (rs.next()) {
                String safe = FileName.safe(rs.getString("filename"));
                if (!safe.equals(rs.getString("filename"))) {
                    update.setString(1, safe);
                    update.setLong(2, rs.getLong("id"));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }
}
