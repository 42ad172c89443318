package org.careloop.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The simulated Facebook and Instagram: the brand's Page and its linked Instagram professional
 * account, the people who post and comment, the Page's feed, comments, media and hidden flags.
 * Thread-safe; saved after every change, beside the X state, so a restart loses nothing.
 */
public final class GraphWorld {

    /** What an object is; the Graph API answers each kind with its own fields. */
    public enum Kind {
        /** A post on the Page's feed (by the Page or a visitor). */
        POST,
        /** A Facebook comment on a post, or a reply to a comment ({@code parentId}). */
        COMMENT,
        /** An Instagram media object of the brand's account. */
        MEDIA,
        /** An Instagram comment on a media object, or a reply to one ({@code parentId}). */
        IG_COMMENT
    }

    /** Someone on Facebook or Instagram: a customer, or the brand's Page or Instagram account. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String id, String name, String username) {}

    /**
     * The brand: its Page (id, name, the Page access token in force, the tokens that expired) and
     * the Instagram account linked to it.
     */
    public record Brand(Person page, Person instagram, String token, List<String> expiredTokens) {}

    /**
     * A post, comment or media object.
     *
     * @param rootId   the post or media the thread belongs to (its own id for a post or media)
     * @param parentId the comment a reply answers, or null for a top-level comment, a post, a media
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String id, Kind kind, String rootId, String parentId, String authorId, String text,
                       Instant createdAt, boolean hidden) {

        boolean isComment() {
            return kind == Kind.COMMENT || kind == Kind.IG_COMMENT;
        }

        Item hidden(boolean value) {
            return new Item(id, kind, rootId, parentId, authorId, text, createdAt, value);
        }
    }

    record State(Brand brand, List<Person> people, List<Item> items, long lastId) {}

    private static final String PAGE_ID = "104738291650417";
    private static final String IG_USER_ID = "17841405822304914";

    private final Clock clock;
    private final Path stateFile;
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, Item> items = new LinkedHashMap<>();
    private Brand brand;
    private long lastId;

    GraphWorld(Clock clock, Path stateFile, String brandHandle, String brandName) {
        this.clock = clock;
        this.stateFile = stateFile;
        load();
        if (brand == null) {
            Person page = new Person(PAGE_ID, brandName, brandHandle);
            Person ig = new Person(IG_USER_ID, brandName, brandHandle);
            brand = new Brand(page, ig, "sim-page-" + brandHandle, List.of());
            people.put(page.id(), page);
            people.put(ig.id(), ig);
            save();
        }
    }

    /** Where the Graph state is kept, beside the X state file: {@code simulator-state.json} gives {@code simulator-state-graph.json}. */
    static Path besideXState(Path xState) {
        if (xState == null) {
            return null;
        }
        String name = xState.getFileName().toString().replaceFirst("\\.json$", "");
        return xState.resolveSibling(name + "-graph.json");
    }

    public synchronized Brand brand() {
        return brand;
    }

    public Person page() {
        return brand().page();
    }

    public Person instagram() {
        return brand().instagram();
    }

    /**
     * The current Page token stops working (as when it expires or its user changes their
     * password); a new one is issued and returned.
     */
    public synchronized String expireToken() {
        List<String> expired = new ArrayList<>(brand.expiredTokens());
        expired.add(brand.token());
        String next = "sim-page-" + brand.page().username() + "-" + (expired.size() + 1);
        brand = new Brand(brand.page(), brand.instagram(), next, List.copyOf(expired));
        save();
        return next;
    }

    public synchronized Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    /** The customer with this user name, created on first use (no sign-up in the simulator). */
    public synchronized Person personOrCreate(String username, String name) {
        for (Person p : people.values()) {
            if (p.username() != null && p.username().equalsIgnoreCase(username)) {
                return p;
            }
        }
        Person p = new Person(nextId(), name == null || name.isBlank() ? username : name, username);
        people.put(p.id(), p);
        save();
        return p;
    }

    public synchronized Optional<Item> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    /** A post on the Page's feed, by the Page itself or a visitor. */
    public synchronized Item post(String authorId, String text) {
        return add(new Item(page().id() + "_" + nextId(), Kind.POST, null, null, authorId, text, clock.instant(), false));
    }

    /** A new Instagram media object of the brand, with its caption. */
    public synchronized Item media(String caption) {
        return add(new Item(nextId(), Kind.MEDIA, null, null, instagram().id(), caption, clock.instant(), false));
    }

    /**
     * A comment on {@code objectId}: on a post or media, top level; on a comment, a reply. As on the
     * platforms, threads are two levels deep: a reply to a reply joins its parent's replies.
     */
    public synchronized Item comment(String objectId, String authorId, String text) {
        Item target = items.get(objectId);
        if (target == null) {
            throw new IllegalArgumentException("Object " + objectId + " does not exist");
        }
        String parent = null;
        if (target.isComment()) {
            parent = target.parentId() != null ? target.parentId() : target.id();
        }
        String root = target.rootId() != null ? target.rootId() : target.id();
        Item rootItem = items.get(root);
        Kind kind = rootItem.kind() == Kind.MEDIA ? Kind.IG_COMMENT : Kind.COMMENT;
        String id = kind == Kind.COMMENT ? root.substring(root.indexOf('_') + 1) + "_" + nextId() : nextId();
        return add(new Item(id, kind, root, parent, authorId, text, clock.instant(), false));
    }

    /** Hides or shows a comment or a visitor's post on the Page; returns false when there is no such object. */
    public synchronized boolean setHidden(String commentId, boolean hidden) {
        Item c = items.get(commentId);
        if (c == null || c.kind() == Kind.MEDIA) {
            return false;
        }
        items.put(commentId, c.hidden(hidden));
        save();
        return true;
    }

    /** The Page's feed, newest first. */
    public synchronized List<Item> feed() {
        return select(i -> i.kind() == Kind.POST, true);
    }

    /** The brand's Instagram media, newest first. */
    public synchronized List<Item> media() {
        return select(i -> i.kind() == Kind.MEDIA, true);
    }

    /** Comments on a post or media (top level), or replies to a comment; oldest first. */
    public synchronized List<Item> commentsOn(String objectId) {
        Item target = items.get(objectId);
        if (target == null) {
            return List.of();
        }
        if (target.isComment()) {
            return select(i -> objectId.equals(i.parentId()), false);
        }
        return select(i -> objectId.equals(i.rootId()) && i.parentId() == null, false);
    }

    /** Every comment in a post's or media's thread, replies included, oldest first. */
    public synchronized List<Item> thread(String rootId) {
        return select(i -> rootId.equals(i.rootId()), false);
    }

    /** Every object the brand's Page or Instagram account wrote, oldest first. */
    public synchronized List<Item> byBrand() {
        return select(i -> i.authorId().equals(page().id()) || i.authorId().equals(instagram().id()), false);
    }

    /** Forgets every post, comment and media (tests); people and tokens stay. */
    public synchronized void reset() {
        items.clear();
        save();
    }

    private Item add(Item item) {
        items.put(item.id(), item);
        save();
        return item;
    }

    private List<Item> select(Predicate<Item> filter, boolean newestFirst) {
        Comparator<Item> order = Comparator.comparing(Item::createdAt).thenComparing(i -> seq(i.id()));
        return items.values().stream().filter(filter).sorted(newestFirst ? order.reversed() : order).toList();
    }

    private static long seq(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('_') + 1));
    }

    /** Numeric ids, increasing, as long as the platforms' (object ids are opaque strings to a client). */
    private String nextId() {
        lastId = Math.max(lastId + 1, 1_000L);
        return Long.toString(178_000_000_000_000L + lastId);
    }

    private void load() {
        StateFile.read(stateFile, State.class).ifPresent(s -> {
            brand = s.brand();
            s.people().forEach(p -> people.put(p.id(), p));
            s.items().forEach(i -> items.put(i.id(), i));
            lastId = s.lastId();
        });
    }

    private void save() {
        StateFile.write(stateFile, new State(brand, List.copyOf(people.values()), List.copyOf(items.values()), lastId));
    }
}
