package org.careloop.simulator;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careloop.simulator.XWorld.Post;

/** What the public sees on the simulated X: every thread, the brand's replies under the posts they answer. */
final class TimelinePage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f8fa;color:#0f1419}
            header{background:#fff;border-bottom:1px solid #e1e8ed;padding:12px 20px;display:flex;gap:16px;align-items:center;position:sticky;top:0}
            header h1{font-size:18px;margin:0}header a{color:#1d9bf0;text-decoration:none}header .sub{color:#536471;font-size:13px}
            main{max-width:680px;margin:16px auto;padding:0 12px}
            .post{background:#fff;border:1px solid #e1e8ed;border-radius:12px;padding:12px 14px;margin:0 0 8px}
            .thread{margin-bottom:14px}.replies{margin-left:26px;border-left:2px solid #cfd9de;padding-left:10px}
            .who{font-weight:600}.handle,.time,.id{color:#536471;font-weight:400;font-size:13px}
            .text{white-space:pre-wrap;word-wrap:break-word;margin-top:4px}
            .brand{border-color:#1d9bf0;background:#f0f8ff}.brand .who::after{content:" \\2713 brand";color:#1d9bf0;font-size:12px}
            .rt{color:#536471;font-size:13px}.empty{color:#536471;text-align:center;padding:40px}
            form{background:#fff;border:1px solid #e1e8ed;border-radius:12px;padding:16px;display:grid;gap:10px}
            input,textarea{font:inherit;padding:8px;border:1px solid #cfd9de;border-radius:8px}textarea{min-height:90px}
            button{font:inherit;background:#1d9bf0;color:#fff;border:0;border-radius:18px;padding:8px 18px;justify-self:start;cursor:pointer}
            .err{color:#b00020}
            """;

    private TimelinePage() {}

    static String render(XWorld world) {
        List<Post> all = world.all();
        Map<String, List<Post>> replies = new LinkedHashMap<>();
        List<Post> roots = new ArrayList<>();
        for (Post p : all) {
            if (p.inReplyToId() != null && world.post(p.inReplyToId()).isPresent()) {
                replies.computeIfAbsent(p.inReplyToId(), k -> new ArrayList<>()).add(p);
            } else {
                roots.add(p);
            }
        }
        // Like a feed: the thread with the latest activity (a new reply included) comes first.
        roots.sort(Comparator.comparing((Post p) -> latest(p, replies)).reversed());
        StringBuilder b = page("Timeline", true);
        b.append("<main>");
        if (roots.isEmpty()) {
            b.append("<p class=empty>No posts yet. The scenario is starting, or <a href=\"/post\">post one yourself</a>.</p>");
        }
        for (Post root : roots) {
            b.append("<div class=thread>");
            thread(b, world, root, replies);
            b.append("</div>");
        }
        return b.append("</main></body></html>").toString();
    }

    private static long latest(Post p, Map<String, List<Post>> replies) {
        long max = Long.parseLong(p.id());
        for (Post c : replies.getOrDefault(p.id(), List.of())) {
            max = Math.max(max, latest(c, replies));
        }
        return max;
    }

    private static void thread(StringBuilder b, XWorld world, Post p, Map<String, List<Post>> replies) {
        post(b, world, p);
        List<Post> children = replies.getOrDefault(p.id(), List.of());
        if (!children.isEmpty()) {
            b.append("<div class=replies>");
            children.forEach(c -> thread(b, world, c, replies));
            b.append("</div>");
        }
    }

    private static void post(StringBuilder b, XWorld world, Post p) {
        XWorld.User author = world.user(p.authorId()).orElse(new XWorld.User(p.authorId(), "unknown", "unknown", p.createdAt()));
        boolean brand = author.id().equals(world.brand().id());
        b.append("<article class=\"post").append(brand ? " brand" : "").append("\" id=\"p").append(p.id()).append("\">");
        if (p.retweetOfId() != null) {
            b.append("<div class=rt>&#128257; ").append(esc(author.name())).append(" reposted</div>");
        }
        b.append("<span class=who>").append(esc(author.name())).append("</span> <span class=handle>@")
                .append(esc(author.username())).append("</span> · <span class=time>")
                .append(TIME.format(p.createdAt())).append(" UTC</span> <span class=id>#").append(p.id()).append("</span>");
        b.append("<div class=text dir=auto>").append(esc(p.text())).append("</div></article>");
    }

    static String form(String error, String handle, String text, String replyTo) {
        StringBuilder b = page("Post as a customer", false);
        b.append("<main><form method=post action=\"/post\">");
        if (error != null) {
            b.append("<div class=err>").append(esc(error)).append("</div>");
        }
        b.append("<label>Your handle <input name=handle required pattern=\"[A-Za-z0-9_]{1,15}\" value=\"").append(esc(handle)).append("\"></label>")
                .append("<label>Post <textarea name=text required maxlength=280>").append(esc(text)).append("</textarea></label>")
                .append("<label>In reply to post id (optional) <input name=reply_to pattern=\"[0-9]*\" value=\"").append(esc(replyTo)).append("\"></label>")
                .append("<button type=submit>Post</button>")
                .append("<p class=handle>Tip: mention @").append("acmeair to reach the brand. Anyone can post the same way through the X API: ")
                .append("<code>POST /2/tweets</code> with <code>Authorization: Bearer sim:&lt;handle&gt;</code>.</p>")
                .append("</form></main></body></html>");
        return b.toString();
    }

    private static StringBuilder page(String title, boolean refresh) {
        return page(title, refresh, "");
    }

    /** The page's head and header, with the platform links; {@code style} is added to the shared style. */
    static StringBuilder page(String title, boolean refresh, String style) {
        StringBuilder b = new StringBuilder("<!doctype html><html lang=en><head><meta charset=utf-8>")
                .append("<meta name=viewport content=\"width=device-width,initial-scale=1\"><link rel=icon href=\"data:,\">");
        if (refresh) {
            b.append("<meta http-equiv=refresh content=5>");
        }
        return b.append("<title>").append(esc(title)).append(" · platform simulator</title><style>").append(STYLE).append(style)
                .append("</style></head><body>")
                .append("<header><h1>Platform simulator</h1><span class=sub>what the public sees</span>")
                .append("<a href=\"/\">X timeline</a><a href=\"/facebook\">Facebook Page</a><a href=\"/instagram\">Instagram</a>")
                .append("<a href=\"/post\">Post as a customer</a></header>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
