package org.careloop.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careloop.care.UnattendedGate;
import org.careloop.rules.RulesInForce;
import org.careloop.care.Alerts;
import org.careloop.care.Switches;
import org.careloop.care.SurgeWatch;
import org.careloop.care.Surges;

/** What the console's status bar shows: alerts, the rules in force (and a broken edit), unattended mode and its kill switch. */
public final class StatusApi {

    /** The switches row that holds the console's kill switch. */
    public static final String KILL_SWITCH = "unattended.kill-switch";

    private final Alerts alerts;
    private final SurgeWatch surges;
    private final RulesInForce rules;
    private final UnattendedGate gate;
    private final Switches switches;
    private final List<String> accounts;

    public StatusApi(Alerts alerts, SurgeWatch surges, RulesInForce rules, UnattendedGate gate, Switches switches, List<String> accounts) {
        this.alerts = alerts;
        this.surges = surges;
        this.rules = rules;
        this.gate = gate;
        this.switches = switches;
        this.accounts = List.copyOf(accounts);
    }

    public ApiResponse status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rules", rules.status());
        out.put("unattended", unattended());
        out.put("alerts", withSurges(surgesFirst(alerts.open(50))));
        out.put("alertsByKind", alerts.openByKind());
        return ApiResponse.ok(out);
    }

    public ApiResponse alerts() {
        return ApiResponse.ok(withSurges(surgesFirst(alerts.latest(200))));
    }

    /** The open surges first, then the others: a crisis's hundreds of escalations must not push its surge out of the list. */
    private List<Alerts.Alert> surgesFirst(List<Alerts.Alert> list) {
        List<Alerts.Alert> out = new java.util.ArrayList<>(alerts.openOfKind("surge", 20));
        java.util.Set<Long> first = out.stream().map(Alerts.Alert::id).collect(java.util.stream.Collectors.toSet());
        list.stream().filter(a -> !first.contains(a.id())).forEach(out::add);
        return out;
    }

    /**
     * The alerts as JSON; a {@code surge} alert also carries its {@code surge}: {@code series}, {@code about},
     * {@code since}, {@code endedAt}, {@code posts}, {@code peakPerMinute}, {@code usualPerMinute}, and
     * {@code chart} ({@code from}, the first minute, and {@code perMinute}, posts in each minute from it on).
     */
    private List<Map<String, Object>> withSurges(List<Alerts.Alert> list) {
        return list.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("at", a.at());
            m.put("kind", a.kind());
            m.put("draftId", a.draftId());
            m.put("message", a.message());
            m.put("acknowledgedBy", a.acknowledgedBy());
            m.put("acknowledgedAt", a.acknowledgedAt());
            surges.surgeOf(a).ifPresent(s -> m.put("surge", surge(s)));
            return m;
        }).toList();
    }

    private Map<String, Object> surge(Surges.Surge s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("series", s.series());
        m.put("about", s.about());
        m.put("since", s.startedAt());
        m.put("endedAt", s.endedAt());
        m.put("posts", s.posts());
        m.put("peakPerMinute", s.peak());
        m.put("usualPerMinute", Math.round(s.usual() * 100) / 100.0);
        m.put("chart", surges.chart(s));
        return m;
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
