package org.careloop.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.careloop.config.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform simulator: a real HTTP server speaking the X API v2 and Graph API (Facebook,
 * Instagram) subsets CareLoop uses, playing a scenario of customer posts, with public timeline
 * pages, a form to post as a customer, and
 * {@code /sim/*} endpoints for tests (what the brand published, fault injection, reset).
 */
public final class Simulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private final HttpServer server;
    /** The same API over HTTPS, for clients that speak only https; null when off. */
    private final com.sun.net.httpserver.HttpsServer secure;
    private final Path certificate;
    /** The certificate's folder when the simulator made it for itself, removed again on stop. */
    private final Path temporaryTlsDir;
    private final ExecutorService executor;
    private final XWorld world;
    private final ScenarioPlayer player;
    private final RateLimiter rateLimiter;
    private final Faults faults;
    private final XApi api;
    private final GraphWorld graph;
    private final GraphApi graphApi;

    private Simulator(SimulatorConfig config, Clock clock) throws IOException {
        Scenario scenario = Scenario.load(config.scenario());
        this.world = new XWorld(clock, config.stateFile(), scenario.brand().handle(), scenario.brand().name());
        this.rateLimiter = new RateLimiter(clock);
        this.faults = new Faults();
        this.api = new XApi(world, new Credentials(world), rateLimiter, faults);
        this.graph = new GraphWorld(clock, GraphWorld.besideXState(config.stateFile()), scenario.brand().handle(), scenario.brand().name());
        this.graphApi = new GraphApi(graph, rateLimiter, faults);
        this.player = new ScenarioPlayer(world, graph, scenario, config.speed());
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "simulator-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        com.sun.net.httpserver.HttpHandler handler = exchange -> {
            SimHttp http = new SimHttp(exchange);
            try {
                dispatch(http);
            } catch (RuntimeException | IOException e) {
                LOG.warn("Simulator error on {} {}: {}", http.method, http.path, e.toString());
                try {
                    XApi.error(http, 500, "Internal Error", String.valueOf(e.getMessage()), 131, "Internal error");
                } catch (IOException ignored) {
                    exchange.close();
                }
            }
        };
        server.createContext("/", handler);
        if (config.httpsPort() >= 0) {
            Path kept = config.tlsDir();
            this.temporaryTlsDir = kept == null ? Files.createTempDirectory("careloop-simulator-tls") : null;
            Path dir = kept == null ? temporaryTlsDir : kept;
            this.secure = com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress(config.host(), config.httpsPort()), 64);
            secure.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(SimulatorTls.context(dir)));
            secure.setExecutor(executor);
            secure.createContext("/", handler);
            this.certificate = dir.resolve(SimulatorTls.CERTIFICATE);
        } else {
            this.secure = null;
            this.certificate = null;
            this.temporaryTlsDir = null;
        }
    }

    /** Starts the server and the scenario. */
    public static Simulator start(SimulatorConfig config) throws IOException {
        return start(config, Clock.systemUTC());
    }

    static Simulator start(SimulatorConfig config, Clock clock) throws IOException {
        Simulator s = new Simulator(config, clock);
        s.server.start();
        if (s.secure != null) {
            s.secure.start();
        }
        s.player.start();
        LOG.info("Platform simulator (X and Graph API) listening on {}", s.baseUrl());
        if (s.secure != null) {
            LOG.info("Platform simulator on HTTPS too: {} (a client trusts it with the certificate {}, e.g. NODE_EXTRA_CA_CERTS={})",
                    s.httpsUrl().orElseThrow(), s.certificate, s.certificate);
        }
        return s;
    }

    private void dispatch(SimHttp http) throws IOException {
        String p = http.path;
        if (p.startsWith("/2/")) {
            api.handle(http);
        } else if (GraphApi.VERSIONED.matcher(p).matches()) {
            graphApi.handle(http);
        } else if (p.equals("/") && http.method.equals("GET")) {
            http.html(200, TimelinePage.render(world));
        } else if (p.equals("/facebook") && http.method.equals("GET")) {
            http.html(200, GraphPages.facebook(graph));
        } else if (p.equals("/instagram") && http.method.equals("GET")) {
            http.html(200, GraphPages.instagram(graph));
        } else if (p.equals("/api/accounts") && http.method.equals("GET")) {
            http.json(200, accounts());
        } else if (p.equals("/post")) {
            postForm(http);
        } else if (p.startsWith("/sim/")) {
            simulatorControl(http);
        } else {
            http.send(404, "text/plain; charset=utf-8", "Not found".getBytes());
        }
    }

    private void postForm(SimHttp http) throws IOException {
        if (http.method.equals("GET")) {
            http.html(200, TimelinePage.form(null, "", "", http.query("reply_to")));
            return;
        }
        Map<String, String> form = http.form();
        String handle = form.getOrDefault("handle", "").trim().replaceFirst("^@", "");
        String text = form.getOrDefault("text", "").trim();
        String replyTo = form.getOrDefault("reply_to", "").trim();
        String error = null;
        if (!handle.matches("[A-Za-z0-9_]{1,15}")) {
            error = "A handle is 1 to 15 letters, digits or underscores.";
        } else if (text.isEmpty() || text.codePointCount(0, text.length()) > 280) {
            error = "A post has 1 to 280 characters.";
        } else if (!replyTo.isEmpty() && world.post(replyTo).isEmpty()) {
            error = "There is no post " + replyTo + " to reply to.";
        }
        if (error != null) {
            http.html(400, TimelinePage.form(error, handle, text, replyTo));
            return;
        }
        XWorld.User user = world.userOrCreate(handle, null);
        world.publish(user.id(), text, replyTo.isEmpty() ? null : replyTo, null, null, null);
        http.redirect("/");
    }

    private void simulatorControl(SimHttp http) throws IOException {
        switch (http.method + " " + http.path) {
            case "GET /sim/published" -> {
                ArrayNode out = Json.mapper().createArrayNode();
                for (XWorld.Post p : published()) {
                    out.add(api.post(p, XApi.PostFields.ALL));
                }
                http.json(200, out);
            }
            case "GET /sim/accounts" -> http.json(200, accounts());
            case "GET /sim/graph/published" -> {
                ArrayNode out = Json.mapper().createArrayNode();
                for (GraphWorld.Item i : graph.byBrand()) {
                    ObjectNode n = out.addObject().put("id", i.id()).put("kind", i.kind().name().toLowerCase()).put("text", i.text())
                            .put("rootId", i.rootId()).put("createdAt", i.createdAt().toString());
                    n.put("inReplyToId", i.parentId() != null ? i.parentId() : i.rootId());
                }
                http.json(200, out);
            }
            case "GET /sim/graph/comments" -> {
                ArrayNode out = Json.mapper().createArrayNode();
                String root = http.query("root");
                for (GraphWorld.Item i : root == null ? List.<GraphWorld.Item>of() : graph.thread(root)) {
                    out.addObject().put("id", i.id()).put("parentId", i.parentId()).put("authorId", i.authorId())
                            .put("text", i.text()).put("hidden", i.hidden());
                }
                http.json(200, out);
            }
            case "POST /sim/graph/expire-token" -> http.json(200, Json.mapper().createObjectNode().put("token", graph.expireToken()));
            case "POST /sim/faults" -> {
                JsonNode body = Json.mapper().readTree(http.body());
                try {
                    if (body.has("rateLimit")) {
                        rateLimiter.setLimit(body.get("endpoint").asText(), body.get("rateLimit").asInt());
                    } else {
                        faults.add(Faults.parse(body));
                    }
                } catch (IllegalArgumentException e) {
                    http.json(400, Json.mapper().createObjectNode().put("error", e.getMessage()));
                    return;
                }
                http.json(200, body);
            }
            case "GET /sim/faults" -> {
                ArrayNode out = Json.mapper().createArrayNode();
                for (Faults.Fault f : faults.pending()) {
                    ObjectNode n = out.addObject().put("endpoint", f.endpoint()).put("kind", f.kind().id()).put("times", f.times());
                    if (f.kind() == Faults.Kind.STATUS) {
                        n.put("status", f.status());
                    } else {
                        n.put("delayMs", f.delayMs());
                    }
                }
                http.json(200, out);
            }
            case "POST /sim/reset" -> {
                world.reset();
                graph.reset();
                faults.clear();
                rateLimiter.reset();
                http.json(200, Json.mapper().createObjectNode().put("reset", true));
            }
            default -> http.send(404, "text/plain; charset=utf-8", "Not found".getBytes());
        }
    }

    /**
     * The brand's accounts with their ids: X ({@code x}), the Facebook Page ({@code facebook}, with its
     * demo Page access token) and the Instagram professional account linked to it ({@code instagram}).
     */
    private ObjectNode accounts() {
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("x", XApi.user(world.brand(), Set.of()));
        GraphWorld.Brand b = graph.brand();
        out.putObject("facebook").put("id", b.page().id()).put("name", b.page().name()).put("username", b.page().username())
                .put("accessToken", b.token()).put("instagramBusinessAccount", b.instagram().id());
        out.putObject("instagram").put("id", b.instagram().id()).put("username", b.instagram().username())
                .put("name", b.instagram().name()).put("pageId", b.page().id());
        return out;
    }

    public GraphWorld graph() {
        return graph;
    }

    /** Everything the brand has published, oldest first. */
    public List<XWorld.Post> published() {
        String brand = world.brand().id();
        return world.all().stream().filter(p -> p.authorId().equals(brand)).toList();
    }

    public XWorld world() {
        return world;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:8090}. */
    public String baseUrl() {
        String host = server.getAddress().getHostString();
        return "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port();
    }

    /** The HTTPS base URL, when the simulator listens on HTTPS. */
    public java.util.Optional<String> httpsUrl() {
        if (secure == null) {
            return java.util.Optional.empty();
        }
        String host = secure.getAddress().getHostString();
        return java.util.Optional.of("https://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + secure.getAddress().getPort());
    }

    /** The certificate an HTTPS client trusts (PEM), when the simulator listens on HTTPS. */
    public java.util.Optional<Path> certificate() {
        return java.util.Optional.ofNullable(certificate);
    }

    public void stop() {
        player.close();
        server.stop(0);
        if (secure != null) {
            secure.stop(0);
        }
        executor.shutdownNow();
        if (temporaryTlsDir != null) {
            deleteQuietly(temporaryTlsDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warn("Could not remove the simulator's temporary certificate folder {}: {}", dir, e.toString());
        }
    }

    @Override
    public void close() {
        stop();
    }
}
