package org.careloop.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The simulated X: its users and posts, and what the brand published. Thread-safe; saved to the
 * state file after every change so a restarted simulator still has every post and reply.
 */
public final class XWorld {

    /** A user of the simulated X. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record User(String id, String username, String name, Instant createdAt) {}

    /**
     * A post. {@code inReplyToId}, {@code retweetOfId} and {@code quoteOfId} are the referenced posts.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Post(String id, String authorId, String text, Instant createdAt, String conversationId,
                       String inReplyToId, String inReplyToUserId, String retweetOfId, String quoteOfId, String lang) {}

    /** What is saved in the state file. */
    record State(List<User> users, List<Post> posts, Map<String, String> played, long lastId) {}

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Post> posts = new LinkedHashMap<>();
    /** Scenario keys already played, with the post each became (empty when skipped). */
    private final Map<String, String> played = new LinkedHashMap<>();
    /** Posts search does not find yet (X indexes some late); not saved, a test's doing. */
    private final Set<String> unindexed = new HashSet<>();
    private final Clock clock;
    private final Path stateFile;
    private final User brand;
    private long lastId;

    /** X's snowflake epoch: an id is the milliseconds since it, shifted left 22 bits, plus a sequence. */
    static final long SNOWFLAKE_EPOCH = 1288834974657L;

    /** When a snowflake id was made. */
    static Instant timeOf(long id) {
        return Instant.ofEpochMilli((id >> 22) + SNOWFLAKE_EPOCH);
    }

    /** The smallest id made at that instant or later. */
    static long firstIdAt(Instant at) {
        return (at.toEpochMilli() - SNOWFLAKE_EPOCH) << 22;
    }

    XWorld(Clock clock, Path stateFile, String brandHandle, String brandName) {
        this.clock = clock;
        this.stateFile = stateFile;
        load();
        this.brand = userByUsername(brandHandle).orElseGet(() -> createUser(brandHandle, brandName));
    }

    public User brand() {
        return brand;
    }

    public synchronized Optional<User> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    public synchronized Optional<User> userByUsername(String username) {
        return users.values().stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst();
    }

    /** The user with this handle, created on first use (simulated customers need no sign-up). */
    public synchronized User userOrCreate(String username, String name) {
        return userByUsername(username).orElseGet(() -> createUser(username, name));
    }

    private User createUser(String username, String name) {
        User u = new User(nextId(), username, name == null || name.isBlank() ? username : name, clock.instant());
        users.put(u.id(), u);
        save();
        return u;
    }

    public synchronized Optional<Post> post(String id) {
        return Optional.ofNullable(posts.get(id));
    }

    /** Creates a post: a reply when {@code inReplyToId} is set, a repost when {@code retweetOfId} is. */
    public synchronized Post publish(String authorId, String text, String inReplyToId, String retweetOfId, String quoteOfId, String lang) {
        return create(nextId(), clock.instant(), authorId, text, inReplyToId, retweetOfId, quoteOfId, lang);
    }

    /** A customer's post of a batch: who, what, in which language (null to guess). */
    public record NewPost(String authorId, String text, String lang) {}

    /**
     * For tests: many posts at once, in order, as a spike brings them; the API's readers wait for the
     * batch once rather than compete for the world with each post.
     */
    public synchronized List<Post> publishAll(List<NewPost> batch) {
        List<Post> out = new ArrayList<>(batch.size());
        for (NewPost p : batch) {
            out.add(add(nextId(), clock.instant(), p.authorId(), p.text(), null, null, null, p.lang()));
        }
        save();
        return out;
    }

    /**
     * For tests: a post made at a past instant, its id a snowflake of that instant as X's would be,
     * so a world can hold last week's posts (beyond recent search's reach) beside today's.
     */
    public synchronized Post publishAt(Instant at, String authorId, String text) {
        if (at.isAfter(clock.instant())) {
            throw new IllegalArgumentException("A post cannot be made in the future: " + at);
        }
        long id = firstIdAt(at);
        while (posts.containsKey(Long.toString(id))) {
            id++;
        }
        lastId = Math.max(lastId, id); // a later post never takes this id
        return create(Long.toString(id), at, authorId, text, null, null, null, null);
    }

    private Post create(String id, Instant at, String authorId, String text, String inReplyToId, String retweetOfId, String quoteOfId,
                        String lang) {
        Post p = add(id, at, authorId, text, inReplyToId, retweetOfId, quoteOfId, lang);
        save();
        return p;
    }

    private Post add(String id, Instant at, String authorId, String text, String inReplyToId, String retweetOfId, String quoteOfId,
                     String lang) {
        Post parent = inReplyToId == null ? null : posts.get(inReplyToId);
        if (inReplyToId != null && parent == null) {
            throw new IllegalArgumentException("in_reply_to_tweet_id " + inReplyToId + " does not exist");
        }
        String body = text;
        if (retweetOfId != null) {
            Post original = posts.get(retweetOfId);
            if (original == null) {
                throw new IllegalArgumentException("Post " + retweetOfId + " does not exist");
            }
            body = "RT @" + users.get(original.authorId()).username() + ": " + original.text();
        }
        Post p = new Post(id, authorId, body, at, parent == null ? id : parent.conversationId(),
                parent == null ? null : parent.id(), parent == null ? null : parent.authorId(), retweetOfId, quoteOfId,
                lang == null ? guessLang(body) : lang);
        posts.put(id, p);
        return p;
    }

    /**
     * For tests: search does not find the post until {@link #indexForSearch} (X's recent search
     * can show a post after newer ones); the timelines and lookups do.
     */
    public synchronized void holdFromSearch(String postId) {
        unindexed.add(postId);
    }

    public synchronized void indexForSearch(String postId) {
        unindexed.remove(postId);
    }

    /** Now, by the world's clock. */
    Instant now() {
        return clock.instant();
    }

    /** Posts that mention the user by handle or answer one of their posts, newest first. */
    public synchronized List<Post> mentionsOf(String userId) {
        User u = users.get(userId);
        if (u == null) {
            return List.of();
        }
        String at = "@" + u.username().toLowerCase(Locale.ROOT);
        return select(p -> !p.authorId().equals(userId)
                && (p.text().toLowerCase(Locale.ROOT).contains(at) || userId.equals(p.inReplyToUserId())));
    }

    public synchronized List<Post> postsBy(String userId) {
        return select(p -> p.authorId().equals(userId));
    }

    public synchronized List<Post> search(SearchQuery query) {
        return select(p -> !unindexed.contains(p.id()) && query.matches(p, users.get(p.authorId())));
    }

    /** Every post, oldest first. */
    public synchronized List<Post> all() {
        return new ArrayList<>(posts.values());
    }

    public synchronized boolean played(String key) {
        return played.containsKey(key);
    }

    /** The post a played scenario key became. */
    synchronized Optional<String> playedPost(String key) {
        return Optional.ofNullable(played.get(key)).filter(id -> !id.isEmpty());
    }

    synchronized void markPlayed(String key, String postId) {
        played.put(key, postId == null ? "" : postId);
        save();
    }

    /** Forgets every post (tests); users stay. */
    public synchronized void reset() {
        posts.clear();
        played.clear();
        unindexed.clear();
        save();
    }

    private List<Post> select(Predicate<Post> filter) {
        return posts.values().stream().filter(filter)
                .sorted(Comparator.comparing((Post p) -> Long.parseLong(p.id())).reversed()).toList();
    }

    /** Snowflake-like ids: numeric, increasing with time, as X's are. */
    private String nextId() {
        long candidate = firstIdAt(clock.instant());
        lastId = Math.max(candidate, lastId + 1);
        return Long.toString(lastId);
    }

    private static String guessLang(String text) {
        for (int cp : text.codePoints().toArray()) {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            if (s == Character.UnicodeScript.CYRILLIC) {
                return "ru";
            }
            if (s == Character.UnicodeScript.ARABIC) {
                return text.matches("(?s).*[پچژگکی].*") ? "fa" : "ar";
            }
        }
        return "en";
    }

    private void load() {
        StateFile.read(stateFile, State.class).ifPresent(s -> {
            s.users().forEach(u -> users.put(u.id(), u));
            s.posts().forEach(p -> posts.put(p.id(), p));
            played.putAll(s.played());
            lastId = s.lastId();
        });
    }

    private void save() {
        StateFile.write(stateFile, new State(List.copyOf(users.values()), List.copyOf(posts.values()), played, lastId));
    }
}
