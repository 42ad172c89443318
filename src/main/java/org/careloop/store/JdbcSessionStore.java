package org.careloop.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.careloop.web.SessionStore;
import org.careloop.web.UserStore;

/** Console sessions in the database, so a login made on one node is valid on every node. */
final class JdbcSessionStore implements SessionStore {

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcSessionStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(String key, Stored s) {
        jdbc.update("insert into console_sessions (id_hash, username, role, csrf_token, created_at, expires_at) values (?, ?, ?, ?, ?, ?)",
                key, s.username(), s.role().name(), s.csrfToken(), clock.instant(), s.expires());
    }

    @Override
    public Optional<Stored> find(String key) {
        return jdbc.one("select username, role, csrf_token, expires_at from console_sessions where id_hash = ?",
                rs -> new Stored(rs.getString(1), UserStore.Role.valueOf(rs.getString(2)), rs.getString(3), Jdbc.instant(rs, "expires_at")), key);
    }

    @Override
    public void delete(String key) {
        jdbc.update("delete from console_sessions where id_hash = ?", key);
    }

    @Override
    public void deleteExpired(Instant now) {
        jdbc.update("delete from console_sessions where expires_at < ?", now);
    }

    @Override
    public int count() {
        return jdbc.one("select count(*) from console_sessions", rs -> rs.getInt(1)).orElse(0);
    }
}
