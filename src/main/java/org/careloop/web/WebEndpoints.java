package org.careloop.web;

import io.netty.handler.codec.http.QueryStringDecoder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.careloop.config.Json;

/**
 * The HTTP side of the console and API, called from {@code routes/console.yaml} and {@code routes/api.yaml}: who is asking
 * (API token or console session, with CSRF for sessions), what they may do, and the responses.
 * The work itself is in {@link DraftsApi} and {@link HealthApi}.
 */
public final class WebEndpoints {

    static final String COOKIE = "careloop_session";
    /** The login form's own token, before any session (login CSRF); sent to /login only. */
    static final String LOGIN_COOKIE = "careloop_login";

    private final DraftsApi drafts;
    private final StatusApi status;
    private final ReportsApi reports;
    private final HealthApi health;
    private final Sessions sessions;
    private final TicketsApi tickets;
    private final Optional<String> apiToken;
    private final boolean secureCookies;
    private final Template loginPage;
    private final Template consolePage;
    private final Template ticketsPage;

    /**
     * @param apiToken      the automation token (CARELOOP_API_TOKEN); token access is off when empty
     * @param secureCookies mark the session cookie Secure (when CareLoop is served over HTTPS)
     */
    static {
        NullableFields.register();
    }

    public WebEndpoints(DraftsApi drafts, StatusApi status, ReportsApi reports, HealthApi health, Sessions sessions,
                        TicketsApi tickets, Optional<String> apiToken, boolean secureCookies) {
        this.drafts = drafts;
        this.status = status;
        this.reports = reports;
        this.health = health;
        this.sessions = sessions;
        this.tickets = tickets;
        this.apiToken = apiToken.filter(t -> !t.isBlank());
        this.secureCookies = secureCookies;
        Mustache.Compiler compiler = Mustache.compiler().defaultValue("");
        this.loginPage = compiler.compile(resource("web/login.html"));
        this.consolePage = compiler.compile(resource("web/console.html"));
        this.ticketsPage = compiler.compile(resource("web/tickets.html"));
    }

    // --- API -----------------------------------------------------------------------------------

    public void listDrafts(Exchange ex) {
        ifAllowed(ex, false, actor -> drafts.list(query(ex, "status"), query(ex, "limit"), query(ex, "after")));
    }

    public void queueSize(Exchange ex) {
        ifAllowed(ex, false, actor -> drafts.queueSize());
    }

    public void getDraft(Exchange ex) {
        ifAllowed(ex, false, actor -> drafts.get(header(ex, "id")));
    }

    public void approve(Exchange ex) {
        ifAllowed(ex, true, actor -> drafts.approve(header(ex, "id"), actor, body(ex)));
    }

    public void reject(Exchange ex) {
        ifAllowed(ex, true, actor -> drafts.reject(header(ex, "id"), actor, body(ex)));
    }

    public void retry(Exchange ex) {
        ifAllowed(ex, true, actor -> drafts.retry(header(ex, "id"), actor));
    }

    public void accounts(Exchange ex) {
        ifAllowed(ex, false, actor -> health.accounts());
    }

    public void claim(Exchange ex) {
        ifAllowed(ex, true, actor -> drafts.claim(header(ex, "id"), actor));
    }

    public void release(Exchange ex) {
        ifAllowed(ex, true, actor -> drafts.release(header(ex, "id"), actor));
    }

    public void snooze(Exchange ex) {
        ifAllowed(ex, true, actor -> drafts.snooze(header(ex, "id"), actor, body(ex)));
    }

    public void assign(Exchange ex) {
        ifAllowed(ex, true, actor -> drafts.assign(header(ex, "id"), actor, body(ex)));
    }

    public void ignored(Exchange ex) {
        ifAllowed(ex, false, actor -> drafts.ignored(query(ex, "limit")));
    }

    public void status(Exchange ex) {
        ifAllowed(ex, false, actor -> status.status());
    }

    public void alerts(Exchange ex) {
        ifAllowed(ex, false, actor -> status.alerts(query(ex, "kind"), query(ex, "limit")));
    }

    public void acknowledgeAlert(Exchange ex) {
        ifAllowed(ex, true, actor -> status.acknowledge(header(ex, "id"), actor));
    }

    public void acknowledgeAlertKind(Exchange ex) {
        ifAllowed(ex, true, actor -> status.acknowledgeKind(header(ex, "kind"), actor));
    }

    /** The kill switch stops all unattended publishing; agents may pull it, as anyone on a team may stop the line. */
    public void killSwitch(Exchange ex) {
        ifAllowed(ex, true, actor -> status.killSwitch(actor, body(ex)));
    }

    public void reports(Exchange ex) {
        ifAllowed(ex, false, actor -> reports.report(query(ex, "days")));
    }

    public void listTickets(Exchange ex) {
        ifAllowed(ex, false, actor -> tickets.list(query(ex, "status"), query(ex, "limit")));
    }

    public void getTicket(Exchange ex) {
        ifAllowed(ex, false, actor -> tickets.get(header(ex, "id")));
    }

    public void replyStyles(Exchange ex) {
        ifAllowed(ex, false, actor -> tickets.replyStyles());
    }

    public void resolveTicket(Exchange ex) {
        ifAllowed(ex, true, actor -> tickets.resolve(header(ex, "id"), actor));
    }

    public void newTicketLink(Exchange ex) {
        ifAllowed(ex, true, actor -> tickets.newLink(header(ex, "id"), actor));
    }

    public void closeTicket(Exchange ex) {
        ifAllowed(ex, true, actor -> tickets.close(header(ex, "id"), actor));
    }

    public void ticketMessage(Exchange ex) {
        ifAllowed(ex, true, actor -> tickets.message(header(ex, "id"), actor, body(ex)));
    }

    public void assignTicket(Exchange ex) {
        ifAllowed(ex, true, actor -> tickets.assign(header(ex, "id"), body(ex)));
    }

    /** An attachment, for agents: always a download, never shown inline. */
    public void ticketAttachment(Exchange ex) {
        if (agent(ex).isEmpty()) {
            json(ex, ApiResponse.error(401, "Log in to the console, or send Authorization: Bearer <CARELOOP_API_TOKEN>"));
            return;
        }
        tickets.attachment(header(ex, "id"), header(ex, "file"))
                .ifPresentOrElse(f -> download(ex, f), () -> json(ex, ApiResponse.error(404, "No such attachment")));
    }

    /** Never kept by a browser or a proxy (it gets through Camel's header filter by {@link ResponseHeaders}). */
    static void noStore(Exchange ex) {
        ex.getMessage().setHeader("Cache-Control", "no-store");
    }

    static void download(Exchange ex, TicketPage.File f) {
        clearHeaders(ex);
        Message m = ex.getMessage();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        m.setHeader(Exchange.CONTENT_TYPE, f.contentType());
        m.setHeader("Content-Disposition", "attachment; filename=\"" + f.filename().replaceAll("[^\\x20-\\x7e]", "_") + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(f.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        m.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        noStore(ex);
        m.setBody(f.content());
    }

    public void health(Exchange ex) {
        json(ex, health.health());
    }

    // --- Console -------------------------------------------------------------------------------

    public void console(Exchange ex) {
        consolePage(ex, consolePage, false);
    }

    /** The agents' ticket list and ticket view. */
    public void ticketsConsole(Exchange ex) {
        consolePage(ex, ticketsPage, true);
    }

    /** A console page for the signed-in user; {@code agentsOnly} pages send marketing users back to their own. */
    private void consolePage(Exchange ex, Template page, boolean agentsOnly) {
        Optional<Sessions.Session> s = session(ex);
        if (s.isEmpty()) {
            redirect(ex, "/login");
            return;
        }
        if (agentsOnly && s.get().role() == UserStore.Role.MARKETING) {
            redirect(ex, "/");
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("username", s.get().username());
        model.put("role", s.get().role().name().toLowerCase());
        model.put("csrf", s.get().csrfToken());
        model.put("marketing", s.get().role() == UserStore.Role.MARKETING);
        html(ex, 200, page.execute(model));
    }

    public void loginForm(Exchange ex) {
        newLoginForm(ex, 200, null);
    }

    /**
     * Signs in from the login form only: its token must match the cookie set with the form, and a
     * browser must not say the form was on another site. Otherwise another site's form could sign
     * the victim into the attacker's account (login CSRF).
     */
    public void login(Exchange ex) {
        Map<String, String> form = form(ex);
        String token = cookie(ex, LOGIN_COOKIE);
        if (fromAnotherSite(ex) || !Sessions.same(token, form.get("csrf"))) {
            newLoginForm(ex, 403, "This sign-in form has expired or was sent from another site. Please sign in again.");
            return;
        }
        Sessions.Session[] created = new Sessions.Session[1];
        Sessions.LoginResult result = sessions.login(form.get("username"), form.get("password"), address(ex), created);
        switch (result) {
            case OK -> {
                clearHeaders(ex);
                ex.getMessage().setHeader("Set-Cookie", COOKIE + "=" + created[0].id() + "; Path=/; HttpOnly; SameSite=Strict"
                        + (secureCookies ? "; Secure" : ""));
                redirectKeepingHeaders(ex, "/");
            }
            case LOCKED -> html(ex, 429, loginPage.execute(Map.of("error", "Too many failed attempts. Wait a minute and try again.",
                    "csrf", token)));
            default -> html(ex, 401, loginPage.execute(Map.of("error", "Wrong username or password.",
                    "username", form.getOrDefault("username", ""), "csrf", token)));
        }
    }

    /** The login form with a fresh token, in the form and in a cookie only /login sees (no session yet). */
    private void newLoginForm(Exchange ex, int status, String error) {
        String token = sessions.loginToken();
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", token);
        model.put("error", error);
        html(ex, status, loginPage.execute(model));
        ex.getMessage().setHeader("Set-Cookie", LOGIN_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
    }

    /**
     * A request a browser says came from a page of another site: Sec-Fetch-Site (every current
     * browser), else Origin (older ones; "null" from sandboxed or privacy-sensitive contexts).
     * Clients that send neither (scripts, tests) pass; the form's token still has to match.
     */
    static boolean fromAnotherSite(Exchange ex) {
        String site = requestHeader(ex, "Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = requestHeader(ex, "Origin");
        if (origin == null) {
            return false;
        }
        try {
            String authority = java.net.URI.create(origin).getRawAuthority();
            return authority == null || !authority.equalsIgnoreCase(host(ex));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** The host (and port) the client addressed: Host, or HTTP/2's :authority. */
    private static String host(Exchange ex) {
        String host = requestHeader(ex, "Host");
        if (host == null && ex.getMessage() instanceof HttpMessage http && http.getRequest().authority() != null) {
            io.vertx.core.net.HostAndPort a = http.getRequest().authority();
            host = a.port() < 0 ? a.host() : a.host() + ":" + a.port();
        }
        return host;
    }

    public void logout(Exchange ex) {
        Optional<Sessions.Session> s = session(ex);
        if (s.isPresent() && Sessions.same(s.get().csrfToken(), form(ex).get("csrf"))) {
            sessions.logout(s.get().id());
        }
        clearHeaders(ex);
        ex.getMessage().setHeader("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        redirectKeepingHeaders(ex, "/login");
    }

    /** The console's script and style, from the class path. */
    /** The charting library, from its WebJar (the version the build ships). */
    private static final String CHART_JS = "chart.js";
    private static final String CHART_JS_PATH = new org.webjars.WebJarVersionLocator().fullPath("chart.js", "dist/chart.umd.js");

    public void asset(Exchange ex) {
        String name = header(ex, "file");
        if (name == null || !name.matches("[a-z]+\\.(js|css)")) {
            json(ex, ApiResponse.error(404, "Not found"));
            return;
        }
        Asset asset;
        try {
            asset = ASSETS.computeIfAbsent(name, n -> Asset.of(resource(n.equals(CHART_JS) ? CHART_JS_PATH : "web/" + n)));
        } catch (UncheckedIOException e) {
            json(ex, ApiResponse.error(404, "Not found"));
            return;
        }
        boolean unchanged = asset.etag().equals(requestHeader(ex, "If-None-Match"));
        clearHeaders(ex);
        Message m = ex.getMessage();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, unchanged ? 304 : 200);
        m.setHeader(Exchange.CONTENT_TYPE, name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
        // Revalidated on every load, so a new version shows at once; unchanged, it costs a 304.
        m.setHeader("Cache-Control", "no-cache");
        m.setHeader("ETag", asset.etag());
        m.setBody(unchanged ? null : asset.text());
    }

    /** A file of the console's, as served: read once, with the tag a browser revalidates it by. */
    private record Asset(String text, String etag) {
        static Asset of(String text) {
            try {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
                return new Asset(text, "\"" + java.util.HexFormat.of().formatHex(hash, 0, 12) + "\"");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final java.util.Map<String, Asset> ASSETS = new java.util.concurrent.ConcurrentHashMap<>();

    // --- Who is asking ------------------------------------------------------------------------

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
    private void ifAllowed(Exchange ex, boolean changes, Call call) {
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
    private Optional<String> agent(Exchange ex) {
        String auth = requestHeader(ex, "Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return apiToken.isPresent() && Sessions.same(apiToken.get(), auth.substring(7).trim()) ? Optional.of("api") : Optional.empty();
        }
        return session(ex).filter(s -> s.role() != UserStore.Role.MARKETING).map(Sessions.Session::username);
    }

    private Optional<Sessions.Session> session(Exchange ex) {
        return Optional.ofNullable(cookie(ex, COOKIE)).flatMap(sessions::find);
    }

    /** The value of the request's cookie of that name, or null. */
    private static String cookie(Exchange ex, String name) {
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

    // --- Responses ----------------------------------------------------------------------------

    static void json(Exchange ex, ApiResponse r) {
        clearHeaders(ex);
        Message m = ex.getMessage();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, r.status());
        r.headers().forEach(m::setHeader);
        if (r.body() instanceof ApiResponse.Document d) {
            m.setHeader(Exchange.CONTENT_TYPE, d.contentType());
            noStore(ex);
            if (d.fileName() != null) {
                m.setHeader("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"");
            }
            m.setBody(d.content().getBytes(StandardCharsets.UTF_8));
            return;
        }
        m.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        noStore(ex);
        try {
            m.setBody(Json.mapper().writeValueAsString(r.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the response as JSON", e);
        }
    }

    static void html(Exchange ex, int status, String page) {
        clearHeaders(ex);
        Message m = ex.getMessage();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        noStore(ex);
        m.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
        m.setBody(page);
    }

    static void redirect(Exchange ex, String location) {
        clearHeaders(ex);
        redirectKeepingHeaders(ex, location);
    }

    private static void redirectKeepingHeaders(Exchange ex, String location) {
        Message m = ex.getMessage();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, 303);
        m.setHeader("Location", location);
        m.setBody("");
    }

    /**
     * The request's headers (and the query and form fields Camel copies among them) are not the
     * response's; {@link ResponseHeaders} would let none of them out in any case.
     */
    private static void clearHeaders(Exchange ex) {
        ex.getMessage().removeHeaders("*");
    }

    static String header(Exchange ex, String name) {
        return ex.getMessage().getHeader(name, String.class);
    }

    /**
     * A parameter of the request's query string, never a request header of that name: platform-http
     * puts both among the message's headers, so {@code status: rejected} sent as a header would
     * otherwise act as {@code ?status=rejected}.
     */
    static String query(Exchange ex, String name) {
        String raw = ex.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        List<String> values = new QueryStringDecoder(raw, StandardCharsets.UTF_8, false).parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String body(Exchange ex) {
        return ex.getMessage().getBody(String.class);
    }

    /**
     * Form fields from the request body only: credentials and CSRF tokens in a URL would end up in
     * logs and browser history, and Camel also turns query parameters into headers.
     */
    static Map<String, String> form(Exchange ex) {
        Map<String, String> out = new HashMap<>();
        if (ex.getMessage() instanceof HttpMessage http && !http.getRequest().formAttributes().isEmpty()) {
            http.getRequest().formAttributes().forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
            return out;
        }
        String body = body(ex);
        if (body != null && !body.isBlank()) {
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                out.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return out;
    }

    /** A header the client really sent, not a query parameter Camel copied into the headers. */
    static String requestHeader(Exchange ex, String name) {
        if (ex.getMessage() instanceof HttpMessage http) {
            return http.getRequest().getHeader(name);
        }
        return header(ex, name);
    }

    /** The client's address, for slowing down password guessing. */
    static String address(Exchange ex) {
        if (ex.getMessage() instanceof HttpMessage http && http.getRequest().remoteAddress() != null) {
            return http.getRequest().remoteAddress().hostAddress();
        }
        return "unknown";
    }

    static String resource(String path) {
        try (InputStream in = WebEndpoints.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("Missing resource " + path));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
