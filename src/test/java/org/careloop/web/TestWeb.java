package org.careloop.web;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.camel.main.Main;
import org.careloop.care.Drafter;
import org.careloop.care.UnattendedGate;
import org.careloop.care.UnsaidReplies;
import org.careloop.webhook.Webhook;
import org.careloop.marketing.PraiseFeed;
import org.careloop.tickets.TicketDesk;
import org.careloop.tickets.UploadRules;
import org.careloop.platform.Connections;
import org.careloop.rules.RuleFiles;
import org.careloop.rules.RulesInForce;
import org.careloop.store.Database;

/** The web endpoints over a test database, wired as CareLoop wires them (unattended mode off). */
final class TestWeb {

    private TestWeb() {}

    /** The accounts' reply styles: X's pay-per-use prices (a reply with a link $0.20, without $0.015), ticket replies with links. */
    static final List<org.careloop.tickets.ReplyStyle> STYLES = List.of(new org.careloop.tickets.ReplyStyle("x", "brand", false, 0.2, 0.015));

    /** The praise feed's endpoints beside {@code web}, with no webhook. */
    static PraiseEndpoints praise(Database db, WebEndpoints web, Clock clock, Optional<String> feedToken) {
        return praise(db, web, clock, feedToken, new Webhook(null));
    }

    static PraiseEndpoints praise(Database db, WebEndpoints web, Clock clock, Optional<String> feedToken, Webhook webhook) {
        return new PraiseEndpoints(web, new PraiseApi(db.praise(), new PraiseFeed(db.praise(), webhook), db.drafts(),
                "http://care.example.com", "Acme Air", clock), feedToken);
    }

    /** Camel serving routes/console.yaml with {@code web} and {@code praiseWeb} on a free port of 127.0.0.1. */
    record Server(Main camel, String base) implements AutoCloseable {
        @Override
        public void close() {
            camel.stop();
        }
    }

    /** Hiding and showing comments, over the database's posts, with the given connections. */
    static ModerationEndpoints moderation(Database db, WebEndpoints web, Connections connections) {
        return new ModerationEndpoints(web, new org.careloop.pipeline.Moderator(db.mentions(), connections, db.audit(), Clock.systemUTC()));
    }

    static Server serve(Database db, WebEndpoints web, PraiseEndpoints praise, ModerationEndpoints moderation) throws Exception {
        return serve(db, web, praise, moderation, null);
    }

    /** @param desk the tickets behind the customer's pages, or null for none */
    static Server serve(Database db, WebEndpoints web, PraiseEndpoints praise, ModerationEndpoints moderation, TicketDesk desk)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return serve(db, web, praise, moderation, desk, port);
    }

    /** On the given port (the console preview's). */
    static Server serve(Database db, WebEndpoints web, PraiseEndpoints praise, ModerationEndpoints moderation, int port) throws Exception {
        return serve(db, web, praise, moderation, null, port);
    }

    private static Server serve(Database db, WebEndpoints web, PraiseEndpoints praise, ModerationEndpoints moderation, TicketDesk desk,
                                int port) throws Exception {
        Main camel = new Main();
        camel.addMainListener(ResponseHeaders.onEveryResponse());
        TicketPage ticketPage = desk == null ? null : new TicketPage(desk, UploadRules.defaults(), "Acme Air");
        camel.addMainListener(RequestLimits.onEveryRequest(token -> ticketPage != null && ticketPage.byPage(token).isPresent(),
                ticketPage == null ? RequestLimits.BODY : ticketPage.maxUploadBytes()));
        camel.bind("web", web);
        camel.bind("access", web.access());
        camel.bind("statusWeb", web.status());
        camel.bind("ticketsWeb", web.tickets());
        camel.bind("consoleWeb", web.pages());
        camel.bind("praiseWeb", praise);
        camel.bind("customerWeb", new CustomerEndpoints(ticketPage));
        camel.bind("moderationWeb", moderation);
        camel.bind("metricsWeb", new MetricsEndpoint(() -> "# TYPE careloop_test gauge\ncareloop_test 1.0\n", java.util.Optional.empty()));
        camel.bind("clustersWeb", clusters(db, web, Clock.systemUTC()));
        camel.bind("incidentsWeb", incidents(db, web, desk, Clock.systemUTC()));
        camel.bind("triageWeb", new TriageEndpoints(web, new org.careloop.pipeline.TriageLedger(db.mentions(), db.alerts(), db.audit(), 3)));
        camel.addOverrideProperty("camel.main.routes-include-pattern", "classpath:routes/console.yaml,classpath:routes/api.yaml");
        camel.addOverrideProperty("camel.server.enabled", "true");
        camel.addOverrideProperty("camel.server.host", "127.0.0.1");
        camel.addOverrideProperty("camel.server.port", String.valueOf(port));
        camel.addOverrideProperty("camel.server.maxBodySize", String.valueOf(RequestLimits.BODY)); // as CamelSettings sets it
        camel.start();
        return new Server(camel, "http://127.0.0.1:" + port);
    }

    /** One request to the server at {@code base}, headers given as name, value, name, value... */
    static HttpResponse<String> call(HttpClient http, String base, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session's CSRF token, as the console page carries it. */
    static String csrf(HttpClient http, String base, String cookie) throws Exception {
        String page = call(http, base, "GET", "/", null, "Cookie", cookie).body();
        int i = page.indexOf("name=\"csrf-token\" content=\"");
        return page.substring(i + 27, page.indexOf('"', i + 27));
    }

    /** The login form as a browser gets it: its cookie ({@code careloop_login=...}) and the token in its hidden field. */
    record LoginForm(String cookie, String csrf) {}

    static LoginForm loginForm(HttpClient http, String base) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!token.find()) {
            throw new AssertionError("The login form has no token: " + form.body());
        }
        return new LoginForm(form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0], token.group(1));
    }

    /** Signs in as the console's login form does (its token and cookie); the answer to the POST. */
    static HttpResponse<String> login(HttpClient http, String base, String user, String password) throws Exception {
        LoginForm form = loginForm(http, base);
        return http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", form.cookie())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&csrf=" + form.csrf())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static WebEndpoints endpoints(Database db, Connections connections, Clock clock, BooleanSupplier dbUp, Optional<String> token) {
        return endpoints(db, connections, clock, dbUp, token, null);
    }

    /** @param desk the ticket desk to use, or null for one of its own */
    static WebEndpoints endpoints(Database db, Connections connections, Clock clock, BooleanSupplier dbUp, Optional<String> token,
                                  TicketDesk desk) {
        RulesInForce rules = new RulesInForce(RuleFiles.classpath("rules"), clock);
        UnattendedGate gate = new UnattendedGate(new UnattendedGate.Policy(Map.of(), false, 0.5, 0.5, 3, 60, false),
                () -> db.switches().isOn(StatusApi.KILL_SWITCH), rules, db.drafts(), clock);
        List<String> accounts = connections.adapters().stream().map(a -> a.account()).toList();
        if (desk == null) {
            desk = tickets(db, rules, clock);
        }
        return new WebEndpoints(new DraftsApi(db.drafts(), db.mentions(), db.users(), Duration.ofMinutes(5), clock),
                new StatusApi(db.alerts(), surges(db, rules, clock), rules, gate, db.switches(), accounts, Duration.ofMinutes(10)),
                new ReportsApi(db.drafts(), db.tickets(), db.mentions(), Duration.ofMinutes(10), clock),
                new HealthApi(connections, dbUp), new Sessions(db.users(), db.sessions(), db.loginBrake(), clock, Duration.ofHours(1)),
                new TicketsApi(desk, db.mentions(), db.users(),
                        STYLES), token, false);
    }

    /** The clusters API as CareLoop wires it, for the brand "Acme Air". */
    static ClusterEndpoints clusters(Database db, WebEndpoints web, Clock clock) {
        RulesInForce rules = new RulesInForce(RuleFiles.classpath("rules"), clock);
        Drafter drafter = new Drafter(rules, Duration.ofMinutes(10), new Drafter.Voice("Acme Air", "", "within the hour"));
        return new ClusterEndpoints(web, new ClustersApi(db.clusters(), db.drafts(), new org.careloop.care.Grouping("Acme Air"),
                new org.careloop.care.ClusterReplies(drafter, db.drafts(), clock), db.users(), clock, STYLES));
    }

    /** The incidents API as CareLoop wires it (tickets on {@code desk}, or a desk of its own when null), with no webhook. */
    static IncidentEndpoints incidents(Database db, WebEndpoints web, TicketDesk desk, Clock clock) {
        RulesInForce rules = new RulesInForce(RuleFiles.classpath("rules"), clock);
        TicketDesk tickets = desk != null ? desk : tickets(db, rules, clock);
        Drafter drafter = new Drafter(rules, Duration.ofMinutes(10), new Drafter.Voice("Acme Air", "", "within the hour"));
        org.careloop.care.Grouping grouping = new org.careloop.care.Grouping("Acme Air");
        org.careloop.care.ClusterReplies replies = new org.careloop.care.ClusterReplies(drafter, db.drafts(), clock);
        org.careloop.tickets.IncidentDesk incidents = new org.careloop.tickets.IncidentDesk(db.incidents(), tickets,
                new org.careloop.care.Clustering(db.clusters(), grouping, Duration.ofHours(6)), db.clusters(), db.drafts(), db.mentions(), replies,
                new Webhook(null), clock);
        ClustersApi clusters = new ClustersApi(db.clusters(), db.drafts(), grouping, replies, db.users(), clock, STYLES);
        return new IncidentEndpoints(web, new IncidentsApi(incidents, new TicketsApi(tickets, db.mentions(), db.users(), List.of()), clusters::label));
    }

    /** The surge watch as CareLoop wires it by default (window 5 min, baseline 3 h, factor 4, floor 25), with no webhook. */
    static org.careloop.care.SurgeWatch surges(Database db, RulesInForce rules, Clock clock) {
        return new org.careloop.care.SurgeWatch(db.surges(), rules, new Webhook(null),
                org.careloop.care.SurgeWatch.Policy.fromSettings(org.careloop.config.Settings.of(Map.of())), clock);
    }

    /** The ticket desk as CareLoop wires it, with closing messages left in the queue (unattended mode off). */
    static TicketDesk tickets(Database db, RulesInForce rules, Clock clock) {
        Drafter drafter = new Drafter(rules, Duration.ofMinutes(10), new Drafter.Voice("Acme Air", "", "within the hour"));
        return new TicketDesk(db.tickets(), db.mentions(), db.drafts(), drafter, new UnsaidReplies(db.drafts(),
                db.recentTexts(), clock), rules, d -> d, new Webhook(null), "http://care.example",
                account -> false, clock);
    }
}
