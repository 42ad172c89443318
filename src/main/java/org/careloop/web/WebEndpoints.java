package org.careloop.web;

import static org.careloop.web.Http.header;
import static org.careloop.web.Http.query;

import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;

/**
 * The console's web layer, assembled: the drafts' calls here (routes/api.yaml), and beside them
 * the status, ticket and page endpoints, all deciding who is asking through one {@link Access}.
 * The work itself is in {@link DraftsApi}, {@link StatusApi}, {@link TicketsApi} and the others.
 */
public final class WebEndpoints {

    static {
        // Before the API's OpenAPI document is first generated.
        NullableFields.register();
    }

    private final DraftsApi drafts;
    private final Access access;
    private final StatusEndpoints status;
    private final TicketEndpoints tickets;
    private final ConsolePages pages;

    /**
     * @param apiToken      the automation token (CARELOOP_API_TOKEN); token access is off when empty
     * @param secureCookies mark the session cookie Secure (when CareLoop is served over HTTPS)
     */
    public WebEndpoints(DraftsApi drafts, StatusApi status, ReportsApi reports, HealthApi health, Sessions sessions,
                        TicketsApi tickets, Optional<String> apiToken, boolean secureCookies) {
        this.drafts = drafts;
        this.access = new Access(sessions, apiToken);
        this.status = new StatusEndpoints(access, status, reports, health);
        this.tickets = new TicketEndpoints(access, tickets);
        this.pages = new ConsolePages(access, sessions, secureCookies);
    }

    /** Who is asking, for the endpoints of the other areas (clusters, incidents, praise, moderation, triage). */
    public Access access() {
        return access;
    }

    public StatusEndpoints status() {
        return status;
    }

    public TicketEndpoints tickets() {
        return tickets;
    }

    public ConsolePages pages() {
        return pages;
    }

    public void listDrafts(Exchange ex) {
        access.answer(ex, actor -> drafts.list(query(ex, "status"), query(ex, "limit"), query(ex, "after")));
    }

    public void queueSize(Exchange ex) {
        access.answer(ex, actor -> drafts.queueSize());
    }

    public void getDraft(Exchange ex) {
        access.answer(ex, actor -> drafts.get(header(ex, "id")));
    }

    public void approve(Exchange ex, @Body DraftsApi.Edit edit) { 
        access.answer(ex, actor -> drafts.approve(header(ex, "id"), actor, edit));
    }

    public void reject(Exchange ex, @Body DraftsApi.Rejection rejection) {
        access.answer(ex, actor -> drafts.reject(header(ex, "id"), actor, rejection));
    }

    public void retry(Exchange ex) {
        access.answer(ex, actor -> drafts.retry(header(ex, "id"), actor));
    }

    public void claim(Exchange ex) {
        access.answer(ex, actor -> drafts.claim(header(ex, "id"), actor));
    }

    public void release(Exchange ex) {
        access.answer(ex, actor -> drafts.release(header(ex, "id"), actor));
    }

    public void snooze(Exchange ex, @Body DraftsApi.Snooze snooze) {
        access.answer(ex, actor -> drafts.snooze(header(ex, "id"), actor, snooze));
    }

    public void assign(Exchange ex, @Body DraftsApi.Assignment assignment) {
        access.answer(ex, actor -> drafts.assign(header(ex, "id"), actor, assignment));
    }

    public void ignored(Exchange ex) {
        access.answer(ex, actor -> drafts.ignored(query(ex, "limit")));
    }
}
