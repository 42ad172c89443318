package org.careloop.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.careloop.web.LoginBrake;

/** The brake on password guessing in the database: one count over every node. */
final class JdbcLoginBrake implements LoginBrake {

    private final Jdbc jdbc;

    JdbcLoginBrake(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Count failed(String key, String kind, Duration length, Instant now) {
        Instant cutoff = now.minus(length);
        for (int attempt = 0; attempt < 5; attempt++) {
            // The window goes on: one more, in the database, so two nodes counting at once both count.
            if (jdbc.update("update login_failures set failures = failures + 1 where brake_key = ? and brake_window = ? and since >= ?",
                    key, kind, cutoff) == 1) {
                Optional<Count> counted = jdbc.one("select failures, since from login_failures where brake_key = ? and brake_window = ?",
                        rs -> new Count(rs.getInt(1), Jdbc.instant(rs, "since")), key, kind);
                if (counted.isPresent()) {
                    return counted.get();
                }
                continue; // forgotten meanwhile
            }
            // None, or an old one: a new window begins now, unless another node began it first (then count in it).
            jdbc.update("delete from login_failures where brake_key = ? and brake_window = ? and since < ?", key, kind, cutoff);
            if (jdbc.insertIfAbsent("insert into login_failures (brake_key, brake_window, failures, since) values (?, ?, 1, ?)",
                    key, kind, now)) {
                return new Count(1, now);
            }
        }
        throw new IllegalStateException("Could not count a failed login: its count kept changing");
    }

    @Override
    public void forget(String key, String kind) {
        jdbc.update("delete from login_failures where brake_key = ? and brake_window = ?", key, kind);
    }

    @Override
    public void lock(String key, Instant until) {
        if (jdbc.update("update login_locks set locked_until = ? where brake_key = ? and locked_until < ?", until, key, until) == 0
                && !jdbc.insertIfAbsent("insert into login_locks (brake_key, locked_until) values (?, ?)", key, until)) {
            // It exists: already as long, or another node just made it; the later one must win.
            jdbc.update("update login_locks set locked_until = ? where brake_key = ? and locked_until < ?", until, key, until);
        }
    }

    @Override
    public Optional<Instant> lockedUntil(String key) {
        return jdbc.one("select locked_until from login_locks where brake_key = ?", rs -> Jdbc.instant(rs, "locked_until"), key);
    }

    @Override
    public void sweep(String kind, Instant before, Instant now) {
        jdbc.update("delete from login_failures where brake_window = ? and since < ?", kind, before);
        jdbc.update("delete from login_locks where locked_until <= ?", now);
    }
}
