package org.careloop.care;

import java.time.Clock;
import java.util.List;
import org.careloop.platform.Mention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reply the team wrote on the platform itself (on X, or as the Page on Facebook) answers the post: the drafts still
 * waiting for it are withdrawn, so CareLoop never posts a second answer beside a person's. The brand's own posts come
 * back through the feeds; a reply CareLoop published, or is publishing, is recognised as its own and changes nothing.
 */
public final class AnsweredOnPlatform {

    private static final Logger LOG = LoggerFactory.getLogger(AnsweredOnPlatform.class);
    private static final int EXCERPT = 120;

    private final DraftStore drafts;
    private final Clock clock;

    public AnsweredOnPlatform(DraftStore drafts, Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
    }

    /** Notes one of the brand's own posts: the drafts it leaves without a purpose are withdrawn. */
    public void notice(Mention post) {
        if (!post.fromBrand() || post.retweet() || post.inReplyToId() == null) {
            return;
        }
        List<Draft> forPost = drafts.forPost(post.platform().id(), post.inReplyToId());
        // Ours: published as this very post, or still on its way out (its id is not known until the platform answers).
        boolean ours = forPost.stream().anyMatch(d -> post.id().equals(d.publishedId()) || d.status() == DraftStatus.APPROVED);
        if (ours) {
            return;
        }
        String reason = "answered on " + post.platform().id() + " by the team: " + excerpt(post.text());
        for (Draft d : forPost) {
            if (d.status() == DraftStatus.PENDING && drafts.reject(d.id(), Draft.AUTO, reason, clock.instant()).isPresent()) {
                LOG.info("Draft {} withdrawn: {} post {} was answered on the platform by the team (post {})", d.id(), post.platform().id(),
                        post.inReplyToId(), post.id());
            }
        }
    }

    private static String excerpt(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.codePointCount(0, t.length()) <= EXCERPT ? t : t.substring(0, t.offsetByCodePoints(0, EXCERPT)) + "…";
    }
}
