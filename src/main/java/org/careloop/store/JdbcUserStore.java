package org.careloop.store;

import java.time.Clock;
import java.util.Optional;
import org.careloop.web.UserStore;

final class JdbcUserStore implements UserStore {

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcUserStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<User> find(String username) {
        return jdbc.one("select username, password_hash, role from users where username = ?",
                rs -> new User(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))), username);
    }

    @Override
    public void save(User user) {
        jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "update users set password_hash = ?, role = ? where username = ?",
                    user.passwordHash(), user.role().name(), user.username()) == 0) {
                Jdbc.update(c, "insert into users (username, password_hash, role, created_at) values (?, ?, ?, ?)",
                        user.username(), user.passwordHash(), user.role().name(), clock.instant());
            }
            return null;
        });
    }

    @Override
    public int count() {
        return jdbc.one("select count(*) from users", rs -> rs.getInt(1)).orElse(0);
    }
}
