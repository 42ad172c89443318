package org.careloop.store;

import java.time.Clock;
import java.util.Optional;
import org.careloop.care.Switches;

/** Settings a person changes at run time from the console, kept across restarts (the unattended kill switch). */
final class JdbcSwitches implements Switches {

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcSwitches(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> get(String name) {
        return jdbc.one("select setting_value from app_settings where name = ?", rs -> rs.getString(1), name);
    }

    public boolean isOn(String name) {
        return get(name).map(Boolean::parseBoolean).orElse(false);
    }

    public void set(String name, String value, String actor) {
        jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, "update app_settings set setting_value = ?, updated_by = ?, updated_at = ? where name = ?",
                    value, actor, clock.instant(), name);
            if (changed == 0) {
                Jdbc.update(c, "insert into app_settings (name, setting_value, updated_by, updated_at) values (?, ?, ?, ?)",
                        name, value, actor, clock.instant());
            }
            JdbcAuditLog.record(c, clock.instant(), actor, "setting.change", name, value);
            return null;
        });
    }
}
