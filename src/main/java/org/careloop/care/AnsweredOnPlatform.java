package org.careloop.care;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reply the team wrote on the platform itself (on X, or as the Page on Facebook) answers the post: the drafts that
 * were waiting for it are withdrawn, so CareLoop never posts a second answer beside a person's. The brand's own posts
 * come back through the feeds, sometimes before the post they answer was triaged; a reply CareLoop published, or is
 * publishing, is recognised as its own and changes nothing.
 *
 * <p>Facebook and Instagram threads are two levels deep: a reply to a reply sits under the comment it follows. The
 * Page's reply under a comment therefore answers the customers' comments before it in that thread as well.
 */
public final class AnsweredOnPlatform {

    private static final Logger LOG = LoggerFactory.getLogger(AnsweredOnPlatform.class);
    private static final int EXCERPT = 120;
    private static final Pattern LINKS_AND_HANDLES = Pattern.compile("https?://\\S+|@\\w+|&(amp|lt|gt|quot);");
    private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final DraftStore drafts;
    private final BiFunction<Platform, String, List<Mention>> repliesTo;
    private final Clock clock;

    /** @param repliesTo the stored posts that reply to a post (the mention store's) */
    public AnsweredOnPlatform(DraftStore drafts, BiFunction<Platform, String, List<Mention>> repliesTo, Clock clock) {
        this.drafts = drafts;
        this.repliesTo = repliesTo;
        this.clock = clock;
    }

    /** One of the brand's own posts, read from a feed: the drafts it leaves without a purpose are withdrawn. */
    public void notice(Mention post) {
        if (!isReply(post)) {
            return;
        }
        List<Draft> waiting = Stream.concat(Stream.of(post.inReplyToId()), earlierInThread(post).map(Mention::id))
                .flatMap(id -> drafts.forPost(post.platform().id(), id).stream()).toList();
        if (!byTheTeam(post, waiting)) {
            return;
        }
        for (Draft d : waiting) {
            // The first replies waiting, whenever drafted: one drafted after the team posted but before CareLoop read
            // that post never saw it. A ticket's closing message is a new word, not a first reply.
            if (d.status() == DraftStatus.PENDING && d.work().kind() != Draft.Kind.CLOSING) {
                withdraw(d, post);
            }
        }
    }

    /**
     * A new draft for a post the team has answered on the platform already (its reply was read before the post was
     * triaged): withdrawn at once. Any other draft is returned as it is.
     */
    public Draft settle(Draft draft) {
        Mention post = draft.mention();
        // Under a comment on Facebook or Instagram, the Page's later reply there answers this reply to it too.
        Stream<Mention> underItsComment = nested(post)
                ? repliesTo.apply(post.platform(), post.inReplyToId()).stream().filter(r -> r.createdAt().isAfter(post.createdAt()))
                : Stream.empty();
        List<Mention> replies = Stream.concat(repliesTo.apply(post.platform(), post.id()).stream(), underItsComment)
                .filter(AnsweredOnPlatform::isReply).toList();
        if (replies.isEmpty()) {
            return draft;
        }
        List<Draft> ofThePost = drafts.forPost(post.platform().id(), post.id());
        Optional<Mention> answer = replies.stream().filter(r -> byTheTeam(r, ofThePost)).findFirst();
        return answer.flatMap(a -> withdraw(draft, a)).orElse(draft);
    }

    /** The customers' replies to the comment a brand's reply sits under, written before it (Facebook and Instagram). */
    private Stream<Mention> earlierInThread(Mention post) {
        if (!nested(post)) {
            return Stream.empty();
        }
        return repliesTo.apply(post.platform(), post.inReplyToId()).stream()
                .filter(m -> !m.fromBrand() && m.createdAt() != null && post.createdAt() != null && m.createdAt().isBefore(post.createdAt()));
    }

    /** A reply under a comment rather than under the post itself, on a platform whose threads are two levels deep. */
    private static boolean nested(Mention post) {
        return post.platform() != Platform.X && post.inReplyToId() != null && !post.inReplyToId().equals(post.conversationId());
    }

    private static boolean isReply(Mention post) {
        return post.fromBrand() && !post.retweet() && post.inReplyToId() != null;
    }

    /**
     * A reply of the brand's that CareLoop did not write: not published as this post, nor the words of a draft of the post
     * it answers ({@code ofItsPost}) on their way out.
     */
    private boolean byTheTeam(Mention post, List<Draft> ofItsPost) {
        if (drafts.publishedAs(post.platform().id(), post.id()).isPresent()) {
            return false;
        }
        // Approved and not yet out: the platform's id for it is not known until the publisher hears back.
        String words = words(post.text());
        return ofItsPost.stream().noneMatch(d -> d.status() == DraftStatus.APPROVED && words.equals(words(d.text())));
    }

    private Optional<Draft> withdraw(Draft d, Mention answer) {
        String reason = "answered on " + answer.platform().id() + " by the team: " + excerpt(answer.text());
        Optional<Draft> withdrawn = drafts.reject(d.id(), Draft.AUTO, reason, clock.instant());
        if (withdrawn.isPresent()) {
            LOG.info("Draft {} withdrawn: {} post {} was answered on the platform by the team (post {})", d.id(), answer.platform().id(),
                    answer.inReplyToId(), answer.id());
        } else {
            LOG.info("Draft {} left as it is although {} post {} was answered on the platform (post {}): someone is working on it",
                    d.id(), answer.platform().id(), answer.inReplyToId(), answer.id());
        }
        return withdrawn;
    }

    /** The words of a reply, as the platform may give them back: links, handles, entities and punctuation aside. */
    static String words(String text) {
        if (text == null) {
            return "";
        }
        String bare = LINKS_AND_HANDLES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return NOT_WORDS.matcher(bare).replaceAll(" ").trim();
    }

    private static String excerpt(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.codePointCount(0, t.length()) <= EXCERPT ? t : t.substring(0, t.offsetByCodePoints(0, EXCERPT)) + "…";
    }
}
