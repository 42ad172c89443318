package org.careloop.web;

import static org.careloop.web.Http.header;
import static org.careloop.web.Http.query;

import org.apache.camel.Body;
import org.apache.camel.Exchange;

/**
 * How CareLoop is doing, over HTTP (routes/api.yaml and routes/console.yaml): the accounts, the
 * rules and unattended mode in force, the alerts, the kill switch, the reports and the health check.
 */
public final class StatusEndpoints {

    private final Access access;
    private final StatusApi status;
    private final ReportsApi reports;
    private final HealthApi health;

    StatusEndpoints(Access access, StatusApi status, ReportsApi reports, HealthApi health) {
        this.access = access;
        this.status = status;
        this.reports = reports;
        this.health = health;
    }

    public void accounts(Exchange ex) {
        access.answer(ex, actor -> health.accounts());
    }

    public void status(Exchange ex) {
        access.answer(ex, actor -> status.status());
    }

    public void alerts(Exchange ex) {
        access.answer(ex, actor -> status.alerts(query(ex, "kind"), query(ex, "limit")));
    }

    public void acknowledgeAlert(Exchange ex) {
        access.answer(ex, actor -> status.acknowledge(header(ex, "id"), actor));
    }

    public void acknowledgeAlertKind(Exchange ex) {
        access.answer(ex, actor -> status.acknowledgeKind(header(ex, "kind"), actor));
    }

    /** The kill switch stops all unattended publishing; agents may pull it, as anyone on a team may stop the line. */
    public void killSwitch(Exchange ex, @Body StatusApi.KillSwitch body) {
        access.answer(ex, actor -> status.killSwitch(actor, body));
    }

    public void reports(Exchange ex) {
        access.answer(ex, actor -> reports.report(query(ex, "days")));
    }

    public void health(Exchange ex) {
        Http.answer(ex, health.health());
    }
}
