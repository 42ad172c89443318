package org.careloop.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careloop.config.Json;
import org.careloop.simulator.GraphWorld.Item;
import org.careloop.simulator.GraphWorld.Kind;
import org.careloop.simulator.GraphWorld.Person;

/**
 * The Graph API subset CareLoop's Facebook and Instagram connectors use, under a version prefix
 * ({@code /v24.0/...}, any version accepted), in the platform's shapes: {@code data} arrays,
 * {@code paging} with {@code cursors} and an absolute {@code next} URL back to this server,
 * {@code fields} selection, {@code since}/{@code until}, error objects, and the
 * {@code X-App-Usage} / {@code X-Business-Use-Case-Usage} headers.
 *
 * <p>The brand calls with its Page access token; {@code sim:<name>} acts as any customer, so any
 * Graph API client can post on the Page's feed ({@code POST /{page-id}/feed}) and comment
 * ({@code POST /{object-id}/comments}).
 *
 * <p>Long on purpose: one class per simulated API, its endpoints in the order of the Graph API's
 * reference, so a reader checks the simulator against it in one place.
 */
final class GraphApi {

    static final Pattern VERSIONED = Pattern.compile("/v([0-9]{1,2}\\.[0-9])(/.*)");
    private static final Pattern EDGE = Pattern.compile("/([A-Za-z0-9_]+)(?:/([a-z_]+))?");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
    /** One bucket per caller for every Graph call, as the platform counts an app's or a Page's calls. */
    static final String RATE_BUCKET = "graph";
    static final String USER_PREFIX = "sim:";

    private final GraphWorld world;
    private final RateLimiter rateLimiter;
    private final Faults faults;

    GraphApi(GraphWorld world, RateLimiter rateLimiter, Faults faults) {
        this.world = world;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
    }

    /** The caller: the brand's Page (its token) or a customer ({@code sim:<name>}). */
    private record Caller(Person person, boolean brand) {}

    /** One call: what it asks for, with query and form parameters together as the Graph API reads them. */
    private record Call(SimHttp http, String version, String id, String edge, Map<String, String> params, Caller caller) {
        String param(String name) {
            return params.get(name);
        }
    }

    void handle(SimHttp http) throws IOException {
        Matcher v = VERSIONED.matcher(http.path);
        Matcher m = v.matches() ? EDGE.matcher(v.group(2)) : null;
        if (m == null || !m.matches() || !(http.method.equals("GET") || http.method.equals("POST"))) {
            error(http, 400, "GraphMethodException", 100, 0, "Unknown path components: " + http.path);
            return;
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        http.queryParams.forEach(p -> params.putIfAbsent(p[0], p[1]));
        http.formParams().forEach(p -> params.putIfAbsent(p[0], p[1]));
        String endpoint = endpoint(http.method, m.group(1), m.group(2));
        Optional<Faults.Fault> fault = faults.statusFor(endpoint, http);
        if (fault.isPresent()) {
            injected(http, fault.get());
            return;
        }
        String token = token(http, params);
        if (token == null) {
            error(http, 400, "OAuthException", 2500, 0, "An active access token must be used to query information about the current user.");
            return;
        }
        Caller caller = caller(token);
        if (caller == null) {
            if (world.brand().expiredTokens().contains(token)) {
                error(http, 400, "OAuthException", 190, 463,
                        "Error validating access token: Session has expired on " + TIME.format(Instant.now()) + ".");
            } else {
                error(http, 400, "OAuthException", 190, 0, "Invalid OAuth access token - Cannot parse access token");
            }
            return;
        }
        RateLimiter.Usage usage = rateLimiter.use(RATE_BUCKET, caller.person().id());
        usageHeaders(http, usage, caller);
        if (usage.exceeded()) {
            if (caller.brand()) {
                error(http, 400, "OAuthException", 32, 2446079, "(#32) Page request limit reached");
            } else {
                error(http, 400, "OAuthException", 17, 2446079, "(#17) User request limit reached");
            }
            return;
        }
        Call call = new Call(http, v.group(1), m.group(1), m.group(2), params, caller);
        try {
            if (http.method.equals("GET")) {
                get(call);
            } else {
                post(call);
            }
        } catch (IllegalArgumentException e) {
            error(http, 400, "OAuthException", 100, 0, "(#100) " + e.getMessage());
        }
    }

    /** The endpoint's name for faults: {@code GET /:page-id/feed}, {@code POST /:id/comments}, {@code GET /:ig-user-id/media}... */
    String endpoint(String method, String id, String edge) {
        String who = id.equals("me") ? "me" : id.equals(world.page().id()) ? ":page-id"
                : id.equals(world.instagram().id()) ? ":ig-user-id" : ":id";
        return method + " /" + who + (edge == null ? "" : "/" + edge);
    }

    private static String token(SimHttp http, Map<String, String> params) {
        String auth = http.header("Authorization");
        if (auth != null && (auth.startsWith("Bearer ") || auth.startsWith("OAuth "))) {
            return auth.substring(auth.indexOf(' ') + 1).trim();
        }
        String t = params.get("access_token");
        return t == null || t.isBlank() ? null : t;
    }

    private Caller caller(String token) {
        if (token.equals(world.brand().token())) {
            return new Caller(world.page(), true);
        }
        if (token.startsWith(USER_PREFIX) && token.substring(USER_PREFIX.length()).matches("[A-Za-z0-9_.]{1,30}")) {
            return new Caller(world.personOrCreate(token.substring(USER_PREFIX.length()), null), false);
        }
        return null;
    }

    private void get(Call c) throws IOException {
        String id = c.id().equals("me") ? c.caller().person().id() : c.id();
        GraphFields fields = GraphFields.parse(c.param("fields"), null);
        if (c.edge() == null) {
            ObjectNode node = object(c, id, fields);
            if (node == null) {
                missing(c);
                return;
            }
            c.http().json(200, node);
            return;
        }
        boolean page = id.equals(world.page().id());
        boolean ig = id.equals(world.instagram().id());
        Optional<Item> item = world.item(id);
        switch (c.edge()) {
            case "feed", "posts", "visitor_posts" -> {
                if (!page) {
                    missing(c);
                    return;
                }
                String pageId = world.page().id();
                List<Item> posts = world.feed().stream().filter(p -> switch (c.edge()) {
                    case "posts" -> p.authorId().equals(pageId);
                    case "visitor_posts" -> !p.authorId().equals(pageId);
                    default -> true;
                }).toList();
                list(c, posts, fields, "id,message,created_time");
            }
            case "media" -> {
                if (!ig) {
                    missing(c);
                    return;
                }
                list(c, world.media(), fields, "id");
            }
            case "comments" -> {
                if (item.isEmpty() || item.get().kind() == Kind.IG_COMMENT) {
                    missing(c);
                    return;
                }
                list(c, comments(item.get(), c.param("filter"), c.param("order")), fields,
                        item.get().kind() == Kind.MEDIA ? "id,text,timestamp" : "id,message,created_time,from");
            }
            case "replies" -> {
                if (item.isEmpty() || item.get().kind() != Kind.IG_COMMENT) {
                    missing(c);
                    return;
                }
                list(c, world.commentsOn(id), fields, "id,text,timestamp");
            }
            default -> missing(c);
        }
    }

    private List<Item> comments(Item on, String filter, String order) {
        List<Item> out = on.kind() == Kind.POST && "stream".equals(filter) ? world.thread(on.id()) : world.commentsOn(on.id());
        if ("reverse_chronological".equals(order)) {
            out = new ArrayList<>(out);
            java.util.Collections.reverse(out);
        }
        return out;
    }

    private void post(Call c) throws IOException {
        Caller caller = c.caller();
        String id = c.id().equals("me") ? caller.person().id() : c.id();
        Optional<Item> item = world.item(id);
        if (c.edge() == null) {
            hide(c, item);
            return;
        }
        String message = c.param("message");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("The parameter message is required");
        }
        if (message.length() > 8000) {
            throw new IllegalArgumentException("Param message must be at most 8000 characters long");
        }
        Item created;
        switch (c.edge()) {
            case "feed" -> {
                if (!id.equals(world.page().id())) {
                    missing(c);
                    return;
                }
                created = world.post(caller.person().id(), message);
            }
            case "comments" -> {
                if (item.isEmpty() || item.get().kind() == Kind.IG_COMMENT) {
                    missing(c);
                    return;
                }
                boolean igMedia = item.get().kind() == Kind.MEDIA;
                created = world.comment(id, caller.brand() && igMedia ? world.instagram().id() : caller.person().id(), message);
            }
            case "replies" -> {
                if (item.isEmpty() || item.get().kind() != Kind.IG_COMMENT) {
                    missing(c);
                    return;
                }
                created = world.comment(id, caller.brand() ? world.instagram().id() : caller.person().id(), message);
            }
            default -> {
                missing(c);
                return;
            }
        }
        c.http().json(200, Json.mapper().createObjectNode().put("id", created.id()));
    }

    /**
     * {@code POST /{comment-id}?is_hidden=true} on Facebook (a visitor's post on the Page too),
     * {@code ?hide=true} on Instagram.
     */
    private void hide(Call c, Optional<Item> item) throws IOException {
        if (item.isEmpty() || item.get().kind() == Kind.MEDIA || (item.get().kind() == Kind.POST && item.get().authorId().equals(world.page().id()))) {
            missing(c);
            return;
        }
        String param = item.get().kind() == Kind.IG_COMMENT ? "hide" : "is_hidden";
        String value = c.param(param);
        if (value == null || !(value.equals("true") || value.equals("false"))) {
            throw new IllegalArgumentException("The parameter " + param + " is required (true or false)");
        }
        if (!c.caller().brand()) {
            error(c.http(), 403, "OAuthException", 200, 0, "(#200) Permissions error");
            return;
        }
        world.setHidden(item.get().id(), Boolean.parseBoolean(value));
        c.http().json(200, Json.mapper().createObjectNode().put("success", true));
    }

    /** A page of objects, with cursors and an absolute {@code next} URL; {@code since}/{@code until} filter on the creation time. */
    private void list(Call c, List<Item> all, GraphFields fields, String defaults) throws IOException {
        GraphFields selected = fields.names().isEmpty() ? GraphFields.parse(null, defaults) : fields;
        int limit = intParam(c.param("limit"), 25, 1, 100, "limit");
        Long since = epochParam(c.param("since"), "since");
        Long until = epochParam(c.param("until"), "until");
        String after = c.param("after");
        List<Item> candidates = all.stream()
                .filter(i -> since == null || i.createdAt().getEpochSecond() >= since)
                .filter(i -> until == null || i.createdAt().getEpochSecond() < until).toList();
        int start = 0;
        if (after != null) {
            String afterId = decodeCursor(after);
            start = candidates.stream().map(Item::id).toList().indexOf(afterId) + 1;
            if (start == 0) {
                throw new IllegalArgumentException("Invalid cursor: " + after);
            }
        }
        List<Item> page = candidates.subList(Math.min(start, candidates.size()), Math.min(start + limit, candidates.size()));
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode data = out.putArray("data");
        page.forEach(i -> data.add(render(c, i, selected)));
        if (!page.isEmpty()) {
            ObjectNode paging = out.putObject("paging");
            paging.putObject("cursors").put("before", cursor(page.get(0).id())).put("after", cursor(page.get(page.size() - 1).id()));
            if (start + limit < candidates.size()) {
                paging.put("next", nextUrl(c, cursor(page.get(page.size() - 1).id())));
            }
        }
        c.http().json(200, out);
    }

    /** The next page's URL as the platform gives it: absolute, with every parameter of this call and the new cursor. */
    private static String nextUrl(Call c, String after) {
        String host = c.http().header("Host");
        StringBuilder b = new StringBuilder("http://").append(host == null ? "localhost" : host).append(c.http().path).append('?');
        c.params().forEach((k, v) -> {
            if (!k.equals("after") && !k.equals("before") && !k.equals("format")) {
                b.append(enc(k)).append('=').append(enc(v)).append('&');
            }
        });
        return b.append("after=").append(enc(after)).toString();
    }

    private ObjectNode object(Call c, String id, GraphFields fields) {
        if (id.equals(world.page().id())) {
            Person p = world.page();
            GraphFields f = fields.names().isEmpty() ? GraphFields.parse(null, "id,name") : fields;
            ObjectNode n = Json.mapper().createObjectNode();
            put(n, f, "id", p.id());
            put(n, f, "name", p.name());
            put(n, f, "username", p.username());
            put(n, f, "link", base(c) + "/facebook");
            if (f.has("instagram_business_account")) {
                n.putObject("instagram_business_account").put("id", world.instagram().id());
            }
            return n;
        }
        if (id.equals(world.instagram().id())) {
            Person p = world.instagram();
            GraphFields f = fields.names().isEmpty() ? GraphFields.parse(null, "id") : fields;
            ObjectNode n = Json.mapper().createObjectNode();
            put(n, f, "id", p.id());
            put(n, f, "username", p.username());
            put(n, f, "name", p.name());
            if (f.has("media_count")) {
                n.put("media_count", world.media().size());
            }
            return n;
        }
        Optional<Item> item = world.item(id);
        if (item.isPresent()) {
            GraphFields f = fields.names().isEmpty() ? GraphFields.parse(null, item.get().kind() == Kind.MEDIA ? "id"
                    : item.get().kind() == Kind.IG_COMMENT ? "id,text,timestamp" : "id,message,created_time") : fields;
            return render(c, item.get(), f);
        }
        return world.person(id).map(p -> {
            ObjectNode n = Json.mapper().createObjectNode();
            n.put("id", p.id()).put("name", p.name());
            return n;
        }).orElse(null);
    }

    private ObjectNode render(Call c, Item i, GraphFields f) {
        ObjectNode n = Json.mapper().createObjectNode();
        put(n, f, "id", i.id());
        Person author = world.person(i.authorId()).orElse(new Person(i.authorId(), "Unknown", "unknown"));
        switch (i.kind()) {
            case POST, COMMENT -> {
                put(n, f, "message", i.text());
                put(n, f, "created_time", TIME.format(i.createdAt()));
                if (f.has("from")) {
                    n.putObject("from").put("id", author.id()).put("name", author.name());
                }
                put(n, f, "permalink_url", base(c) + "/facebook#" + anchor(i.id()));
                if (f.has("is_hidden")) {
                    n.put("is_hidden", i.hidden());
                }
                if (i.kind() == Kind.POST) {
                    List<Item> thread = world.thread(i.id());
                    Instant updated = thread.isEmpty() ? i.createdAt() : thread.get(thread.size() - 1).createdAt();
                    put(n, f, "updated_time", TIME.format(updated));
                    nested(c, n, f, i.id(), "comments", world.commentsOn(i.id()), "id,message,created_time,from");
                } else {
                    if (f.has("parent") && i.parentId() != null) {
                        n.putObject("parent").put("id", i.parentId());
                    }
                    if (f.has("can_hide")) {
                        n.put("can_hide", !author.id().equals(world.page().id()));
                    }
                    if (f.has("comment_count")) {
                        n.put("comment_count", world.commentsOn(i.id()).size());
                    }
                    if (f.has("object")) {
                        world.item(i.rootId()).ifPresent(p -> n.set("object", render(c, p, f.sub("object", "id"))));
                    }
                    nested(c, n, f, i.id(), "comments", world.commentsOn(i.id()), "id,message,created_time,from");
                }
            }
            case MEDIA -> {
                put(n, f, "caption", i.text());
                put(n, f, "media_type", "IMAGE");
                put(n, f, "timestamp", TIME.format(i.createdAt()));
                put(n, f, "permalink", base(c) + "/instagram#" + anchor(i.id()));
                put(n, f, "username", world.instagram().username());
                if (f.has("comments_count")) {
                    n.put("comments_count", world.thread(i.id()).size());
                }
                if (f.has("like_count")) {
                    n.put("like_count", 0);
                }
                nested(c, n, f, i.id(), "comments", world.commentsOn(i.id()), "id,text,timestamp");
            }
            case IG_COMMENT -> {
                put(n, f, "text", i.text());
                put(n, f, "timestamp", TIME.format(i.createdAt()));
                put(n, f, "username", author.username());
                if (f.has("from")) {
                    n.putObject("from").put("id", author.id()).put("username", author.username());
                }
                put(n, f, "parent_id", i.parentId());
                if (f.has("hidden")) {
                    n.put("hidden", i.hidden());
                }
                if (f.has("like_count")) {
                    n.put("like_count", 0);
                }
                if (f.has("media")) {
                    world.item(i.rootId()).ifPresent(m -> n.set("media", render(c, m, f.sub("media", "id"))));
                }
                nested(c, n, f, i.id(), "replies", world.commentsOn(i.id()), "id,text,timestamp");
            }
            default -> throw new IllegalStateException(i.kind().name());
        }
        return n;
    }

    /**
     * An edge asked for as a field ({@code comments{...}}, {@code replies{...}}): its first page,
     * inline, with the paging the platform gives (a {@code next} link to the edge itself when there is more).
     */
    private void nested(Call c, ObjectNode n, GraphFields f, String ownerId, String edge, List<Item> items, String defaults) {
        if (!f.has(edge)) {
            return;
        }
        GraphFields sub = f.sub(edge, defaults);
        int limit = f.limit(edge, 25);
        ObjectNode out = n.putObject(edge);
        ArrayNode data = out.putArray("data");
        List<Item> page = items.stream().limit(limit).toList();
        page.forEach(i -> data.add(render(c, i, sub)));
        if (!page.isEmpty()) {
            ObjectNode paging = out.putObject("paging");
            String after = cursor(page.get(page.size() - 1).id());
            paging.putObject("cursors").put("before", cursor(page.get(0).id())).put("after", after);
            if (items.size() > limit) {
                paging.put("next", base(c) + "/" + c.version() + "/" + ownerId + "/" + edge + "?limit=" + limit + "&after=" + enc(after));
            }
        }
    }

    private static void put(ObjectNode n, GraphFields f, String name, String value) {
        if (f.has(name) && value != null) {
            n.put(name, value);
        }
    }

    private static String base(Call c) {
        String host = c.http().header("Host");
        return "http://" + (host == null ? "localhost" : host);
    }

    /** The id of an object's element on the simulator's public pages. */
    static String anchor(String id) {
        return "o" + id;
    }

    /**
     * The usage headers: {@code X-App-Usage} for every caller and, for the Page's token,
     * {@code X-Business-Use-Case-Usage} keyed by the Page's id, in percent of the limit.
     */
    private void usageHeaders(SimHttp http, RateLimiter.Usage usage, Caller caller) {
        int percent = usage.limit() == 0 ? 100 : (int) Math.min(100, Math.round(100.0 * (usage.limit() - usage.remaining()) / usage.limit()));
        if (usage.exceeded()) {
            percent = 100;
        }
        http.exchange.getResponseHeaders().set("X-App-Usage",
                "{\"call_count\":" + percent + ",\"total_cputime\":" + percent / 4 + ",\"total_time\":" + percent / 3 + "}");
        if (caller.brand()) {
            long minutes = usage.exceeded() ? Math.max(1, (usage.resetEpochSeconds() - Instant.now().getEpochSecond() + 59) / 60) : 0;
            http.exchange.getResponseHeaders().set("X-Business-Use-Case-Usage", "{\"" + world.page().id() + "\":[{\"type\":\"pages\","
                    + "\"call_count\":" + percent + ",\"total_cputime\":" + percent / 4 + ",\"total_time\":" + percent / 3
                    + ",\"estimated_time_to_regain_access\":" + minutes + "}]}");
        }
    }

    private void missing(Call c) throws IOException {
        error(c.http(), 400, "GraphMethodException", 100, 33, "Unsupported " + c.http().method.toLowerCase() + " request. Object with ID '"
                + c.id() + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation. "
                + "Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api");
    }

    /** An injected fault as a Graph error: the code asked for, or one that fits the status (2: service unavailable). */
    private static void injected(SimHttp http, Faults.Fault fault) throws IOException {
        int code = fault.code() != 0 ? fault.code() : fault.status() >= 500 ? 2 : fault.status() == 429 ? 4 : 1;
        String message = switch (code) {
            case 190 -> "Error validating access token: The session has been invalidated because the user changed their password.";
            case 4 -> "(#4) Application request limit reached";
            case 17 -> "(#17) User request limit reached";
            case 32 -> "(#32) Page request limit reached";
            case 613 -> "(#613) Calls to this api have exceeded the rate limit.";
            case 2 -> "An unexpected error has occurred. Please retry your request later.";
            default -> "An unknown error has occurred.";
        };
        int subcode = code == 190 ? 460 : 0;
        error(http, fault.status(), code == 190 || code < 700 ? "OAuthException" : "GraphMethodException", code, subcode, message);
    }

    /** The Graph API's error object: {@code message}, {@code type}, {@code code}, {@code error_subcode}, {@code fbtrace_id}. */
    static void error(SimHttp http, int status, String type, int code, int subcode, String message) throws IOException {
        ObjectNode out = Json.mapper().createObjectNode();
        ObjectNode e = out.putObject("error").put("message", message).put("type", type).put("code", code);
        if (subcode != 0) {
            e.put("error_subcode", subcode);
        }
        if (code == 2 || code == 4 || code == 17 || code == 32 || code == 613) {
            e.put("is_transient", true);
        }
        e.put("fbtrace_id", traceId());
        http.exchange.getResponseHeaders().set("WWW-Authenticate", "OAuth \"Facebook Platform\" \"" + (code == 190 ? "invalid_token" : "invalid_request") + "\" \"" + message.replace("\"", "'") + "\"");
        http.json(status, out);
    }

    private static String traceId() {
        byte[] b = new byte[8];
        ThreadLocalRandom.current().nextBytes(b);
        return "A" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String cursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid cursor: " + cursor);
        }
    }

    private static int intParam(String v, int dflt, int min, int max, String name) {
        if (v == null) {
            return dflt;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(v)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Param " + name + " must be an integer");
        }
    }

    /** A Unix time in seconds ({@code since}, {@code until}). */
    private static Long epochParam(String v, String name) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Param " + name + " must be a Unix timestamp");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
