package org.careloop.simulator;

import static org.careloop.simulator.TimelinePage.esc;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.careloop.simulator.GraphWorld.Item;
import org.careloop.simulator.GraphWorld.Person;

/**
 * What the public sees on the simulated Facebook Page (its posts with their comment threads) and
 * Instagram account (its media with comments). Hidden comments are shown to the brand only, as
 * on the platforms: here dimmed and marked, so a tester sees what was hidden.
 */
final class GraphPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm:ss").withZone(ZoneOffset.UTC);

    static final String STYLE = """
            .fb .post{border-radius:8px}.ig .post{border-radius:4px}.media{background:linear-gradient(135deg,#f58529,#dd2a7b,#8134af);
            color:#fff;border-radius:4px;padding:28px 14px;margin:6px 0;font-weight:600}
            .comment{background:#f0f2f5;border-radius:14px;padding:6px 12px;margin:6px 0 0}.comment .replies{margin-left:22px}
            .hidden{opacity:.55}.hidden .who::after{content:" \\00b7 hidden by the brand";color:#b00020;font-size:12px;font-weight:400}
            .comment.brand{background:#e7f3ff}.post.brand .who::after,.comment.brand .who::after{content:" \\2713 brand";color:#1877f2;font-size:12px}
            """;

    private GraphPages() {}

    static String facebook(GraphWorld world) {
        StringBuilder b = TimelinePage.page("Facebook Page", true, STYLE);
        b.append("<main class=fb><h2>").append(esc(world.page().name())).append(" · Facebook Page</h2>");
        List<Item> feed = world.feed();
        if (feed.isEmpty()) {
            b.append("<p class=empty>No posts on the Page yet.</p>");
        }
        for (Item post : feed) {
            b.append("<div class=thread>");
            item(b, world, post, "post");
            comments(b, world, post.id());
            b.append("</div>");
        }
        return b.append("</main></body></html>").toString();
    }

    static String instagram(GraphWorld world) {
        StringBuilder b = TimelinePage.page("Instagram", true, STYLE);
        b.append("<main class=ig><h2>@").append(esc(world.instagram().username())).append(" · Instagram</h2>");
        List<Item> media = world.media();
        if (media.isEmpty()) {
            b.append("<p class=empty>No media yet.</p>");
        }
        for (Item m : media) {
            b.append("<div class=thread><article class=\"post brand\" id=\"").append(GraphApi.anchor(m.id())).append("\">")
                    .append("<span class=who>@").append(esc(world.instagram().username())).append("</span> <span class=time>")
                    .append(TIME.format(m.createdAt())).append(" UTC</span><div class=media>&#128247; photo</div>")
                    .append("<div class=text dir=auto>").append(esc(m.text())).append("</div></article>");
            comments(b, world, m.id());
            b.append("</div>");
        }
        return b.append("</main></body></html>").toString();
    }

    private static void comments(StringBuilder b, GraphWorld world, String objectId) {
        for (Item c : world.commentsOn(objectId)) {
            item(b, world, c, "comment");
            List<Item> replies = world.commentsOn(c.id());
            if (!replies.isEmpty()) {
                b.append("<div class=replies>");
                replies.forEach(r -> item(b, world, r, "comment"));
                b.append("</div>");
            }
        }
    }

    private static void item(StringBuilder b, GraphWorld world, Item i, String cls) {
        Person author = world.person(i.authorId()).orElse(new Person(i.authorId(), "Unknown", "unknown"));
        boolean brand = author.id().equals(world.page().id()) || author.id().equals(world.instagram().id());
        boolean instagram = i.kind() == GraphWorld.Kind.IG_COMMENT;
        b.append("<article class=\"").append(cls).append(brand ? " brand" : "").append(i.hidden() ? " hidden" : "")
                .append("\" id=\"").append(GraphApi.anchor(i.id())).append("\"><span class=who>")
                .append(esc(instagram ? "@" + author.username() : author.name())).append("</span> <span class=time>")
                .append(TIME.format(i.createdAt())).append(" UTC</span> <span class=id>#").append(esc(i.id())).append("</span>")
                .append("<div class=text dir=auto>").append(esc(i.text())).append("</div></article>");
    }
}
