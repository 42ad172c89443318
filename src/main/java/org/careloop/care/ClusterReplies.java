package org.careloop.care;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;

/**
 * One decision for a cluster, one reply per post: the cluster's draft (as drafted for its first post,
 * or as a care lead rewrote it) made each post's own. The first post's name becomes this author's, its
 * detail this post's detail, its ticket link and reference this post's; and no account says the same
 * text twice: a reply that would repeat one is told apart by the author's handle, else it is the post's
 * own draft (only while the lead's text was not rewritten). A post whose reply cannot be made its own
 * safely is left for a person, with the reason.
 */
public final class ClusterReplies {

    /** A customer's private page, link or rating link: theirs alone, never in another customer's reply. */
    private static final Pattern PRIVATE_LINK = Pattern.compile("https?://\\S+/[tcr]/[A-Za-z0-9_-]{8,}");
    /** What an account said within this long is not said again (as the drafts avoid it). */
    private static final Duration SAID_WITHIN = Duration.ofHours(24);

    private final Drafter drafter;
    private final DraftStore drafts;
    private final Clock clock;

    public ClusterReplies(Drafter drafter, DraftStore drafts, Clock clock) {
        this.drafter = drafter;
        this.drafts = drafts;
        this.clock = clock;
    }

    /** A post's reply, or why it has none (then {@code text} is null). */
    public record Reply(Draft draft, String text, String problem) {}

    /**
     * @param lead   the draft the cluster shows: its text is the decision
     * @param edited the lead's text as rewritten, or null to send it as drafted
     * @param posts  the drafts to answer (the lead among them, or not)
     */
    public List<Reply> replies(Draft lead, String edited, List<Draft> posts) {
        String decided = edited != null ? edited : lead.text();
        Map<String, Map<String, Integer>> said = new HashMap<>();
        // The posts' own drafts are among the account's texts, and are replaced by what is decided now.
        for (Draft d : posts) {
            Map<String, Integer> texts = saidOn(said, d.mention());
            texts.computeIfPresent(d.text(), (t, n) -> n > 1 ? n - 1 : null);
        }
        List<Reply> out = new ArrayList<>(posts.size());
        for (Draft d : posts) {
            Map<String, Integer> texts = saidOn(said, d.mention());
            List<Made> tries = new ArrayList<>(List.of(made(decided, lead, d, false), made(decided, lead, d, true)));
            if (edited == null) {
                tries.add(new Made(d.text(), null)); // the post's own draft: another phrasing of the same decision
            }
            String problem = null;
            String chosen = null;
            for (Made m : tries) {
                String why = m.problem() != null ? m.problem()
                        : m.text() == null || m.text().isBlank() ? "there is no reply text for it"
                        : !ReplyLength.fits(d.mention().platform(), m.text()) ? ReplyLength.tooLong(d.mention().platform(), m.text())
                        : texts.containsKey(m.text()) ? "its reply would repeat one already on this account" : null;
                if (why == null) {
                    chosen = m.text();
                    break;
                }
                problem = problem == null ? why : problem;
            }
            if (chosen != null) {
                texts.merge(chosen, 1, Integer::sum);
            }
            out.add(new Reply(d, chosen, chosen == null ? problem : null));
        }
        return out;
    }

    private record Made(String text, String problem) {}

    /** The decided text made this post's own; {@code byHandle}: the author named by handle, not first name. */
    private Made made(String decided, Draft lead, Draft post, boolean byHandle) {
        if (decided == null || decided.isBlank()) {
            return new Made(null, "there is no reply text for it");
        }
        if (post.id() == lead.id() && decided.equals(lead.text()) && !byHandle) {
            return new Made(decided, null); // the lead's own draft, as drafted for it
        }
        String name = byHandle ? handle(post.mention()) : Addressing.firstName(post.mention());
        String leadName = Addressing.firstName(lead.mention());
        Matcher named = word(leadName).matcher(decided);
        String text = named.find() ? named.replaceAll(Matcher.quoteReplacement(name)) : name + ", " + lowerFirst(decided);
        Optional<String> leadDetail = drafter.detail(lead.mention(), lead.analysis()).filter(text::contains);
        if (leadDetail.isPresent() && post.id() != lead.id()) {
            Optional<String> detail = drafter.detail(post.mention(), post.analysis());
            if (detail.isEmpty()) {
                return new Made(null, "the reply names another post's detail ('" + leadDetail.get() + "') and this post has none to put in");
            }
            text = text.replace(leadDetail.get(), detail.get());
        }
        Long leadTicket = lead.work().ticketId();
        Long ticket = post.work().ticketId();
        if (leadTicket != null && !leadTicket.equals(ticket)) {
            Matcher ref = word("#" + leadTicket).matcher(text);
            if (ref.find()) {
                if (ticket == null) {
                    return new Made(null, "the reply names another customer's ticket (#" + leadTicket + ") and this post has none");
                }
                text = ref.replaceAll("#" + ticket);
            }
        }
        // A private link in the text is the lead's: this post's own draft carries its own.
        Matcher link = PRIVATE_LINK.matcher(text);
        if (link.find()) {
            Matcher own = PRIVATE_LINK.matcher(post.text() == null ? "" : post.text());
            if (!own.find()) {
                return new Made(null, "the reply carries another customer's private link and this post's draft has none");
            }
            text = link.replaceAll(Matcher.quoteReplacement(own.group()));
        }
        return new Made(text, null);
    }

    private Map<String, Integer> saidOn(Map<String, Map<String, Integer>> said, Mention m) {
        return said.computeIfAbsent(m.platform().id() + ":" + m.account(), k -> {
            Map<String, Integer> texts = new HashMap<>();
            drafts.repliesOnAccountSince(m.platform().id(), m.account(), clock.instant().minus(SAID_WITHIN))
                    .forEach(t -> texts.merge(t, 1, Integer::sum));
            return texts;
        });
    }

    /** The author by handle where the platform has handles (unique on the platform), else by full display name. */
    private static String handle(Mention m) {
        String handle = Addressing.printable(m.author().handle());
        if (m.platform() != Platform.FACEBOOK && handle != null && !handle.isBlank()) {
            return "@" + handle;
        }
        String name = Addressing.printable(m.author().name());
        return name == null || name.isBlank() ? Addressing.firstName(m) : name.trim();
    }

    /** The name as a word of its own ("Jana", not the start of "Janaki"). */
    private static Pattern word(String name) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_@#])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_])");
    }

    /** Words a reply starts a sentence with, lower case after "Jana, ": anything else (a place, a name, "I") keeps its capital. */
    private static final java.util.Set<String> STARTERS = java.util.Set.of("we", "we're", "we've", "we'll", "sorry", "thanks", "thank", "our",
            "the", "this", "that", "these", "it", "it's", "you", "you're", "your", "so", "happy", "glad", "hi", "hello", "please", "good",
            "great", "there", "there's", "here", "here's", "a", "an", "all", "everyone", "yes", "no", "apologies", "really", "quick", "just");

    /** "We're sorry" after "Jana, "; "I", a place and a name stay as they are. */
    static String lowerFirst(String text) {
        if (text.length() < 2 || !Character.isUpperCase(text.charAt(0)) || !Character.isLowerCase(text.charAt(1))) {
            return text;
        }
        String first = text.split("[\\s,.!?:;]", 2)[0].replace('\u2019', '\'').toLowerCase(java.util.Locale.ROOT);
        return STARTERS.contains(first) ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }
}
