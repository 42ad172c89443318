package org.careloop.platform.facebook;

import com.restfb.Parameter;
import com.restfb.json.JsonObject;
import com.restfb.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;

/**
 * An Instagram professional account through RestFB, with its Page's token: comments and replies on
 * the account's latest media ({@code comments} feed, read forward from a time cursor), replies
 * posted with {@code POST /{comment-id}/replies}, comments hidden with {@code hide=true}.
 * Instagram threads are two levels deep, so a reply to a reply answers its top-level comment.
 */
public final class InstagramAdapter implements PlatformAdapter {

    static final String COMMENTS = "comments";
    private static final String COMMENT_FIELDS = "id,text,timestamp,username,from{id,username},parent_id";

    private final InstagramAccount account;
    private final FacebookAdapter page;
    private final GraphSettings settings;
    private final GraphClient graph;
    /** Comment counts of the media at the last read: a media whose count did not move is not read again. */
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private volatile Identity me;

    public InstagramAdapter(InstagramAccount account, FacebookAdapter page, GraphSettings settings) {
        this.account = account;
        this.page = page;
        this.settings = settings;
        this.graph = page.graph();
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM;
    }

    @Override
    public String account() {
        return account.account();
    }

    @Override
    public List<String> feeds() {
        return List.of(COMMENTS);
    }

    /** The account linked to the Page (or the configured id), as Instagram names it. */
    @Override
    public Identity identify() throws PlatformException {
        String id = account.igUserId();
        if (id == null) {
            Identity p = page.identify();
            JsonObject linked = graph.get("find the Page's Instagram account", p.id(), Parameter.with("fields", "instagram_business_account"));
            if (!linked.contains("instagram_business_account")) {
                throw new PlatformException(PlatformException.Kind.AUTH, "Facebook Page " + p.handle()
                        + " has no Instagram professional account linked (or the token lacks instagram_basic)", null);
            }
            id = linked.get("instagram_business_account").asObject().getString("id", null);
        }
        JsonObject u = graph.get("identify the Instagram account", id, Parameter.with("fields", "id,username,name"));
        me = new Identity(u.getString("id", id), u.getString("username", id), u.getString("name", u.getString("username", id)));
        return me;
    }

    private Identity self() throws PlatformException {
        return me != null ? me : identify();
    }

    @Override
    public Batch fetch(String feed, String sinceCursor) throws PlatformException {
        if (!COMMENTS.equals(feed)) {
            throw new IllegalArgumentException("Unknown feed " + feed);
        }
        Identity self = self();
        graph.slowDownIfNeeded("read comments");
        GraphCursor cursor = GraphCursor.firstRead(sinceCursor, page.clock().instant().minus(settings.firstLookback()));
        List<JsonObject> media = graph.list("read the media", self.id() + "/media", 1,
                Parameter.with("fields", "id,permalink,comments_count,timestamp"), Parameter.with("limit", settings.postsWatched()));
        List<Mention> found = new ArrayList<>();
        for (JsonObject m : media) {
            String mediaId = m.getString("id", null);
            int count = m.getInt("comments_count", 0);
            Integer before = counts.get(mediaId);
            // An id goes into the request's path: one that is no Graph id would fail every read of the comments, and so the feed.
            if (!Mention.isId(mediaId) || count == 0 || (before != null && before == count)) {
                continue;
            }
            for (JsonObject c : graph.list("read comments", mediaId + "/comments", settings.maxPages(),
                    Parameter.with("fields", COMMENT_FIELDS + ",replies{" + COMMENT_FIELDS + "}"), Parameter.with("limit", settings.pageSize()))) {
                add(found, c, mediaId, m.getString("permalink", null), cursor, self);
                for (JsonObject r : replies(c)) {
                    add(found, r, mediaId, m.getString("permalink", null), cursor, self);
                }
            }
            counts.put(mediaId, count);
        }
        return cursor.batch(found, sinceCursor);
    }

    /** A comment's replies: the first page came inline; a busy thread's further pages are read from the edge. */
    private List<JsonObject> replies(JsonObject comment) throws PlatformException {
        if (!comment.contains("replies")) {
            return List.of();
        }
        JsonObject inline = comment.get("replies").asObject();
        boolean more = inline.contains("paging") && inline.get("paging").asObject().contains("next");
        if (more && Mention.isId(comment.getString("id", null))) {
            return graph.list("read replies", comment.getString("id", null) + "/replies", settings.maxPages(),
                    Parameter.with("fields", COMMENT_FIELDS), Parameter.with("limit", settings.pageSize()));
        }
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue r : inline.get("data").asArray()) {
            out.add(r.asObject());
        }
        return out;
    }

    private void add(List<Mention> found, JsonObject c, String mediaId, String permalink, GraphCursor cursor, Identity self) {
        String id = c.getString("id", null);
        if (id != null && cursor.isNew(GraphTime.epochSeconds(c.getString("timestamp", null)), id)) {
            found.add(normalise(c, mediaId, permalink, self));
        }
    }

    Mention normalise(JsonObject c, String mediaId, String permalink, Identity self) {
        JsonObject from = c.contains("from") ? c.get("from").asObject() : new JsonObject();
        String username = c.getString("username", from.getString("username", null));
        String authorId = from.getString("id", username);
        String parent = c.getString("parent_id", null);
        String id = c.getString("id", null);
        // The API gives no permalink for a comment: the media's, where the comment is shown.
        return new Mention(Platform.INSTAGRAM, account(), id, new Author(authorId, username, username), c.getString("text", ""), null,
                GraphTime.instant(c.getString("timestamp", null)), mediaId, parent != null ? parent : mediaId, permalink, false,
                self.id().equals(authorId) || self.handle().equalsIgnoreCase(username));
    }

    /** {@code POST /{comment-id}/replies}, on the top-level comment of the thread. */
    @Override
    public Published publish(Reply reply) throws PlatformException {
        self();
        String target = topLevel(reply.inReplyToId());
        JsonObject r = graph.post("publish a reply", target + "/replies", Parameter.with("message", reply.text()));
        String id = r.getString("id", null);
        return new Published(id, permalinkOf(target));
    }

    @Override
    public Optional<Published> findReply(Reply reply) throws PlatformException {
        Identity self = self();
        String target = topLevel(reply.inReplyToId());
        String wanted = GraphTime.comparable(reply.text());
        for (JsonObject r : graph.list("look for a published reply", target + "/replies", settings.maxPages(),
                Parameter.with("fields", "id,text,username,from{id,username}"), Parameter.with("limit", 50))) {
            String username = r.getString("username", null);
            String authorId = r.contains("from") ? r.get("from").asObject().getString("id", null) : null;
            if ((self.id().equals(authorId) || self.handle().equalsIgnoreCase(username))
                    && wanted.equals(GraphTime.comparable(r.getString("text", "")))) {
                return Optional.of(new Published(r.getString("id", null), permalinkOf(target)));
            }
        }
        return Optional.empty();
    }

    /** {@code POST /{ig-comment-id}?hide=true|false}. */
    @Override
    public void hide(String postId, boolean hidden) throws PlatformException {
        self();
        JsonObject r = graph.post(hidden ? "hide a comment" : "unhide a comment", postId, Parameter.with("hide", hidden));
        if (!r.getBoolean("success", false)) {
            throw new PlatformException(PlatformException.Kind.REJECTED, "Instagram did not confirm hiding comment " + postId, null);
        }
    }

    private String topLevel(String commentId) throws PlatformException {
        JsonObject c = graph.get("read the comment answered", commentId, Parameter.with("fields", "id,parent_id"));
        return c.getString("parent_id", commentId);
    }

    private String permalinkOf(String commentId) {
        try {
            JsonObject c = graph.get("read a permalink", commentId, Parameter.with("fields", "media{permalink}"));
            return c.contains("media") ? c.get("media").asObject().getString("permalink", null) : null;
        } catch (PlatformException e) {
            return null;
        }
    }
}
