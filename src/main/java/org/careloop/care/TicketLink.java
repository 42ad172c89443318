package org.careloop.care;

import java.util.Map;
import org.careloop.analysis.Analysis;
import org.careloop.platform.Mention;
import org.careloop.rules.Decision;

/** Opens (or joins) the ticket a reply belongs to, for rules whose action is {@code ticket}. */
public interface TicketLink {

    /**
     * The ticket and the values its reply's template needs ({@code ticket_link}, {@code ticket_ref}); {@code ticketId} is null
     * for a post that joined an incident instead of opening a ticket of its own.
     */
    record Linked(Long ticketId, Map<String, String> values) {}

    Linked link(Mention mention, Analysis analysis, Decision decision);
}
