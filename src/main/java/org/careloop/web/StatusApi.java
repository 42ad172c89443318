package org.careloop.web;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
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
    private final java.time.Duration firstResponse;

    /** @param firstResponse the first-response target, as a summed line names it ("past the 10-minute target") */
    public StatusApi(Alerts alerts, SurgeWatch surges, RulesInForce rules, UnattendedGate gate, Switches switches, List<String> accounts,
                     java.time.Duration firstResponse) {
        this.firstResponse = firstResponse;
        this.alerts = alerts;
        this.surges = surges;
        this.rules = rules;
        this.gate = gate;
        this.switches = switches;
        this.accounts = List.copyOf(accounts);
    }

    /** The status bar: the rules in force, unattended mode, the open alerts summed, and how many are open of each kind (by kind name). */
    public record StatusBar(RulesInForce.Status rules, Unattended unattended, List<AlertEntry> alerts, Map<String, Integer> alertsByKind) {}

    /**
     * Unattended mode: per account whether it may publish without a person ({@code accounts}, by account name), the two
     * kill switches, the accounts publishing now ({@code active}), and the limits it publishes within.
     */
    public record Unattended(Map<String, Boolean> accounts, boolean killSwitchConsole, boolean killSwitchConfig, List<String> active,
                             double minIntentConfidence, double maxTrollScore, int perAuthorPerHour, int perAccountPerHour) {}

    /**
     * An entry of the alert bar: one alert, or the newest of a kind summing the others. Only a summed entry has
     * {@code alerts}, {@code since}, {@code draftIds} and {@code latest}, and only a surge's alert has {@code surge}:
     * absent, not null, elsewhere.
     */
    public record AlertEntry(long id, Instant at, String kind, Long draftId, String message, String acknowledgedBy, Instant acknowledgedAt,
                             int count, @JsonInclude(NON_NULL) Integer alerts, @JsonInclude(NON_NULL) Instant since,
                             @JsonInclude(NON_NULL) List<Long> draftIds, @JsonInclude(NON_NULL) List<LatestAlert> latest,
                             @JsonInclude(NON_NULL) SurgeView surge) {}

    /** One of the newest alerts a summed entry shows. */
    public record LatestAlert(long id, Instant at, Long draftId, String message) {}

    /**
     * A surge: the {@code series} of posts and what it is {@code about}, when it started and ended, its posts, its peak and
     * usual posts per minute, and its {@code chart}.
     */
    public record SurgeView(long id, String series, String about, Instant since, Instant endedAt, int posts, int peakPerMinute,
                            double usualPerMinute, SurgeWatch.Chart chart) {}

    public ApiResponse status() {
        return ApiResponse.ok(new StatusBar(rules.status(), unattended(), summed(), alerts.openByKind()));
    }

    /**
     * {@code GET /api/alerts}: the open alerts as the console's alert bar shows them, one entry per kind;
     * with {@code kind}, every alert of that kind one by one, acknowledged or not, newest first.
     *
     * @param limit with {@code kind}: at most this many (1 to 500, default 200)
     */
    public ApiResponse alerts(String kind, String limit) {
        if (kind == null || kind.isBlank()) {
            return ApiResponse.ok(summed());
        }
        var max = Param.number(limit, 200, 1, DraftsApi.MAX_LIST);
        if (max.isEmpty()) {
            return Param.outOfRange("limit", 1, DraftsApi.MAX_LIST);
        }
        return ApiResponse.ok(withSurges(alerts.latestOfKind(kind.trim(), max.getAsInt())));
    }

    /** How many of the latest alerts of a summed kind its entry shows (their drafts' ids, their messages). */
    static final int LATEST = 5;

    /**
     * The open alerts, a kind to an entry: the open surges first, each apart (each is about something else and
     * has its chart), then one entry per other kind, the kind with the newest alert first. A kind with one open
     * alert is that alert; with more, the entry sums them ("1,203 replies past the 10-minute target") and carries
     * {@code count} (what they stand for), {@code alerts}, {@code since}, and the newest few as {@code latest} and
     * {@code draftIds}, so a surge's thousand breaches are one line and each draft is still one request away.
     */
    private List<AlertEntry> summed() {
        List<AlertEntry> out = new java.util.ArrayList<>(withSurges(alerts.openOfKind("surge", 20)));
        for (Alerts.Tally t : alerts.openTallies()) {
            if (t.kind().equals("surge")) {
                continue;
            }
            List<Alerts.Alert> latest = alerts.openOfKind(t.kind(), LATEST);
            if (latest.isEmpty()) {
                continue; // acknowledged since it was tallied
            }
            Alerts.Alert newest = latest.get(0);
            out.add(new AlertEntry(newest.id(), newest.at(), newest.kind(), newest.draftId(),
                    t.alerts() > 1 ? sum(t.kind(), t.count()) : newest.message(), newest.acknowledgedBy(), newest.acknowledgedAt(),
                    t.count(), t.alerts(), t.since(), latest.stream().map(Alerts.Alert::draftId).filter(java.util.Objects::nonNull).toList(),
                    latest.stream().map(a -> new LatestAlert(a.id(), a.at(), a.draftId(), a.message())).toList(), null));
        }
        return out;
    }

    /** What a line of several alerts of one kind says, counting what they stand for. */
    String sum(String kind, int count) {
        String n = String.format(java.util.Locale.ROOT, "%,d", count);
        String target = firstResponse.toMinutes() + "-minute target";
        return switch (kind) {
            case "sla-breach" -> n + (count == 1 ? " reply" : " replies") + " past the " + target;
            case "sla-warning" -> n + (count == 1 ? " reply" : " replies") + " close to the " + target;
            case "escalation" -> n + (count == 1 ? " escalation" : " escalations") + " waiting for the team";
            case "triage" -> n + (count == 1 ? " post" : " posts") + " CareLoop could not process";
            case "triage-stalled" -> n + (count == 1 ? " stall" : " stalls") + " of the triage: every thread busy, posts waiting";
            case "connection" -> n + " connection " + (count == 1 ? "problem" : "problems");
            default -> n + " " + kind + " alerts";
        };
    }

    /**
     * The alerts as JSON; a {@code surge} alert also carries its {@code surge}: {@code series}, {@code about},
     * {@code since}, {@code endedAt}, {@code posts}, {@code peakPerMinute}, {@code usualPerMinute}, and
     * {@code chart} ({@code from}, the first minute, and {@code perMinute}, posts in each minute from it on).
     */
    private List<AlertEntry> withSurges(List<Alerts.Alert> list) {
        return list.stream().map(a -> new AlertEntry(a.id(), a.at(), a.kind(), a.draftId(), a.message(), a.acknowledgedBy(), a.acknowledgedAt(),
                a.count(), null, null, null, null, surges.surgeOf(a).map(this::surge).orElse(null))).toList();
    }

    private SurgeView surge(Surges.Surge s) {
        return new SurgeView(s.id(), s.series(), s.about(), s.startedAt(), s.endedAt(), s.posts(), s.peak(),
                Math.round(s.usual() * 100) / 100.0, surges.chart(s));
    }

    /** One alert acknowledged: its id. */
    public record Acknowledged(long acknowledged) {}

    /** Every open alert of a kind acknowledged: how many. */
    public record AcknowledgedKind(String kind, int acknowledged) {}

    public ApiResponse acknowledge(String id, String actor) {
        Optional<Long> alertId = parse(id);
        if (alertId.isEmpty()) {
            return ApiResponse.error(404, "No alert " + id);
        }
        return alerts.acknowledge(alertId.get(), actor) ? ApiResponse.ok(new Acknowledged(alertId.get()))
                : ApiResponse.error(404, "No open alert " + id);
    }

    /** {@code POST /api/alerts/kind/{kind}/ack}: dismisses every open alert of one kind at once. */
    public ApiResponse acknowledgeKind(String kind, String actor) {
        int n = kind == null || kind.isBlank() ? 0 : alerts.acknowledgeKind(kind, actor);
        return n > 0 ? ApiResponse.ok(new AcknowledgedKind(kind, n)) : ApiResponse.error(404, "No open alert of kind " + kind);
    }

    /** {@code {"on": true}} stops all publishing without a person, {@code {"on": false}} resumes it. */
    @JsonBody.Example("{\"on\": true}")
    public record KillSwitch(Boolean on) {}

    /** Turns the kill switch on or off ({@code {"on": true}}); only for admins and leads (checked by the caller). */
    public ApiResponse killSwitch(String actor, KillSwitch body) {
        Boolean on = body == null ? null : body.on();
        if (on == null) {
            return ApiResponse.error(400, "\"on\" is required, e.g. {\"on\": true}");
        }
        switches.set(KILL_SWITCH, String.valueOf(on), actor);
        return ApiResponse.ok(unattended());
    }

    private Unattended unattended() {
        UnattendedGate.Policy p = gate.policy();
        Map<String, Boolean> perAccount = new LinkedHashMap<>();
        accounts.forEach(a -> perAccount.put(a, p.enabledFor(a)));
        return new Unattended(perAccount, switches.isOn(KILL_SWITCH), p.killSwitch(), accounts.stream().filter(gate::active).toList(),
                p.minIntentConfidence(), p.maxTrollScore(), p.perAuthorPerHour(), p.perAccountPerHour());
    }

    static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

}
