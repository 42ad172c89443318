package org.careloop.web;

import static org.careloop.web.Http.download;
import static org.careloop.web.Http.header;
import static org.careloop.web.Http.query;

import org.apache.camel.Body;
import org.apache.camel.Exchange;

/** The agents' side of tickets over HTTP (routes/api.yaml); the work is in {@link TicketsApi}. */
public final class TicketEndpoints {

    private final Access access;
    private final TicketsApi tickets;

    TicketEndpoints(Access access, TicketsApi tickets) {
        this.access = access;
        this.tickets = tickets;
    }

    public void listTickets(Exchange ex) {
        access.answer(ex, actor -> tickets.list(query(ex, "status"), query(ex, "limit")));
    }

    public void getTicket(Exchange ex) {
        access.answer(ex, actor -> tickets.get(header(ex, "id")));
    }

    public void replyStyles(Exchange ex) {
        access.answer(ex, actor -> tickets.replyStyles());
    }

    public void resolveTicket(Exchange ex) {
        access.answer(ex, actor -> tickets.resolve(header(ex, "id"), actor));
    }

    public void newTicketLink(Exchange ex) {
        access.answer(ex, actor -> tickets.newLink(header(ex, "id"), actor));
    }

    public void closeTicket(Exchange ex) {
        access.answer(ex, actor -> tickets.close(header(ex, "id"), actor));
    }

    public void ticketMessage(Exchange ex, @Body TicketsApi.Message message) {
        access.answer(ex, actor -> tickets.message(header(ex, "id"), actor, message));
    }

    public void assignTicket(Exchange ex, @Body DraftsApi.Assignment assignment) {
        access.answer(ex, actor -> tickets.assign(header(ex, "id"), assignment));
    }

    /** An attachment, for agents: always a download, never shown inline. */
    public void ticketAttachment(Exchange ex) {
        if (access.agent(ex).isEmpty()) {
            Http.answer(ex, ApiResponse.error(401, "Log in to the console, or send Authorization: Bearer <CARELOOP_API_TOKEN>"));
            return;
        }
        tickets.attachment(header(ex, "id"), header(ex, "file"))
                .ifPresentOrElse(f -> download(ex, f), () -> Http.answer(ex, ApiResponse.error(404, "No such attachment")));
    }
}
