package org.careloop.web;

import static org.careloop.web.Http.address;
import static org.careloop.web.Http.clearHeaders;
import static org.careloop.web.Http.form;
import static org.careloop.web.Http.header;
import static org.careloop.web.Http.html;
import static org.careloop.web.Http.redirect;
import static org.careloop.web.Http.redirectKeepingHeaders;
import static org.careloop.web.Http.requestHeader;
import static org.careloop.web.Http.resource;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * The console's pages, called from {@code routes/console.yaml}: the queue and the tickets for a
 * signed-in user, signing in and out (with login CSRF), and the pages' script and style.
 */
public final class ConsolePages {

    private static final String COOKIE = Access.COOKIE;
    private static final String LOGIN_COOKIE = Access.LOGIN_COOKIE;

    private final Access access;
    private final Sessions sessions;
    private final boolean secureCookies;
    private final Template loginPage;
    private final Template consolePage;
    private final Template ticketsPage;

    /** @param secureCookies mark the session cookie Secure (when CareLoop is served over HTTPS) */
    ConsolePages(Access access, Sessions sessions, boolean secureCookies) {
        this.access = access;
        this.sessions = sessions;
        this.secureCookies = secureCookies;
        Mustache.Compiler compiler = Mustache.compiler().defaultValue("");
        this.loginPage = compiler.compile(resource("web/login.html"));
        this.consolePage = compiler.compile(resource("web/console.html"));
        this.ticketsPage = compiler.compile(resource("web/tickets.html"));
    }

    public void console(Exchange ex) {
        consolePage(ex, consolePage, false);
    }

    /** The agents' ticket list and ticket view. */
    public void ticketsConsole(Exchange ex) {
        consolePage(ex, ticketsPage, true);
    }

    /** A console page for the signed-in user; {@code agentsOnly} pages send marketing users back to their own. */
    private void consolePage(Exchange ex, Template page, boolean agentsOnly) {
        Optional<Sessions.Session> s = access.session(ex);
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
        String token = Access.cookie(ex, LOGIN_COOKIE);
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
        Optional<Sessions.Session> s = access.session(ex);
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
            Http.answer(ex, ApiResponse.error(404, "Not found"));
            return;
        }
        Asset asset;
        try {
            asset = ASSETS.computeIfAbsent(name, n -> Asset.of(resource(n.equals(CHART_JS) ? CHART_JS_PATH : "web/" + n)));
        } catch (UncheckedIOException e) {
            Http.answer(ex, ApiResponse.error(404, "Not found"));
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
            return new Asset(text, "\"" + org.apache.commons.codec.digest.DigestUtils.sha256Hex(text).substring(0, 24) + "\"");
        }
    }

    private static final java.util.Map<String, Asset> ASSETS = new java.util.concurrent.ConcurrentHashMap<>();
}
