package org.careloop.marketing;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.careloop.platform.Platform;

/**
 * The praise feed as Atom (RFC 4287), written by Rome. Entry ids are tag URIs
 * ({@code tag:<host of careloop.public-url>,2026:careloop/praise/x/<post id>}): the same post
 * keeps its id across restarts and nodes, so a feed reader never shows it twice.
 */
public final class PraiseAtom {

    private final String authority;
    private final String title;

    /**
     * @param authority the tag URIs' authority: the host name CareLoop is served under
     * @param title     the feed's title (e.g. "Acme Air: praise")
     */
    public PraiseAtom(String authority, String title) {
        this.authority = authority.toLowerCase(Locale.ROOT);
        this.title = title;
    }

    /**
     * @param self      this document's URL (without any token)
     * @param alternate the console's praise page
     * @param next      the next page (RFC 5005 paging), or null
     * @param now       the feed's updated time when it has no entries
     */
    public String render(List<Praise> items, String self, String alternate, String next, Instant now) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(tag(""));
        feed.setTitle(xml(title));
        feed.setUpdated(Date.from(items.stream().map(Praise::addedAt).max(Instant::compareTo).orElse(now)));
        feed.setAlternateLinks(List.of(link("alternate", alternate, "text/html")));
        List<Link> other = new ArrayList<>(List.of(link("self", self, "application/atom+xml")));
        if (next != null) {
            other.add(link("next", next, "application/atom+xml"));
        }
        feed.setOtherLinks(other);
        Generator generator = new Generator();
        generator.setValue("CareLoop");
        feed.setGenerator(generator);
        feed.setEntries(items.stream().map(this::entry).toList());
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the praise feed: " + e.getMessage(), e);
        }
    }

    private Entry entry(Praise p) {
        Entry e = new Entry();
        e.setId(tag("/" + p.platform().id() + "/" + URLEncoder.encode(p.postId(), StandardCharsets.UTF_8)));
        String who = p.author().greeting();
        e.setTitle(xml(who + " on " + label(p.platform()) + ": " + abbreviate(p.text(), 80)));
        Person author = new Person();
        author.setName(xml(who == null ? "unknown" : who));
        if (p.platform() == Platform.X && p.author().handle() != null) {
            author.setUri("https://x.com/" + URLEncoder.encode(p.author().handle(), StandardCharsets.UTF_8));
        }
        e.setAuthors(List.<SyndPerson>of(author));
        if (p.permalink() != null) {
            e.setAlternateLinks(List.of(link("alternate", p.permalink(), "text/html")));
        }
        e.setUpdated(Date.from(p.addedAt()));
        if (p.postedAt() != null) {
            e.setPublished(Date.from(p.postedAt()));
        }
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(xml(p.text()));
        e.setContents(List.of(content));
        Content summary = new Content();
        summary.setType(Content.TEXT);
        summary.setValue(String.format(Locale.ROOT, "Score %.2f · %s · @%s", p.score(), label(p.platform()), xml(p.author().handle())));
        e.setSummary(summary);
        Category platform = new Category();
        platform.setTerm(p.platform().id());
        platform.setLabel(label(p.platform()));
        e.setCategories(List.of(platform));
        return e;
    }

    private String tag(String path) {
        return "tag:" + authority + ",2026:careloop/praise" + path;
    }

    private static Link link(String rel, String href, String type) {
        Link l = new Link();
        l.setRel(rel);
        // XML-safe like every other value: a permalink is built from the author's handle, and one control
        // character in it (or in the platform's permalink) made the whole feed fail to render (500).
        l.setHref(xml(href));
        l.setType(type);
        return l;
    }

    private static String label(Platform p) {
        return p == Platform.X ? "X" : p.name().charAt(0) + p.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.codePointCount(0, oneLine.length()) <= max ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Posts may hold characters XML 1.0 cannot carry (control characters, lone surrogates): they are left out. */
    static String xml(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF)).forEach(b::appendCodePoint);
        return b.toString();
    }
}
