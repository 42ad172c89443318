package org.careloop;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.main.Main;
import org.careloop.pipeline.AnalysisStep;
import org.careloop.analysis.Analyzer;
import org.careloop.analysis.SocialAnalyzer;
import org.careloop.pipeline.DraftStep;
import org.careloop.care.AnsweredOnPlatform;
import org.careloop.care.DraftSettler;
import org.careloop.pipeline.Moderator;
import org.careloop.care.Drafter;
import org.careloop.care.Publisher;
import org.careloop.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.health.CareLoopHealthChecks;
import org.careloop.health.RegistryJudge;
import org.careloop.metrics.CareMetrics;
import org.careloop.metrics.MicrometerCareMetrics;
import org.careloop.web.ClusterEndpoints;
import org.careloop.web.ClustersApi;
import org.careloop.web.IncidentEndpoints;
import org.careloop.web.IncidentsApi;
import org.careloop.web.MetricsEndpoint;
import org.careloop.platform.Connections;
import org.careloop.platform.camel.PlatformComponent;
import org.careloop.platform.facebook.GraphAccounts;
import org.careloop.platform.x.XAccount;
import org.careloop.platform.x.XAdapter;
import org.careloop.pipeline.DecisionStep;
import org.careloop.rules.RuleFiles;
import org.careloop.rules.RulesInForce;
import org.careloop.care.Switches;
import org.careloop.care.SlaPolicy;
import org.careloop.care.SlaWatch;
import org.careloop.care.SurgeHolding;
import org.careloop.care.SurgeWatch;
import org.careloop.pipeline.SurgeStep;
import org.careloop.pipeline.TriageLedger;
import org.careloop.care.UnattendedGate;
import org.careloop.webhook.Webhook;
import org.careloop.webhook.WebhookRelay;
import java.util.HashMap;
import java.util.Map;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.careloop.store.Database;
import org.careloop.web.AdminBootstrap;
import org.careloop.web.DraftsApi;
import org.careloop.web.ReportsApi;
import org.careloop.web.StatusApi;
import org.careloop.platform.PlatformAdapter;
import java.util.List;
import java.util.Optional;
import org.careloop.tickets.IncidentDesk;
import org.careloop.tickets.TicketDesk;
import org.careloop.tickets.TicketSettings;
import org.careloop.web.ConsoleSettings;
import org.careloop.web.CustomerEndpoints;
import org.careloop.web.HealthApi;
import org.careloop.web.ModerationEndpoints;
import org.careloop.web.TriageEndpoints;
import org.careloop.web.TicketPage;
import org.careloop.web.TicketsApi;
import org.careloop.marketing.PraiseFeed;
import org.careloop.web.PraiseApi;
import org.careloop.web.PraiseEndpoints;
import org.careloop.web.RequestLimits;
import org.careloop.web.ResponseHeaders;
import org.careloop.web.Sessions;
import org.careloop.web.WebEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled application: the database, the platform connections, the pipeline beans, and
 * Camel Main running the routes in {@code routes/}. Everything is wired here by hand, so the
 * beans themselves stay plain Java.
 *
 * <p>Long on purpose: the whole wiring in one file, read top to bottom in the pipeline's order, is the
 * map of which bean the routes call; split up, a missing or doubled bean would hide between files.
 */
public final class CareLoop {

    private static final Logger LOG = LoggerFactory.getLogger(CareLoop.class);

    private final Settings settings;
    private final Simulator simulator;
    private final Database database;
    private final Connections connections;
    private final Main camel;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private CareLoop(Settings settings, Simulator simulator, Database database, Connections connections, Main camel) {
        this.settings = settings;
        this.simulator = simulator;
        this.database = database;
        this.connections = connections;
        this.camel = camel;
    }

    /** Starts everything the settings ask for and returns once the console is listening. */
    public static CareLoop start(Settings settings) throws Exception {
        // Every area's settings (and weak secrets) checked before anything listens or opens.
        Configuration config = Configuration.read(settings);
        ConsoleSettings console = config.console();
        Clock clock = Clock.systemUTC();
        Simulator simulator = null;
        if (settings.simulatorOn()) {
            simulator = Simulator.start(SimulatorConfig.fromSettings(settings));
        }
        Database database = Database.open(config.database());
        Connections connections = new Connections(clock, config.failedPollsTolerated());
        Publisher.Policy publishing = config.publishing();
        // Unconfigured, X and the Graph API follow the embedded simulator wherever it listens (careloop.simulator.port).
        for (XAccount account : XAccount.allFromSettings(settings, simulator != null ? simulator.baseUrl() + "/" : XAccount.REAL_API_URL)) {
            if (PlatformAdapter.minimumLease(account.readTimeout()).compareTo(publishing.sendingLease()) >= 0) {
                // An attempt still waiting for X must not be taken for a lost one and sent again.
                throw new IllegalArgumentException("Setting careloop.outbox.sending-lease (" + publishing.sendingLease()
                        + ") must be more than " + PlatformAdapter.minimumLease(account.readTimeout()).toSeconds()
                        + " s: twice the longest call to X, account " + account.name() + "'s read timeout (" + account.readTimeout()
                        + ") plus the " + PlatformAdapter.CONNECT_TIMEOUT.toSeconds() + " s connect timeout");
            }
            connections.register(new XAdapter(account));
        }
        GraphAccounts.register(settings, connections, publishing.sendingLease(),
                simulator != null ? simulator.baseUrl() + "/" : "https://graph.facebook.com/");
        // The per-account switches, now that the accounts are known.
        List<String> accounts = accounts(connections);
        TicketSettings ticketSettings = TicketSettings.fromSettings(settings, connections.adapters().stream()
                .map(a -> new TicketSettings.Account(a.platform().id(), a.account())).toList());
        UnattendedGate.Policy unattended = UnattendedGate.Policy.fromSettings(settings, accounts);
        SurgeHolding.Policy surgeHolding = SurgeHolding.Policy.fromSettings(settings, accounts);

        Analyzer analyzer = new SocialAnalyzer();
        RulesInForce rules = new RulesInForce(RuleFiles.fromSettings(settings), clock);
        SlaPolicy sla = config.sla();
        Drafter.Voice voice = config.voice();
        Drafter drafter = new Drafter(rules, sla.firstResponse(), voice);
        AdminBootstrap.Login login = AdminBootstrap.ensureAdmin(database.users(), console.adminPassword());
        if (AdminBootstrap.ensureMarketing(database.users(), console.marketingPassword())) {
            LOG.info("Marketing login: {} / the password in CARELOOP_MARKETING_PASSWORD (sees the praise feed only)", AdminBootstrap.MARKETING);
        }
        String publicUrl = console.publicUrl();

        // A connection that breaks (an expired token, the platform down) alerts the team, not only the log.
        connections.onUnhealthy(s -> database.alerts().raise("connection", null, s.platform().id() + " account " + s.account()
                + " is unhealthy: " + s.lastError()));
        Switches switches = database.switches();
        UnattendedGate gate = new UnattendedGate(unattended, () -> switches.isOn(StatusApi.KILL_SWITCH), rules,
                database.drafts(), clock);
        Webhook slaHook = config.slaHook().webhook(clock).durable("sla", database.webhooks());
        // Operators' meters: CareLoop's and Camel's in one Prometheus registry, scraped at /metrics.
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CareMetrics metrics = careMetrics(meters, database);
        // Every reply (first, holding, closing) in words the account has not used in a day, across nodes.
        org.careloop.care.UnsaidReplies unsaid = new org.careloop.care.UnsaidReplies(database.drafts(), database.recentTexts(), clock);
        SlaWatch watch = new SlaWatch(database.drafts(), drafter, unsaid, gate, database.alerts(), slaHook, sla, clock).withMetrics(metrics);
        // One alert for the milestones that passed while CareLoop was stopped; the scheduled sweep
        // (routes/sla.yaml) fires the rest as they come due, on whichever node the scheduler picks.
        watch.catchUp();

        DraftSettler settler = new DraftSettler(database.drafts(), gate, clock);
        Webhook ticketHook = ticketSettings.webhook().webhook(clock).durable("tickets", database.webhooks());
        TicketDesk desk = new TicketDesk(database.tickets(), database.mentions(), database.drafts(), drafter, unsaid, rules, settler::settle,
                ticketHook, publicUrl, ticketSettings::linkFree, clock, ticketSettings.closingWithin());
        // Surges per topic and care action, counted in the database as posts are triaged; raised on the SLA's webhook.
        SurgeWatch surges = new SurgeWatch(database.surges(), rules, slaHook, config.surges(), clock);
        org.careloop.care.Grouping grouping = new org.careloop.care.Grouping(voice.brand());
        org.careloop.care.Clustering clustering = new org.careloop.care.Clustering(database.clusters(), grouping,
                config.clustersWindow(),
                text -> rules.get().settings().topicOf(text).map(org.careloop.rules.Topic::key));
        org.careloop.care.ClusterReplies clusterReplies = new org.careloop.care.ClusterReplies(drafter, database.drafts(), clock);
        // A post about an open incident joins it instead of opening a ticket; the desk opens the rest.
        IncidentDesk incidents = new IncidentDesk(database.incidents(), desk, clustering, database.clusters(), database.drafts(), database.mentions(),
                clusterReplies, ticketHook, clock);
        // The team's replies on the platform itself settle the posts they answer, whichever is read first.
        AnsweredOnPlatform answeredOnPlatform = new AnsweredOnPlatform(database.drafts(), database.mentions()::repliesTo, clock);
        DraftStep draftStep = new DraftStep(drafter, database.drafts(), unsaid, settler, incidents, database.alerts(), clock).withMetrics(metrics)
                .withAnsweredOnPlatform(answeredOnPlatform);
        TicketPage ticketPage = new TicketPage(desk, config.uploads(), voice.brand());

        // No main class: routes come from routes/*.yaml only, never from scanning the class path.
        Main camel = new Main();
        boolean clustered = config.cluster().on(database.kind());
        if (clustered) {
            // Several nodes on one PostgreSQL: Quartz's clustered JDBC job store fires each scheduled route
            // (each account's poll, the outbox, the SLA sweep, the webhook relay...) on one node at a time.
            QuartzComponent quartz = new QuartzComponent();
            quartz.setProperties(database.clusteredScheduler(config.cluster().checkinInterval()));
            quartz.setPrefixInstanceName(false); // one scheduler name on every node: that is what makes them one cluster
            camel.bind("quartz", quartz);
        }
        // nosniff and a referrer policy on every response of the console's server, its own 404s and errors included.
        camel.addMainListener(ResponseHeaders.onEveryResponse());
        // Small bodies everywhere, a customer's files only for a real page; an unreadable request gets a short 4xx.
        camel.addMainListener(RequestLimits.onEveryRequest(token -> ticketPage.byPage(token).isPresent(), ticketPage.maxUploadBytes()));
        // Camel's micrometer-prometheus service (camel.metrics.enabled) finds this registry by its name and adds Camel's meters.
        camel.bind("metricsRegistry", meters);
        camel.bind("metricsWeb", new MetricsEndpoint(meters::scrape, console.metricsToken()));
        camel.bind("platform", new PlatformComponent(connections, database.cursors()).withMetrics(metrics));
        camel.bind("mentionStore", database.mentions());
        // Clustered, the triage is shared: the polling node records, every node claims (routes/pipeline.yaml).
        TriageLedger triage = new TriageLedger(database.mentions(), database.alerts(), database.audit(), config.triageMaxAttempts(),
                clustered ? TriageLedger.Sharing.fromSettings(settings, nodeName()) : null).withMetrics(metrics);
        camel.bind("triageLedger", triage);
        // Camel's health-check registry gets a check per account, the database, the scheduler and the triage (beside Camel's own).
        camel.addMainListener(CareLoopHealthChecks.onStart(connections, database::ping, triage::stalledSince));
        camel.bind("analysisStep", new AnalysisStep(analyzer, database.mentions()));
        camel.bind("rules", rules);
        camel.bind("decisionStep", new DecisionStep(rules, database.mentions(), new org.careloop.pipeline.Threads(database.mentions(), database.drafts()), clock));
        Moderator moderator = new Moderator(database.mentions(), connections, database.audit(), clock);
        camel.bind("moderator", moderator);
        camel.bind("answeredOnPlatform", answeredOnPlatform);
        camel.bind("draftStep", draftStep);
        camel.bind("clustering", clustering);
        camel.bind("surgeStep", new SurgeStep(surges));
        camel.bind("surgeWatch", surges);
        camel.bind("surgeHolding", new SurgeHolding(surges, database.drafts(), drafter, unsaid,
                gate, surgeHolding, clock));
        camel.bind("slaWatch", watch);
        camel.bind("ticketDesk", desk);
        if (config.marketingHook().url().isPresent() && !config.marketingHook().signedBodies()) {
            LOG.warn("careloop.marketing.webhook-url is set without CARELOOP_MARKETING_WEBHOOK_SECRET: praise is sent unsigned");
        }
        Webhook praiseHook = config.marketingHook().webhook(clock).durable("marketing", database.webhooks());
        PraiseFeed praise = new PraiseFeed(database.praise(), praiseHook);
        camel.bind("praiseFeed", praise);
        camel.bind("publisher", new Publisher(database.outbox(), connections, clock, publishing).withMetrics(metrics));
        camel.bind("webhookRelay", new WebhookRelay(List.of(slaHook, ticketHook, praiseHook)));
        TicketsApi ticketsApi = new TicketsApi(desk, database.mentions(), database.users(), ticketSettings.styles());
        WebEndpoints web = new WebEndpoints(
                new DraftsApi(database.drafts(), database.mentions(), database.users(),
                        console.claimFor(), clock,
                        new org.careloop.care.Suggestions(drafter, new org.careloop.care.PastReplies(database.drafts()::decided, drafter, clock))),
                new StatusApi(database.alerts(), surges, rules, gate, switches, accounts, sla.firstResponse()),
                new ReportsApi(database.drafts(), database.tickets(), database.mentions(), sla.firstResponse(), clock),
                // Judged by Camel's health-check registry (CareLoopHealthChecks): the same checks /observe/health shows.
                new HealthApi(connections, new RegistryJudge(camel::getCamelContext)),
                // In the database: a login is valid on every node, so any load balancer works, and guesses add up over the nodes.
                new Sessions(database.users(), database.sessions(), database.loginBrake(), clock,
                        console.sessionTimeout()),
                ticketsApi,
                console.apiToken(), console.secureCookies());
        camel.bind("web", web);
        camel.bind("access", web.access());
        camel.bind("statusWeb", web.status());
        camel.bind("ticketsWeb", web.tickets());
        camel.bind("consoleWeb", web.pages());
        camel.bind("customerWeb", new CustomerEndpoints(ticketPage));
        camel.bind("moderationWeb", new ModerationEndpoints(web, moderator));
        camel.bind("triageWeb", new TriageEndpoints(web, triage));
        ClustersApi clustersApi = new ClustersApi(database.clusters(), database.drafts(), grouping, clusterReplies, database.users(), clock,
                ticketSettings.styles());
        camel.bind("clustersWeb", new ClusterEndpoints(web, clustersApi));
        camel.bind("incidentDesk", incidents);
        camel.bind("incidentsWeb", new IncidentEndpoints(web, new IncidentsApi(incidents, ticketsApi, clustersApi::label)));
        camel.bind("praiseWeb", new PraiseEndpoints(web, new PraiseApi(database.praise(), praise, database.drafts(), publicUrl,
                voice.brand(), clock), console.feedToken()));
        camel.setOverrideProperties(CamelSettings.from(settings, connections, triage.shared()));
        try (AutoCloseable alone = database.startingAlone()) {
            camel.start();
        }

        if (clustered) {
            LOG.info("Scheduling clustered on PostgreSQL as node {}: each scheduled job fires on one node at a time; posts are triaged by "
                    + "every node, this one claiming them as {}", camel.getCamelContext().getComponent("quartz", QuartzComponent.class)
                    .getScheduler().getSchedulerInstanceId(), nodeName());
        }

        CareLoop app = new CareLoop(settings, simulator, database, connections, camel);
        app.printWelcome(publicUrl, login);
        return app;
    }

    /** This process among the nodes sharing the triage: its host and process id. */
    static String nodeName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "node";
        }
        String pid = "-" + ProcessHandle.current().pid();
        return (host.length() + pid.length() > 64 ? host.substring(0, 64 - pid.length()) : host) + pid;
    }

    /** CareLoop's meters in the registry: the counters the beans feed, and gauges read from the database. */
    static CareMetrics careMetrics(MeterRegistry meters, Database database) {
        var drafts = database.drafts();
        MicrometerCareMetrics metrics = new MicrometerCareMetrics(meters, (draftId, at) -> drafts.find(draftId)
                .map(Draft::mention)
                .flatMap(m -> drafts.firstReplyAt(m.platform().id(), m.id())
                        // The first reply's own time (the database may keep it less precisely than the clock gives it).
                        .filter(first -> !first.isBefore(at.minusMillis(1)))
                        .map(first -> m.createdAt())));
        metrics.draftsByStatus(java.util.Arrays.stream(DraftStatus.values()).map(DraftStatus::id).toList(), () -> {
            Map<String, Integer> counts = new HashMap<>();
            drafts.countByStatus().forEach((status, n) -> counts.put(status.id(), n));
            return counts;
        });
        for (String hook : List.of("sla", "tickets", "marketing")) {
            metrics.webhookBacklog(hook, h -> database.webhooks().pending(h).size());
        }
        return metrics;
    }

    private static List<String> accounts(Connections connections) {
        return connections.adapters().stream().map(PlatformAdapter::account).toList();
    }

    private void printWelcome(String url, AdminBootstrap.Login login) {
        StringBuilder b = new StringBuilder("\n  CareLoop is running.\n  Console:   ").append(url).append("/   login: ").append(login.username());
        if (login.password() != null) {
            b.append(" / ").append(login.password()).append("   (generated now and shown once; set CARELOOP_ADMIN_PASSWORD to choose it)");
        } else if (login.fromEnvironment()) {
            b.append(" / the password in CARELOOP_ADMIN_PASSWORD");
        } else {
            b.append(" / the password shown at the first start (set CARELOOP_ADMIN_PASSWORD to reset it)");
        }
        if (simulator != null) {
            b.append("\n  Simulator: ").append(simulator.baseUrl()).append("/  (public timeline; post as a customer at /post)");
            simulator.httpsUrl().ifPresent(https -> b.append("\n             ").append(https).append("/  (HTTPS; trust ")
                    .append(simulator.certificate().map(Object::toString).orElse("its certificate")).append(")"));
        }
        b.append('\n');
        System.out.println(b);
    }

    /** The platform simulator CareLoop started, when it runs on the embedded defaults. */
    public java.util.Optional<Simulator> simulator() {
        return java.util.Optional.ofNullable(simulator);
    }

    public Connections connections() {
        return connections;
    }

    public Database database() {
        return database;
    }

    /** Blocks until {@link #stop()} is called (by the shutdown hook). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    public synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            camel.stop();
        } finally {
            database.close();
            if (simulator != null) {
                simulator.stop();
            }
            stopped.countDown();
        }
    }
}
