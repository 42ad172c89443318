package org.careloop.platform.facebook;

import com.restfb.Parameter;
import com.restfb.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;

/**
 * A Facebook Page through RestFB: visitor posts on the Page ({@code posts} feed) and comments and
 * replies on the Page's posts, visitor posts and its own alike ({@code comments} feed), each read
 * forward from a {@code since} cursor; replies posted as comments in the thread; comments hidden
 * and shown again. Posts and comments by the Page itself are flagged as the brand's own.
 */
public final class FacebookAdapter implements PlatformAdapter {

    static final String POSTS = "posts";
    static final String COMMENTS = "comments";
    private static final String POST_FIELDS = "id,message,created_time,from,permalink_url";
    private static final String COMMENT_FIELDS = "id,message,created_time,from,parent,permalink_url";

    private final FacebookAccount account;
    private final GraphSettings settings;
    private final GraphClient graph;
    private final Clock clock;
    private volatile Identity me;

    public FacebookAdapter(FacebookAccount account, GraphSettings settings) {
        this(account, settings, Clock.systemUTC());
    }

    FacebookAdapter(FacebookAccount account, GraphSettings settings, Clock clock) {
        this.account = account;
        this.settings = settings;
        this.graph = new GraphClient(settings, account.token(), clock);
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    @Override
    public String account() {
        return account.account();
    }

    @Override
    public List<String> feeds() {
        return List.of(POSTS, COMMENTS);
    }

    /** The Graph client with this Page's token, for the Instagram account linked to the Page. */
    GraphClient graph() {
        return graph;
    }

    Clock clock() {
        return clock;
    }

    /** {@code GET /me} with the Page token: the Page it belongs to, checked against the configured Page id. */
    @Override
    public Identity identify() throws PlatformException {
        if (!graph.hasToken()) {
            throw new PlatformException(PlatformException.Kind.AUTH, "No Page access token for Facebook Page " + account.name()
                    + ": set " + account.tokenFrom(), null);
        }
        JsonObject page = graph.get("identify the Page", "me", Parameter.with("fields", "id,name"));
        String id = page.getString("id", null);
        if (account.pageId() != null && !account.pageId().equals(id)) {
            throw new PlatformException(PlatformException.Kind.AUTH, "The token in " + account.tokenFrom() + " belongs to Page " + id
                    + ", not to careloop.facebook." + account.name() + ".page-id " + account.pageId(), null);
        }
        me = new Identity(id, page.getString("name", id), page.getString("name", id));
        return me;
    }

    private Identity self() throws PlatformException {
        return me != null ? me : identify();
    }

    @Override
    public Batch fetch(String feed, String sinceCursor) throws PlatformException {
        Identity self = self();
        graph.slowDownIfNeeded("read " + feed);
        GraphCursor cursor = GraphCursor.firstRead(sinceCursor, clock.instant().minus(settings.firstLookback()));
        List<JsonObject> items = switch (feed) {
            case POSTS -> graph.list("read the Page's feed", self.id() + "/feed", settings.maxPages(), since(cursor,
                    Parameter.with("fields", POST_FIELDS), Parameter.with("limit", settings.pageSize())));
            case COMMENTS -> comments(self, cursor);
            default -> throw new IllegalArgumentException("Unknown feed " + feed);
        };
        return batch(items, cursor, sinceCursor, self);
    }

    /**
     * Comments and replies on the Page's latest posts: the posts whose {@code updated_time} (which
     * a new comment moves) is not older than the cursor, then each one's comments since the cursor,
     * replies included ({@code filter=stream}), oldest first.
     */
    private List<JsonObject> comments(Identity self, GraphCursor cursor) throws PlatformException {
        List<JsonObject> posts = graph.list("read the Page's feed", self.id() + "/feed", 1,
                Parameter.with("fields", "id,updated_time"), Parameter.with("limit", settings.postsWatched()));
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject post : posts) {
            String postId = post.getString("id", null);
            long updated = GraphTime.epochSeconds(post.getString("updated_time", null));
            // An id goes into the request's path: one that is no Graph id failed every read of the comments, and so the feed.
            if (!Mention.isId(postId) || (cursor.since() != null && updated < cursor.since())) {
                continue;
            }
            for (JsonObject c : graph.list("read comments", postId + "/comments", settings.maxPages(), since(cursor,
                    Parameter.with("fields", COMMENT_FIELDS), Parameter.with("filter", "stream"),
                    Parameter.with("order", "chronological"), Parameter.with("limit", settings.pageSize())))) {
                c.set("careloop_post", postId);
                out.add(c);
            }
        }
        return out;
    }

    private static Parameter[] since(GraphCursor cursor, Parameter... params) {
        if (cursor.since() == null) {
            return params;
        }
        Parameter[] out = java.util.Arrays.copyOf(params, params.length + 1);
        out[params.length] = Parameter.with("since", cursor.since());
        return out;
    }

    private Batch batch(List<JsonObject> items, GraphCursor cursor, String sinceCursor, Identity self) {
        List<Mention> found = new ArrayList<>();
        for (JsonObject o : items) {
            long t = GraphTime.epochSeconds(o.getString("created_time", null));
            String id = o.getString("id", null);
            if (id != null && cursor.isNew(t, id)) {
                found.add(normalise(o, self));
            }
        }
        return cursor.batch(found, sinceCursor);
    }

    Mention normalise(JsonObject o, Identity self) {
        String id = o.getString("id", null);
        JsonObject from = o.contains("from") ? o.get("from").asObject() : new JsonObject();
        String authorId = from.getString("id", null);
        String name = from.getString("name", authorId);
        String post = o.getString("careloop_post", null);
        String parent = o.contains("parent") ? o.get("parent").asObject().getString("id", null) : null;
        return new Mention(Platform.FACEBOOK, account(), id, new Author(authorId, name, name), o.getString("message", ""), null,
                GraphTime.instant(o.getString("created_time", null)), post != null ? post : id,
                post == null ? null : parent != null ? parent : post, o.getString("permalink_url", null), false,
                self.id().equals(authorId));
    }

    /** A comment in the thread: {@code POST /{id}/comments} on the post or comment answered. */
    @Override
    public Published publish(Reply reply) throws PlatformException {
        self();
        JsonObject r = graph.post("publish a reply", reply.inReplyToId() + "/comments", Parameter.with("message", reply.text()));
        String id = r.getString("id", null);
        return new Published(id, permalink(id));
    }

    /** The reply's public address; the console can do without it when the platform does not say. */
    private String permalink(String id) {
        try {
            return graph.get("read a permalink", id, Parameter.with("fields", "permalink_url")).getString("permalink_url", null);
        } catch (PlatformException e) {
            return null;
        }
    }

    /**
     * The Page's own comment with the same text under the post or comment answered, or under that
     * comment's parent (Facebook threads are two levels deep: a reply to a reply joins the parent).
     */
    @Override
    public Optional<Published> findReply(Reply reply) throws PlatformException {
        Identity self = self();
        String wanted = GraphTime.comparable(reply.text());
        JsonObject target = graph.get("look for a published reply", reply.inReplyToId(), Parameter.with("fields", "id,parent"));
        List<String> places = new ArrayList<>(List.of(reply.inReplyToId()));
        if (target.contains("parent")) {
            places.add(target.get("parent").asObject().getString("id", null));
        }
        for (String place : places) {
            for (JsonObject c : graph.list("look for a published reply", place + "/comments", settings.maxPages(),
                    Parameter.with("fields", "id,message,from,permalink_url"), Parameter.with("limit", 100))) {
                String author = c.contains("from") ? c.get("from").asObject().getString("id", null) : null;
                if (self.id().equals(author) && wanted.equals(GraphTime.comparable(c.getString("message", "")))) {
                    return Optional.of(new Published(c.getString("id", null), c.getString("permalink_url", null)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code POST /{id}?is_hidden=true|false} on a comment or a visitor's post: hidden from everyone
     * but the author and their friends; never deleted.
     */
    @Override
    public void hide(String postId, boolean hidden) throws PlatformException {
        self();
        JsonObject r = graph.post(hidden ? "hide a comment" : "unhide a comment", postId, Parameter.with("is_hidden", hidden));
        if (!r.getBoolean("success", false)) {
            throw new PlatformException(PlatformException.Kind.REJECTED, "Facebook did not confirm hiding comment " + postId, null);
        }
    }
}
