package org.careloop.web;

import static org.careloop.web.Http.requestHeader;

import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * Who is asking and what they may do, for every call of the API, decided in one place: the route
 * configuration of {@code routes/api.yaml} asks {@link #authorize} before any endpoint runs. The
 * caller is the API token, or a console session (with its CSRF token for a change, i.e. anything but
 * GET); marketing users see only the praise feed. The endpoints then read who is asking
 * ({@link #answer}). Three calls check for themselves, because they take more than the rest: the
 * praise reads (also the read-only feed token) and the attachment downloads.
 */
public final class Access {

    /** The exchange property that carries who is asking, once {@link #authorize} let the call through. */
    static final String ACTOR = "careloop.actor";
    /** The API calls whose endpoint checks access itself (rest route ids in routes/api.yaml). */
    static final Set<String> OWN_CHECK = Set.of("listPraise", "praiseCsv", "ticketAttachment");

    static final String COOKIE = "careloop_session";
    /** The login form's own token, before any session (login CSRF); sent to /login only. */
    static final String LOGIN_COOKIE = "careloop_login";

    private final Sessions sessions;
    private final Optional<String> apiToken;

    /** @param apiToken the automation token (CARELOOP_API_TOKEN); token access is off when empty */
    Access(Sessions sessions, Optional<String> apiToken) {
        this.sessions = sessions;
        this.apiToken = apiToken.filter(t -> !t.isBlank());
    }

    @FunctionalInterface
    interface Call {
        ApiResponse answer(String actor);
    }

    /**
     * Before every API call (routes/api.yaml's route configuration): lets it through with who is asking
     * ({@link #ACTOR}), or answers 401/403 and stops the route. A call that changes anything is any but GET.
     * Then, for a caller let through, a body the REST binding could not take ({@link JsonBody.Refused}) is a 400
     * naming the field: only after who is asking, though the binding read the body before the route began.
     */
    public void authorize(Exchange ex) {
        if (OWN_CHECK.contains(ex.getFromRouteId())) {
            return;
        }
        String method = ex.getMessage().getHeader(Exchange.HTTP_METHOD, String.class);
        boolean changes = method == null || !(method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD"));
        Decision d = decide(ex, changes, false);
        if (d.refusal() != null) {
            Http.answer(ex, d.refusal());
            ex.setRouteStop(true);
        } else if (ex.getMessage().getBody() instanceof JsonBody.Refused r) {
            Http.answer(ex, ApiResponse.error(400, r.error()));
            ex.setRouteStop(true);
        } else {
            ex.setProperty(ACTOR, d.actor());
            if (!(ex.getMessage().getBody() instanceof Record)) {
                // The binding leaves a blank body unread (as text or a stream): no body, every field absent, as before.
                String text = ex.getMessage().getBody(String.class);
                if (text == null || text.isBlank()) {
                    ex.getMessage().setBody(null);
                }
            }
        }
    }

    /** Runs the call for the caller {@link #authorize} let through. */
    void answer(Exchange ex, Call call) {
        String actor = ex.getProperty(ACTOR, String.class);
        Http.answer(ex, actor != null ? call.answer(actor) : ApiResponse.error(401, "Log in to the console, or send Authorization: Bearer <CARELOOP_API_TOKEN>"));
    }

    /**
     * For the calls that check for themselves ({@link #OWN_CHECK}) and the console's own pages: runs the call
     * for an authenticated caller; {@code marketing}: the marketing role may make this call too (the praise feed).
     */
    void ifAllowed(Exchange ex, boolean changes, boolean marketing, Call call) {
        Decision d = decide(ex, changes, marketing);
        Http.answer(ex, d.refusal() != null ? d.refusal() : call.answer(d.actor()));
    }

    /** Who is asking, or why they may not. */
    private record Decision(String actor, ApiResponse refusal) {}

    private Decision decide(Exchange ex, boolean changes, boolean marketing) {
        String auth = requestHeader(ex, "Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return apiToken.isPresent() && Sessions.same(apiToken.get(), auth.substring(7).trim()) ? new Decision("api", null)
                    : new Decision(null, ApiResponse.error(401, "Invalid API token"));
        }
        Optional<Sessions.Session> s = session(ex);
        if (s.isEmpty()) {
            return new Decision(null, ApiResponse.error(401, "Log in to the console, or send Authorization: Bearer <CARELOOP_API_TOKEN>"));
        }
        if (changes && !Sessions.same(s.get().csrfToken(), requestHeader(ex, "X-CSRF-Token"))) {
            return new Decision(null, ApiResponse.error(403, "Missing or wrong X-CSRF-Token"));
        }
        if (!marketing && s.get().role() == UserStore.Role.MARKETING) {
            return new Decision(null, ApiResponse.error(403, "The marketing role cannot see or act on drafts"));
        }
        return new Decision(s.get().username(), null);
    }

    /** Who is asking, for reads outside the JSON API (downloads): the API token or an agent's session. */
    Optional<String> agent(Exchange ex) {
        String auth = requestHeader(ex, "Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return apiToken.isPresent() && Sessions.same(apiToken.get(), auth.substring(7).trim()) ? Optional.of("api") : Optional.empty();
        }
        return session(ex).filter(s -> s.role() != UserStore.Role.MARKETING).map(Sessions.Session::username);
    }

    Optional<Sessions.Session> session(Exchange ex) {
        return Optional.ofNullable(cookie(ex, COOKIE)).flatMap(sessions::find);
    }

    /** The value of the request's cookie of that name, or null. */
    static String cookie(Exchange ex, String name) {
        String cookies = requestHeader(ex, "Cookie");
        if (cookies == null) {
            return null;
        }
        for (String c : cookies.split(";")) {
            String[] kv = c.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals(name)) {
                return kv[1];
            }
        }
        return null;
    }
}
