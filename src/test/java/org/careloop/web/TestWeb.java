package org.careloop.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.careloop.care.UnattendedGate;
import org.careloop.platform.Connections;
import org.careloop.rules.RuleFiles;
import org.careloop.rules.RulesInForce;
import org.careloop.store.Database;

/** The web endpoints over a test database, wired as CareLoop wires them (unattended mode off). */
final class TestWeb {

    private TestWeb() {}

    static WebEndpoints endpoints(Database db, Connections connections, Clock clock, BooleanSupplier dbUp, Optional<String> token) {
        RulesInForce rules = new RulesInForce(RuleFiles.classpath("rules"), clock);
        UnattendedGate gate = new UnattendedGate(new UnattendedGate.Policy(Map.of(), false, 0.5, 0.5, 3, 60, false),
                () -> db.switches().isOn(StatusApi.KILL_SWITCH), rules, db.drafts(), clock);
        List<String> accounts = connections.adapters().stream().map(a -> a.account()).toList();
        return new WebEndpoints(new DraftsApi(db.drafts(), db.mentions(), db.users(), Duration.ofMinutes(5), clock),
                new StatusApi(db.alerts(), rules, gate, db.switches(), accounts),
                new ReportsApi(db.drafts(), Duration.ofMinutes(10), clock),
                new HealthApi(connections, dbUp), new Sessions(db.users(), clock, Duration.ofHours(1)), token, false);
    }
}
