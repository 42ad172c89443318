package org.careloop.store;

import java.time.Clock;
import java.util.Optional;
import org.careloop.web.UserStore;

final class JdbcUserStore implements UserStore {

    private static final String UPDATE = "update users set password_hash = ?, role = ? where username = ?";

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
        // Of two nodes saving the same new user at once, one inserts and the other finds the row and updates it:
        // the database's key decides, never a check made before.
        if (jdbc.update(UPDATE, user.passwordHash(), user.role().name(), user.username()) == 0 && !create(user)) {
            jdbc.update(UPDATE, user.passwordHash(), user.role().name(), user.username());
        }
    }

    @Override
    public boolean create(User user) {
        return jdbc.insertIfAbsent("insert into users (username, password_hash, role, created_at) values (?, ?, ?, ?)",
                user.username(), user.passwordHash(), user.role().name(), clock.instant());
    }

    @Override
    public int count() {
        return jdbc.one("select count(*) from users", rs -> rs.getInt(1)).orElse(0);
    }
}
