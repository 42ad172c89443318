package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.careloop.platform.Connections;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The response-header policy over real HTTP: what a response may carry, on the normal and the error path, and what every one carries. */
class ResponseHeadersTest {

    static final String TOKEN = "headers-test-token";
    /** What an attacker puts in a request, in the hope of seeing it come back as a header. */
    static final String PLANTED = "planted-by-request";
    /** Headers the HTTP layer itself writes; everything else must be one of CareLoop's own. */
    static final Set<String> TRANSPORT = Set.of(":status", "content-length", "content-type", "transfer-encoding", "allow");

    static Database db;
    static TestWeb.Server served;
    /** Turned on, the health check's database ping throws: a route that fails with an exception. */
    static final AtomicBoolean PING_THROWS = new AtomicBoolean();
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        db = Database.open("jdbc:h2:mem:headerstest;DB_CLOSE_DELAY=-1", "sa", "");
        db.users().save(new UserStore.User("agent", Sessions.hash("agent-password"), UserStore.Role.AGENT));
        Clock clock = Clock.systemUTC();
        WebEndpoints web = TestWeb.endpoints(db, new Connections(), clock, () -> {
            if (PING_THROWS.get()) {
                throw new IllegalStateException("the database driver crashed");
            }
            return db.ping();
        }, Optional.of(TOKEN));
        served = TestWeb.serve(db, web, TestWeb.praise(db, web, clock, Optional.empty()), TestWeb.moderation(db, web, new Connections()));
    }

    @AfterAll
    static void stop() {
        served.close();
        db.close();
    }

    static HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(served.base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Query parameters named like the headers a response may carry, all planted. */
    static String plantedQuery() {
        return "?Set-Cookie=careloop_session%3D" + PLANTED + "&Location=https%3A%2F%2F" + PLANTED + ".example&Cache-Control=" + PLANTED
                + "&Content-Security-Policy=" + PLANTED + "&X-Planted=" + PLANTED;
    }

    static void carriesOnlyItsOwnHeaders(HttpResponse<String> r) {
        Set<String> allowed = new HashSet<>(TRANSPORT);
        allowed.addAll(ResponseHeaders.SENT);
        ResponseHeaders.POLICY.keySet().forEach(name -> allowed.add(name.toLowerCase(Locale.ROOT)));
        assertThat(r.headers().map().keySet()).as("header names").allSatisfy(name -> assertThat(allowed).contains(name.toLowerCase(Locale.ROOT)));
        r.headers().map().forEach((name, values) -> assertThat(values).as(name).noneSatisfy(v -> assertThat(v).contains(PLANTED)));
    }

    static void hasThePolicy(HttpResponse<String> r, String what) {
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).as(what).contains("same-origin");
    }

    @Test
    void aPasswordLongerThanBcryptTakesIsAWrongPasswordAndNothingSentComesBack() throws Exception {
        String password = PLANTED + "-" + "p".repeat(80);
        TestWeb.LoginForm form = TestWeb.loginForm(http, served.base());
        HttpResponse<String> r = call("POST", "/login" + plantedQuery(), "username=agent&password=" + password + "&csrf=" + form.csrf()
                + "&Location=" + PLANTED, "Content-Type", "application/x-www-form-urlencoded", "Cookie", form.cookie(),
                "X-CSRF-Token", PLANTED, "X-Planted", PLANTED);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("Wrong username or password").doesNotContain(password);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        carriesOnlyItsOwnHeaders(r);
    }

    @Test
    void aRouteThatFailsAnswersWithNothingTheRequestSent() throws Exception {
        PING_THROWS.set(true);
        try {
            HttpResponse<String> r = call("GET", "/health" + plantedQuery(), null, "X-CSRF-Token", PLANTED, "Referrer-Policy", "unsafe-url",
                    "Cookie", "careloop_session=" + PLANTED, "Authorization", "Bearer " + PLANTED);
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).doesNotContain("crashed").doesNotContain("Exception");
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(r.headers().firstValue("Location")).isEmpty();
            carriesOnlyItsOwnHeaders(r);
            hasThePolicy(r, "an error");
        } finally {
            PING_THROWS.set(false);
        }
    }

    @Test
    void everyAnswerCarriesThePolicy() throws Exception {
        String auth = "Bearer " + TOKEN;
        HttpResponse<String> login = TestWeb.login(http, served.base(), "agent", "agent-password");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String etag = call("GET", "/assets/console.js", null).headers().firstValue("ETag").orElseThrow();
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("a JSON answer", call("GET", "/api/drafts" + plantedQuery(), null, "Authorization", auth));
        answers.put("a JSON refusal", call("GET", "/api/drafts", null));
        answers.put("a JSON 404", call("GET", "/api/drafts/999999", null, "Authorization", auth));
        answers.put("an asset", call("GET", "/assets/console.js", null));
        answers.put("an unchanged asset", call("GET", "/assets/console.js", null, "If-None-Match", etag));
        answers.put("no such asset", call("GET", "/assets/nothing.js", null));
        answers.put("/health", call("GET", "/health", null));
        answers.put("/metrics", call("GET", "/metrics", null));
        answers.put("the login page", call("GET", "/login", null));
        answers.put("signing in", login);
        answers.put("the console", call("GET", "/", null, "Cookie", cookie));
        answers.put("the tickets page", call("GET", "/tickets", null, "Cookie", cookie));
        answers.put("a redirect to the login", call("GET", "/" + plantedQuery(), null));
        answers.put("an unknown path", call("GET", "/no-such-page", null));
        answers.put("a method the path does not take", call("DELETE", "/login", null));
        answers.forEach((what, r) -> {
            hasThePolicy(r, what);
            carriesOnlyItsOwnHeaders(r);
        });
    }
}
