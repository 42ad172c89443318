package org.careloop.store;

import java.time.Clock;
import java.util.Optional;
import org.careloop.platform.camel.CursorStore;

final class JdbcCursorStore implements CursorStore {

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcCursorStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String account, String feed) {
        return jdbc.one("select cursor_value from cursors where account = ? and feed = ?", rs -> rs.getString(1), account, feed);
    }

    @Override
    public void put(String account, String feed, String cursor) {
        jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "update cursors set cursor_value = ?, updated_at = ? where account = ? and feed = ?",
                    cursor, clock.instant(), account, feed) == 0) {
                Jdbc.update(c, "insert into cursors (account, feed, cursor_value, updated_at) values (?, ?, ?, ?)",
                        account, feed, cursor, clock.instant());
            }
            return null;
        });
    }
}
