package org.careloop.marketing;

import java.util.Map;
import java.util.Optional;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Intent;
import org.careloop.pipeline.Triage;
import org.careloop.webhook.Webhook;
import org.careloop.config.Json;
import org.careloop.platform.Mention;
import org.careloop.rules.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marketing's praise feed: decides which posts enter it, adds each at most once, and announces
 * every new item on the marketing webhook ({@code praise.added}). The Atom feed, JSON and CSV are
 * read from the {@link PraiseStore}.
 *
 * <p>A post enters when the matched rule says {@code marketing: true}, or when the analysis calls
 * it praise, it is not troll or spam, and the rules did not choose to ignore it; or when an agent
 * shares it by hand.
 */
public final class PraiseFeed {

    private static final Logger LOG = LoggerFactory.getLogger(PraiseFeed.class);
    public static final String EVENT = "praise.added";

    private final PraiseStore store;
    private final Webhook webhook;

    /** @param webhook where new items are announced (a webhook without a URL sends nothing) */
    public PraiseFeed(PraiseStore store, Webhook webhook) {
        this.store = store;
        this.webhook = webhook;
    }

    /** Why a decided post enters the feed, or empty when it does not. */
    public static Optional<Praise.Source> reason(Analysis analysis, Decision decision) {
        if (decision != null && decision.marketing()) {
            return Optional.of(Praise.Source.RULE);
        }
        if (analysis == null || analysis.intent().label() != Intent.Label.PRAISE || analysis.troll().label()) {
            return Optional.empty();
        }
        // The rules are where a care lead calls a post spam or bait (keywords, regex): an ignored post is not praise to share.
        if (decision != null && (decision.action() == Decision.Action.IGNORE || decision.action() == Decision.Action.HIDE)) {
            return Optional.empty();
        }
        return Optional.of(Praise.Source.ANALYSIS);
    }

    /**
     * Pipeline step, after the decision: adds the post when it qualifies. Never stops the post's
     * way to a reply: a failure here is logged, and an agent can still share the post by hand.
     */
    public Triage collect(Triage triage) {
        Optional<Praise.Source> why = reason(triage.analysis(), triage.decision());
        if (why.isPresent()) {
            try {
                add(triage.mention(), triage.analysis(), why.get(), null);
            } catch (RuntimeException e) {
                LOG.error("Could not add {} post {} to the praise feed", triage.mention().platform().id(), triage.mention().id(), e);
            }
        }
        return triage;
    }

    /** An item of the feed, and whether this call added it (false: it was there already). */
    public record Shared(Praise item, boolean added) {}

    /** An agent's "share with marketing": adds the post whatever the analysis said; once. */
    public Shared share(Mention mention, Analysis analysis, String agent) {
        Optional<Praise> added = add(mention, analysis, Praise.Source.AGENT, agent);
        return added.map(p -> new Shared(p, true))
                .orElseGet(() -> new Shared(store.find(mention.platform(), mention.id()).orElseThrow(), false));
    }

    private Optional<Praise> add(Mention mention, Analysis analysis, Praise.Source source, String agent) {
        double score = analysis == null || analysis.sentiment() == null ? 0 : analysis.sentiment().score();
        Optional<Praise> added = store.add(mention.platform(), mention.id(), score, source, agent);
        added.ifPresent(p -> {
            LOG.info("Praise feed: {} post {} by @{} ({})", p.platform().id(), p.postId(), p.author().handle(), source.id());
            @SuppressWarnings("unchecked")
            Map<String, Object> data = Json.mapper().convertValue(p.view(), Map.class);
            webhook.send(EVENT, data);
        });
        return added;
    }
}
