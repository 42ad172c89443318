package org.careloop.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.careloop.care.Draft;
import org.careloop.care.ReplyLength;

/** A draft as the API and the console show it; {@code replyLimit} is the longest reply its platform takes (counted as X counts on X). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DraftView(long id, String platform, String account, String status, String text, int replyLimit, Instant createdAt,
                        Instant deadline, long secondsLeft, String ruleId, String templateId, Sentiment sentiment,
                        Label emotion, Label intent, Troll troll, String lang, List<String> reasons, MentionView mention, String publishedId, String error,
                        String decidedBy, Instant decidedAt, Work work, List<MentionView> thread, Long ticketId, CareView care,
                        List<org.careloop.care.Drafter.Suggestion> suggestions) {

    /** The care action the analysis proposed for the post, and whether time matters. */
    public record CareView(String action, boolean urgent, double confidence) {}

    /**
     * How the team handles the draft.
     *
     * @param claimedBy the agent holding it right now (a lapsed claim is not shown)
     * @param gate      why unattended mode left it to a person
     */
    public record Work(String kind, String action, String priority, int variants, boolean edited, boolean autoPublished,
                       String gate, String claimedBy, Instant claimedUntil, String assignedTo, Instant snoozedUntil,
                       boolean escalated, Instant warnedAt, Instant breachedAt, String ruleReason) {}

    public record Sentiment(String label, double score, double confidence) {}

    /** An emotion or intent label with its confidence. */
    public record Label(String label, double confidence) {}

    /** Whether the post baits or abuses the brand ({@code label}), and why. */
    public record Troll(boolean label, double score, boolean offensive, List<String> reasons) {}

    public record AuthorView(String id, String handle, String name) {}

    /** A post of the thread; {@code ours}: the brand's own (a reply CareLoop published, or one the team wrote on the platform). */
    public record MentionView(String id, AuthorView author, String text, String permalink, Instant createdAt, String lang,
                              String conversationId, String inReplyToId, boolean ours) {}

    static DraftView of(Draft d, Instant now) {
        return of(d, now, null, null, null);
    }

    /** @param thread the conversation's posts, oldest first (null: not looked up); @param ruleReason the decision's reason */
    /** @param suggestions knowledge entries an agent may answer with (null: not looked up) */
    static DraftView of(Draft d, Instant now, List<org.careloop.platform.Mention> thread, String ruleReason,
                        List<org.careloop.care.Drafter.Suggestion> suggestions) {
        var w = d.work();
        Work work = new Work(w.kind().name().toLowerCase(Locale.ROOT), w.action().id(), w.priority().id(), w.variants(), d.edited(),
                w.autoPublished(), w.gate(), w.holder(now), w.holder(now) == null ? null : w.claimedUntil(), w.assignedTo(),
                w.snoozedUntil() != null && w.snoozedUntil().isAfter(now) ? w.snoozedUntil() : null, w.escalated(), w.warnedAt(),
                w.breachedAt(), ruleReason);
        var m = d.mention();
        var a = d.analysis();
        return new DraftView(d.id(), m.platform().id(), m.account(), d.status().name().toLowerCase(Locale.ROOT), d.text(),
                ReplyLength.limit(m.platform()), d.createdAt(), d.deadline(), Duration.between(now, d.deadline()).toSeconds(), d.ruleId(), d.templateId(),
                a == null || a.sentiment() == null ? null
                        : new Sentiment(a.sentiment().label().id(), a.sentiment().score(), a.sentiment().confidence()),
                a == null ? null : new Label(a.emotion().label().id(), a.emotion().confidence()),
                a == null ? null : new Label(a.intent().label().id(), a.intent().confidence()),
                a == null ? null : new Troll(a.troll().label(), a.troll().score(), a.troll().offensive(), a.troll().reasons()),
                a == null ? m.lang() : a.lang(), a == null ? List.of() : a.reasons(),
                mention(m),
                d.publishedId(), d.error(), d.decidedBy(), d.decidedAt(), work,
                thread == null ? null : thread.stream().map(DraftView::mention).toList(), w.ticketId(),
                a == null ? null : new CareView(a.care().label().id(), a.care().urgent(), a.care().confidence()), suggestions);
    }

    /** The thread with the replies we published in it, by the account, oldest first. */
    DraftView withOurReplies(List<org.careloop.platform.Conversation.Turn> replies) {
        if (thread == null || replies.isEmpty()) {
            return this;
        }
        List<MentionView> merged = new java.util.ArrayList<>(thread);
        int n = 0;
        for (var r : replies) {
            merged.add(new MentionView("our-reply-" + (++n), new AuthorView(account, account, account), r.text(), null, r.at(), null, mention.conversationId(), null, true));
        }
        merged.sort(java.util.Comparator.comparing(MentionView::createdAt, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return new DraftView(id, platform, account, status, text, replyLimit, createdAt, deadline, secondsLeft, ruleId, templateId, sentiment, emotion,
                intent, troll, lang, reasons, mention, publishedId, error, decidedBy, decidedAt, work, List.copyOf(merged), ticketId, care, suggestions);
    }

    static MentionView mention(org.careloop.platform.Mention m) {
        return new MentionView(m.id(), new AuthorView(m.author().id(), m.author().handle(), m.author().name()), m.text(),
                m.permalink(), m.createdAt(), m.lang(), m.conversationId(), m.inReplyToId(), m.fromBrand());
    }
}
