package org.careloop.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careloop.config.Json;
import org.careloop.simulator.Credentials.Caller;
import org.careloop.simulator.XWorld.Post;
import org.careloop.simulator.XWorld.User;

/**
 * The X API v2 subset CareLoop uses, in the shapes of the official OpenAPI description: users
 * (me, by username), mentions, a user's posts, recent search, post lookup and post creation, with
 * authentication, rate limits and injected faults.
 *
 * <p>Long on purpose: one class per simulated API, its endpoints in the order of X's own reference, so
 * a reader checks the simulator against the spec in one place.
 */
final class XApi {

    private static final Pattern USER_BY_NAME = Pattern.compile("/2/users/by/username/([^/]+)");
    private static final Pattern USER_TIMELINE = Pattern.compile("/2/users/([0-9]+)/(mentions|tweets)");
    private static final Pattern POST_BY_ID = Pattern.compile("/2/tweets/([^/]+)");
    /** Always with milliseconds, as X writes them ("2026-12-01T20:24:20.000Z"): ISO_INSTANT drops a zero fraction, which twitter4j refuses. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** How X words a limit in its errors: to the minute ("2026-11-25T13:36Z"). */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(java.time.ZoneOffset.UTC);
    /** Recent search reaches the posts of the last 7 days, and refuses a since_id or start_time before them. */
    static final Duration SEARCH_REACH = Duration.ofDays(7);
    /** The mentions timeline reaches only the account's 800 newest mentions, however it is paged. */
    static final int MENTIONS_REACH = 800;

    static String time(java.time.Instant at) {
        return TIME.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    private final XWorld world;
    private final Credentials credentials;
    private final RateLimiter rateLimiter;
    private final Faults faults;

    XApi(XWorld world, Credentials credentials, RateLimiter rateLimiter, Faults faults) {
        this.world = world;
        this.credentials = credentials;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
    }

    void handle(SimHttp http) throws IOException {
        String endpoint = endpoint(http);
        if (endpoint == null) {
            problem(http, 404, "Not Found", "No such endpoint in the simulator: " + http.method + " " + http.path, "about:blank");
            return;
        }
        Optional<Faults.Fault> fault = faults.statusFor(endpoint, http);
        if (fault.isPresent()) {
            injected(http, fault.get());
            return;
        }
        Optional<Caller> caller = credentials.authenticate(http);
        if (caller.isEmpty()) {
            error(http, 401, "Unauthorized", "Unauthorized", 32, "Could not authenticate you");
            return;
        }
        RateLimiter.Usage usage = rateLimiter.use(endpoint, caller.get().key());
        http.exchange.getResponseHeaders().set("x-rate-limit-limit", String.valueOf(usage.limit()));
        http.exchange.getResponseHeaders().set("x-rate-limit-remaining", String.valueOf(usage.remaining()));
        http.exchange.getResponseHeaders().set("x-rate-limit-reset", String.valueOf(usage.resetEpochSeconds()));
        if (usage.exceeded()) {
            error(http, 429, "Too Many Requests", "Too Many Requests", 88, "Rate limit exceeded");
            return;
        }
        try {
            route(http, endpoint, caller.get());
        } catch (IllegalArgumentException e) {
            invalid(http, e.getMessage());
        }
    }

    /** The endpoint's name as in the API reference, used for rate limits and faults. */
    static String endpoint(SimHttp http) {
        String p = http.path;
        if (http.method.equals("POST")) {
            return p.equals("/2/tweets") ? "POST /2/tweets" : null;
        }
        if (!http.method.equals("GET")) {
            return null;
        }
        if (p.equals("/2/users/me")) {
            return "GET /2/users/me";
        }
        if (p.equals("/2/tweets/search/recent")) {
            return "GET /2/tweets/search/recent";
        }
        if (USER_BY_NAME.matcher(p).matches()) {
            return "GET /2/users/by/username/:username";
        }
        Matcher m = USER_TIMELINE.matcher(p);
        if (m.matches()) {
            return "GET /2/users/:id/" + m.group(2);
        }
        if (POST_BY_ID.matcher(p).matches()) {
            return "GET /2/tweets/:id";
        }
        return null;
    }

    private void route(SimHttp http, String endpoint, Caller caller) throws IOException {
        switch (endpoint) {
            case "GET /2/users/me" -> {
                if (caller.isApp()) {
                    error(http, 403, "Unsupported Authentication",
                            "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint. Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].",
                            453, "Unsupported Authentication");
                    return;
                }
                ObjectNode out = Json.mapper().createObjectNode();
                out.set("data", user(caller.user(), fields(http, "user.fields")));
                http.json(200, out);
            }
            case "GET /2/users/by/username/:username" -> {
                Matcher m = USER_BY_NAME.matcher(http.path);
                m.matches();
                Optional<User> u = world.userByUsername(m.group(1));
                ObjectNode out = Json.mapper().createObjectNode();
                if (u.isPresent()) {
                    out.set("data", user(u.get(), fields(http, "user.fields")));
                } else {
                    out.putArray("errors").add(notFound("username", m.group(1), "user", "Could not find user with username: [" + m.group(1) + "]."));
                }
                http.json(200, out);
            }
            case "GET /2/users/:id/mentions", "GET /2/users/:id/tweets" -> {
                Matcher m = USER_TIMELINE.matcher(http.path);
                m.matches();
                if (world.user(m.group(1)).isEmpty()) {
                    ObjectNode out = Json.mapper().createObjectNode();
                    out.putArray("errors").add(notFound("id", m.group(1), "user", "Could not find user with id: [" + m.group(1) + "]."));
                    http.json(200, out);
                    return;
                }
                List<Post> posts = m.group(2).equals("mentions") ? newest(world.mentionsOf(m.group(1)), MENTIONS_REACH)
                        : world.postsBy(m.group(1));
                page(http, posts, 5, 100);
            }
            case "GET /2/tweets/search/recent" -> {
                String q = http.query("query");
                if (q == null || q.isBlank()) {
                    throw new IllegalArgumentException("The `query` query parameter can not be empty");
                }
                if (outOfReach(http)) {
                    return;
                }
                Instant oldest = world.now().minus(SEARCH_REACH);
                page(http, world.search(new SearchQuery(q)).stream().filter(p -> !p.createdAt().isBefore(oldest)).toList(), 10, 100);
            }
            case "GET /2/tweets/:id" -> {
                Matcher m = POST_BY_ID.matcher(http.path);
                m.matches();
                String id = m.group(1);
                if (!id.matches("[0-9]{1,19}")) {
                    throw new IllegalArgumentException("The `id` query parameter value [" + id + "] does not match ^[0-9]{1,19}$");
                }
                Optional<Post> p = world.post(id);
                ObjectNode out = Json.mapper().createObjectNode();
                if (p.isPresent()) {
                    out.set("data", post(p.get(), postFields(http)));
                    includes(http, out, List.of(p.get()));
                } else {
                    out.putArray("errors").add(notFound("id", id, "tweet", "Could not find tweet with id: [" + id + "]."));
                }
                http.json(200, out);
            }
            case "POST /2/tweets" -> create(http, caller);
            default -> throw new IllegalStateException(endpoint);
        }
    }

    private void create(SimHttp http, Caller caller) throws IOException {
        if (caller.isApp()) {
            error(http, 403, "Unsupported Authentication", "Posting requires a user context.", 453, "Unsupported Authentication");
            return;
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(http.body());
        } catch (IOException e) {
            throw new IllegalArgumentException("The request body is not valid JSON");
        }
        if (body == null || !body.hasNonNull("text") || body.get("text").asText().isBlank()) {
            throw new IllegalArgumentException("The `text` field is required");
        }
        String text = body.get("text").asText();
        if (text.codePointCount(0, text.length()) > 280) {
            error(http, 403, "Forbidden", "Your Tweet text is too long.", 186, "Tweet needs to be a bit shorter.");
            return;
        }
        String replyTo = body.path("reply").path("in_reply_to_tweet_id").asText(null);
        if (replyTo != null && world.post(replyTo).isEmpty()) {
            throw new IllegalArgumentException("The reply.in_reply_to_tweet_id " + replyTo + " does not exist");
        }
        String quote = body.path("quote_tweet_id").asText(null);
        // X refuses the same text twice in a row from one account.
        List<Post> own = world.postsBy(caller.user().id());
        if (!own.isEmpty() && own.get(0).text().equals(text)) {
            error(http, 403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.", 187, "Status is a duplicate.");
            return;
        }
        Post p = world.publish(caller.user().id(), text, replyTo, null, quote, null);
        ObjectNode out = Json.mapper().createObjectNode();
        out.putObject("data").put("id", p.id()).put("text", p.text());
        http.json(201, out);
    }

    private static List<Post> newest(List<Post> newestFirst, int reach) {
        return newestFirst.subList(0, Math.min(reach, newestFirst.size()));
    }

    /**
     * Recent search's limits, answered as X does: a since_id made, or a start_time, more than 7 days
     * ago is refused with a 400 naming the oldest acceptable value; and a since_id excludes a start_time.
     */
    private boolean outOfReach(SimHttp http) throws IOException {
        Long since = idParam(http, "since_id");
        Instant start = timeParam(http, "start_time");
        if (since != null && start != null) {
            throw new IllegalArgumentException("At most one of `start_time`, `since_id` may be provided");
        }
        Instant oldest = world.now().minus(SEARCH_REACH);
        // X words the limit to the minute: rounded up, so the value it names is accepted.
        Instant limit = oldest.truncatedTo(ChronoUnit.MINUTES).equals(oldest) ? oldest
                : oldest.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        if (since != null && XWorld.timeOf(since).isBefore(oldest)) {
            String v = http.query("since_id");
            invalid(http, "since_id", v, "Invalid 'since_id':'" + v + "'. 'since_id' must be a tweet id created after " + MINUTE.format(limit)
                    + ". Please use a 'since_id' that is larger than " + XWorld.firstIdAt(limit));
            return true;
        }
        if (start != null && start.isBefore(oldest)) {
            String v = http.query("start_time");
            invalid(http, "start_time", v, "Invalid 'start_time':'" + v + "'. 'start_time' must be on or after " + MINUTE.format(limit));
            return true;
        }
        return false;
    }

    /** A page of posts, newest first, with X's since_id/until_id, start_time/end_time and pagination tokens. */
    private void page(SimHttp http, List<Post> newestFirst, int min, int max) throws IOException {
        int size = intParam(http, "max_results", 10, min, max);
        Long since = idParam(http, "since_id");
        Long until = idParam(http, "until_id");
        Instant start = timeParam(http, "start_time");
        Instant end = timeParam(http, "end_time");
        String token = http.query("pagination_token") != null ? http.query("pagination_token") : http.query("next_token");
        Long before = token == null ? null : decodeToken(token);
        List<Post> selected = new ArrayList<>();
        for (Post p : newestFirst) {
            long id = Long.parseLong(p.id());
            if ((since != null && id <= since) || (until != null && id >= until) || (before != null && id >= before)
                    || (start != null && p.createdAt().isBefore(start)) || (end != null && !p.createdAt().isBefore(end))) {
                continue;
            }
            selected.add(p);
        }
        List<Post> page = selected.subList(0, Math.min(size, selected.size()));
        ObjectNode out = Json.mapper().createObjectNode();
        if (!page.isEmpty()) {
            ArrayNode data = out.putArray("data");
            PostFields fields = postFields(http);
            page.forEach(p -> data.add(post(p, fields)));
            includes(http, out, page);
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("result_count", page.size());
        if (!page.isEmpty()) {
            meta.put("newest_id", page.get(0).id());
            meta.put("oldest_id", page.get(page.size() - 1).id());
        }
        if (selected.size() > page.size()) {
            meta.put("next_token", Long.toString(Long.parseLong(page.get(page.size() - 1).id()), 36));
        }
        http.json(200, out);
    }

    private void includes(SimHttp http, ObjectNode out, List<Post> posts) {
        String expansions = http.query("expansions");
        if (expansions == null || !List.of(expansions.split(",")).contains("author_id")) {
            return;
        }
        Map<String, User> authors = new LinkedHashMap<>();
        posts.forEach(p -> world.user(p.authorId()).ifPresent(u -> authors.putIfAbsent(u.id(), u)));
        ArrayNode users = out.putObject("includes").putArray("users");
        Set<String> fields = fields(http, "user.fields");
        authors.values().forEach(u -> users.add(user(u, fields)));
    }

    /**
     * The post fields asked for. The API description names them {@code post.fields} and answers
     * with {@code referenced_posts} and {@code edit_history_post_ids}; clients written before the
     * rename (twitter4j among them) send {@code tweet.fields} and read {@code referenced_tweets}
     * and {@code edit_history_tweet_ids}. Each is answered in its own vocabulary.
     */
    static PostFields postFields(SimHttp http) {
        Set<String> legacy = fields(http, "tweet.fields");
        Set<String> current = fields(http, "post.fields");
        Set<String> all = new java.util.HashSet<>(legacy);
        all.addAll(current);
        return new PostFields(all, !legacy.isEmpty() && current.isEmpty());
    }

    record PostFields(Set<String> names, boolean legacy) {
        static final PostFields ALL = new PostFields(Set.of("created_at", "conversation_id", "in_reply_to_user_id",
                "referenced_tweets", "author_id", "lang"), true);

        boolean has(String name) {
            return names.contains(name);
        }
    }

    private static Set<String> fields(SimHttp http, String name) {
        String v = http.query(name);
        return v == null || v.isBlank() ? Set.of() : Set.of(v.split(","));
    }

    ObjectNode post(Post p, PostFields fields) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", p.id());
        n.put("text", p.text());
        if (fields.legacy()) {
            n.putArray("edit_history_tweet_ids").add(p.id());
        } else {
            n.putArray("edit_history_post_ids").add(p.id());
        }
        Set<String> names = fields.names();
        put(n, names, "author_id", p.authorId());
        put(n, names, "created_at", time(p.createdAt()));
        put(n, names, "conversation_id", p.conversationId());
        put(n, names, "in_reply_to_user_id", p.inReplyToUserId());
        put(n, names, "lang", p.lang());
        if (fields.has("referenced_tweets") || fields.has("referenced_posts") || !fields.legacy()) {
            List<String[]> refs = new ArrayList<>();
            if (p.inReplyToId() != null) {
                refs.add(new String[] {"replied_to", p.inReplyToId()});
            }
            if (p.retweetOfId() != null) {
                refs.add(new String[] {"retweeted", p.retweetOfId()});
            }
            if (p.quoteOfId() != null) {
                refs.add(new String[] {"quoted", p.quoteOfId()});
            }
            if (!refs.isEmpty()) {
                ArrayNode a = n.putArray(fields.legacy() ? "referenced_tweets" : "referenced_posts");
                refs.forEach(r -> a.addObject().put("type", r[0]).put("id", r[1]));
            }
        }
        return n;
    }

    static ObjectNode user(User u, Set<String> fields) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", u.id());
        n.put("name", u.name());
        n.put("username", u.username());
        put(n, fields, "created_at", time(u.createdAt()));
        if (fields.contains("protected")) {
            n.put("protected", false);
        }
        if (fields.contains("verified")) {
            n.put("verified", false);
        }
        return n;
    }

    private static void put(ObjectNode n, Set<String> fields, String name, String value) {
        if (fields.contains(name) && value != null) {
            n.put(name, value);
        }
    }

    private static ObjectNode notFound(String parameter, String value, String resourceType, String detail) {
        ObjectNode e = Json.mapper().createObjectNode();
        e.put("value", value).put("detail", detail).put("title", "Not Found Error").put("resource_type", resourceType)
                .put("parameter", parameter).put("resource_id", value).put("type", "https://api.x.com/2/problems/resource-not-found");
        return e;
    }

    private static int intParam(SimHttp http, String name, int dflt, int min, int max) {
        String v = http.query(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below, as X does
        }
        throw new IllegalArgumentException("The `" + name + "` query parameter value [" + v + "] is not between " + min + " and " + max);
    }

    private static Long idParam(SimHttp http, String name) {
        String v = http.query(name);
        if (v == null) {
            return null;
        }
        if (!v.matches("[0-9]{1,19}")) {
            throw new IllegalArgumentException("The `" + name + "` query parameter value [" + v + "] does not match ^[0-9]{1,19}$");
        }
        return Long.parseLong(v);
    }

    /** An RFC 3339 time as X takes it ("2026-11-25T13:36:00Z"); X counts whole seconds. */
    private static Instant timeParam(SimHttp http, String name) {
        String v = http.query(name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The `" + name + "` query parameter value [" + v + "] is not a valid RFC 3339 date-time");
        }
    }

    private static Long decodeToken(String token) {
        try {
            return Long.parseLong(token, 36);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The `pagination_token` query parameter value [" + token + "] is not valid");
        }
    }

    /** 400 in X's invalid-request problem shape. */
    private static void invalid(SimHttp http, String message) throws IOException {
        invalid(http, null, null, message);
    }

    /** 400 in X's invalid-request problem shape, naming the parameter refused and its value when known. */
    private static void invalid(SimHttp http, String parameter, String value, String message) throws IOException {
        ObjectNode out = Json.mapper().createObjectNode();
        ObjectNode error = out.putArray("errors").addObject();
        if (parameter != null) {
            error.putObject("parameters").putArray(parameter).add(value);
        }
        error.put("message", message);
        out.put("title", "Invalid Request").put("detail", "One or more parameters to your request was invalid.")
                .put("type", "https://api.x.com/2/problems/invalid-request");
        http.send(400, "application/problem+json", Json.mapper().writeValueAsBytes(out));
    }

    /**
     * Authentication, permission and rate-limit errors, in the API description's {@code Error}
     * shape ({@code code}, {@code message}) with X's error codes (32 cannot authenticate,
     * 88 rate limit exceeded, 453 access level, 186/187 post refused).
     */
    static void error(SimHttp http, int status, String title, String detail, int code, String message) throws IOException {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("code", code).put("message", message + (detail.equals(message) || detail.equals(title) ? "" : ": " + detail));
        http.json(status, out);
    }

    /**
     * An injected error status. A 429 looks like X's: code 88 and the {@code x-rate-limit-*}
     * headers, the reset {@code resetInSeconds} after this call, so a client can wait for it.
     */
    private static void injected(SimHttp http, Faults.Fault fault) throws IOException {
        if (fault.status() == 429) {
            long reset = (System.currentTimeMillis() + 999) / 1000 + fault.resetInSeconds();
            http.exchange.getResponseHeaders().set("x-rate-limit-limit", String.valueOf(RateLimiter.defaultLimit(fault.endpoint())));
            http.exchange.getResponseHeaders().set("x-rate-limit-remaining", "0");
            http.exchange.getResponseHeaders().set("x-rate-limit-reset", String.valueOf(reset));
            error(http, 429, "Too Many Requests", "Too Many Requests", 88, "Rate limit exceeded");
            return;
        }
        problem(http, fault.status(), "Simulated fault", "Injected by /sim/faults", "about:blank");
    }

    private static void problem(SimHttp http, int status, String title, String detail, String type) throws IOException {
        error(http, status, title, detail, status, detail);
    }

}
