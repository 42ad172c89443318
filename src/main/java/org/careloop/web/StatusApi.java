package org.careloop.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careloop.care.UnattendedGate;
import org.careloop.rules.RulesInForce;
import org.careloop.care.Alerts;
import org.careloop.care.Switches;

/** What the console's status bar shows: alerts, the rules in force (and a broken edit), unattended mode and its kill switch. */
public final class StatusApi {

    /** The switches row that holds the console's kill switch. */
    public static final String KILL_SWITCH = "unattended.kill-switch";

    private final Alerts alerts;
    private final RulesInForce rules;
    private final UnattendedGate gate;
    private final Switches switches;
    private final List<String> accounts;

    public StatusApi(Alerts alerts, RulesInForce rules, UnattendedGate gate, Switches switches, List<String> accounts) {
        this.alerts = alerts;
        this.rules = rules;
        this.gate = gate;
        this.switches = switches;
        this.accounts = List.copyOf(accounts);
    }

    public ApiResponse status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rules", rules.status());
        out.put("unattended", unattended());
        out.put("alerts", alerts.open(50));
        out.put("alertsByKind", alerts.openByKind());
        return ApiResponse.ok(out);
    }

    public ApiResponse alerts() {
        return ApiResponse.ok(alerts.latest(200));
    }

    public ApiResponse acknowledge(String id, String actor) {
        Optional<Long> alertId = parse(id);
        if (alertId.isEmpty()) {
            return ApiResponse.error(404, "No alert " + id);
        }
        return alerts.acknowledge(alertId.get(), actor) ? ApiResponse.ok(Map.of("acknowledged", alertId.get()))
                : ApiResponse.error(404, "No open alert " + id);
    }

    /** {@code POST /api/alerts/kind/{kind}/ack}: dismisses every open alert of one kind at once. */
    public ApiResponse acknowledgeKind(String kind, String actor) {
        int n = kind == null || kind.isBlank() ? 0 : alerts.acknowledgeKind(kind, actor);
        return n > 0 ? ApiResponse.ok(Map.of("kind", kind, "acknowledged", n)) : ApiResponse.error(404, "No open alert of kind " + kind);
    }

    /** Turns the kill switch on or off ({@code {"on": true}}); only for admins and leads (checked by the caller). */
    public ApiResponse killSwitch(String actor, String body) {
        Boolean on = JsonBody.of(body, "{\"on\": true}").bool("on");
        if (on == null) {
            return ApiResponse.error(400, "\"on\" is required, e.g. {\"on\": true}");
        }
        switches.set(KILL_SWITCH, String.valueOf(on), actor);
        return ApiResponse.ok(unattended());
    }

    private Map<String, Object> unattended() {
        Map<String, Object> u = new LinkedHashMap<>();
        UnattendedGate.Policy p = gate.policy();
        Map<String, Boolean> perAccount = new LinkedHashMap<>();
        accounts.forEach(a -> perAccount.put(a, p.enabledFor(a)));
        u.put("accounts", perAccount);
        u.put("killSwitchConsole", switches.isOn(KILL_SWITCH));
        u.put("killSwitchConfig", p.killSwitch());
        u.put("active", accounts.stream().filter(gate::active).toList());
        u.put("minIntentConfidence", p.minIntentConfidence());
        u.put("maxTrollScore", p.maxTrollScore());
        u.put("perAuthorPerHour", p.perAuthorPerHour());
        u.put("perAccountPerHour", p.perAccountPerHour());
        return u;
    }

    static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

}
