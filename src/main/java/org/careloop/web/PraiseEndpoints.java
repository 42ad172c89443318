package org.careloop.web;

import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The praise feed's HTTP side, called from {@code routes/console.yaml} and {@code routes/api.yaml}: the JSON API, the Atom
 * feed, the CSV export and an agent's "share with marketing".
 *
 * <p>Who may read the feed: the API token or a console session of any role (marketing, agent,
 * admin), as for the rest of the API; or the read-only feed token {@code CARELOOP_FEED_TOKEN},
 * which opens nothing but the praise reads. Feed readers and spreadsheet imports cannot send
 * headers, so the Atom feed and the CSV export also take the feed token as {@code ?token=}. A URL
 * ends up in logs, histories and the reader's own servers; that is why only this token, which reads
 * praise (public posts) and nothing else, is ever accepted in one, and rotating it is a restart.
 * Sharing is an agent's change: a session with its CSRF token, or the API token.
 */
public final class PraiseEndpoints {

    private final Access access;
    private final PraiseApi praise;
    private final Optional<String> feedToken;

    /** @param web the console's endpoints, whose sessions and API token this shares */
    public PraiseEndpoints(WebEndpoints web, PraiseApi praise, Optional<String> feedToken) {
        this.access = web.access();
        this.praise = praise;
        this.feedToken = feedToken.filter(t -> !t.isBlank());
    }

    public void list(Exchange ex) {
        read(ex, false, actor -> praise.list(params(ex)));
    }

    public void atom(Exchange ex) {
        read(ex, true, actor -> praise.atom(params(ex)));
    }

    public void csv(Exchange ex) {
        read(ex, true, actor -> praise.csv(params(ex)));
    }

    /** POST /api/drafts/{id}/share: not for marketing, who may read the feed but not act on drafts. */
    public void share(Exchange ex) {
        access.answer(ex, actor -> praise.share(Http.header(ex, "id"), actor));
    }

    private void read(Exchange ex, boolean tokenInUrl, Access.Call call) {
        String auth = Http.requestHeader(ex, "Authorization");
        String bearer = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
        if (feedToken.isPresent() && bearer != null && Sessions.same(feedToken.get(), bearer)) {
            Http.answer(ex, call.answer("feed"));
            return;
        }
        String inUrl = tokenInUrl ? queryToken(ex) : null;
        if (inUrl != null) {
            Http.answer(ex, feedToken.isPresent() && Sessions.same(feedToken.get(), inUrl) ? call.answer("feed")
                    : ApiResponse.error(401, feedToken.isPresent() ? "Invalid feed token" : "Feed tokens are off: CARELOOP_FEED_TOKEN is not set"));
            return;
        }
        access.ifAllowed(ex, false, true, call);
    }

    private static String queryToken(Exchange ex) {
        String t = Http.query(ex, "token");
        return t == null || t.isBlank() ? null : t.trim();
    }

    private static PraiseApi.Params params(Exchange ex) {
        return new PraiseApi.Params(Http.query(ex, "platform"), Http.query(ex, "from"), Http.query(ex, "to"), Http.query(ex, "minScore"), Http.query(ex, "limit"),
                Http.query(ex, "cursor"));
    }
}
