package org.careloop.web;

import static org.careloop.web.Http.json;
import static org.careloop.web.Http.requestHeader;

import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * Who is asking and what they may do, for every endpoint of the console and the API: the API
 * token, or a console session (with its CSRF token for changes); marketing users see only the
 * praise feed.
 */
final class Access {

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
        ApiResponse run(String actor);

        /** What to send: the call's answer, or 400 saying which field of the body it cannot take. */
        default ApiResponse answer(String actor) {
            try {
                return run(actor);
            } catch (JsonBody.Invalid e) {
                return ApiResponse.error(400, e.getMessage());
            }
        }
    }

    /**
     * Runs the call for an authenticated caller: the API token, or a console session (with the
     * CSRF token for changes). Marketing users may not see or act on drafts.
     */
    void ifAllowed(Exchange ex, boolean changes, Call call) {
        ifAllowed(ex, changes, false, call);
    }

    /** As above; {@code marketing}: the marketing role may make this call too (the praise feed). */
    void ifAllowed(Exchange ex, boolean changes, boolean marketing, Call call) {
        String auth = requestHeader(ex, "Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            if (apiToken.isPresent() && Sessions.same(apiToken.get(), auth.substring(7).trim())) {
                json(ex, call.answer("api"));
            } else {
                json(ex, ApiResponse.error(401, "Invalid API token"));
            }
            return;
        }
        Optional<Sessions.Session> s = session(ex);
        if (s.isEmpty()) {
            json(ex, ApiResponse.error(401, "Log in to the console, or send Authorization: Bearer <CARELOOP_API_TOKEN>"));
            return;
        }
        if (changes && !Sessions.same(s.get().csrfToken(), requestHeader(ex, "X-CSRF-Token"))) {
            json(ex, ApiResponse.error(403, "Missing or wrong X-CSRF-Token"));
            return;
        }
        if (!marketing && s.get().role() == UserStore.Role.MARKETING) {
            json(ex, ApiResponse.error(403, "The marketing role cannot see or act on drafts"));
            return;
        }
        json(ex, call.answer(s.get().username()));
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
