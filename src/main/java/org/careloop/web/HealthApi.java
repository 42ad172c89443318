package org.careloop.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.careloop.platform.Connections;

/** The connected accounts and their health, and the health check (database and every connection). */
public final class HealthApi {

    /** Who judges the database and each account: CareLoop asks Camel's health-check registry. */
    public interface Judge {
        boolean databaseUp();

        boolean accountUp(Connections.Status account);

        /** The scheduler that fires the polls, the outbox and the sweeps runs (judged directly: assumed). */
        default boolean schedulerUp() {
            return true;
        }

        /** A triage thread is free, or was within the triage timeout (judged directly: assumed). */
        default boolean triageUp() {
            return true;
        }
    }

    private final Connections connections;
    private final Judge judge;

    /** Judged directly: the ping answers, the connection is healthy. */
    public HealthApi(Connections connections, BooleanSupplier databasePing) {
        this(connections, new Judge() {
            @Override
            public boolean databaseUp() {
                return databasePing.getAsBoolean();
            }

            @Override
            public boolean accountUp(Connections.Status account) {
                return account.healthy();
            }
        });
    }

    public HealthApi(Connections connections, Judge judge) {
        this.connections = connections;
        this.judge = judge;
    }

    /** A connected account: its platform, name in the configuration, handle and user id there, health and last error, check and fetch. */
    public record AccountHealth(String platform, String account, String handle, String id, boolean healthy, String lastError,
                                Instant lastCheck, Instant lastFetch) {}

    public ApiResponse accounts() {
        return ApiResponse.ok(accountList());
    }

    /** 200 when the database answers, the scheduler runs and every account is healthy, else 503; open to monitors without login. */
    public ApiResponse health() {
        boolean db = judge.databaseUp();
        boolean scheduler = judge.schedulerUp();
        boolean triage = judge.triageUp();
        List<AccountHealth> accounts = accountList();
        boolean allHealthy = accounts.stream().allMatch(AccountHealth::healthy);
        boolean up = db && scheduler && triage && allHealthy;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", db ? "UP" : "DOWN");
        body.put("scheduler", scheduler ? "UP" : "DOWN");
        body.put("triage", triage ? "UP" : "DOWN");
        body.put("accounts", accounts);
        return new ApiResponse(up ? 200 : 503, body);
    }

    private List<AccountHealth> accountList() {
        return connections.statuses().stream().map(s -> new AccountHealth(s.platform().id(), s.account(), s.handle(), s.userId(),
                judge.accountUp(s), s.lastError(), s.lastCheck(), s.lastFetch())).toList();
    }
}
