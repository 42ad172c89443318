package org.careloop.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.careloop.care.Draft;

/** A draft as the API and the console show it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DraftView(long id, String platform, String account, String status, String text, Instant createdAt,
                        Instant deadline, long secondsLeft, String ruleId, String templateId, Sentiment sentiment,
                        Label emotion, Label intent, Troll troll, String lang, List<String> reasons, MentionView mention, String publishedId, String error,
                        String decidedBy, Instant decidedAt) {

    public record Sentiment(String label, double score, double confidence) {}

    /** An emotion or intent label with its confidence. */
    public record Label(String label, double confidence) {}

    /** Whether the post baits or abuses the brand ({@code label}), and why. */
    public record Troll(boolean label, double score, boolean offensive, List<String> reasons) {}

    public record AuthorView(String id, String handle, String name) {}

    public record MentionView(String id, AuthorView author, String text, String permalink, Instant createdAt, String lang,
                              String conversationId, String inReplyToId) {}

    static DraftView of(Draft d, Instant now) {
        var m = d.mention();
        var a = d.analysis();
        return new DraftView(d.id(), m.platform().id(), m.account(), d.status().name().toLowerCase(Locale.ROOT), d.text(),
                d.createdAt(), d.deadline(), Duration.between(now, d.deadline()).toSeconds(), d.ruleId(), d.templateId(),
                a == null || a.sentiment() == null ? null
                        : new Sentiment(a.sentiment().label().id(), a.sentiment().score(), a.sentiment().confidence()),
                a == null ? null : new Label(a.emotion().label().id(), a.emotion().confidence()),
                a == null ? null : new Label(a.intent().label().id(), a.intent().confidence()),
                a == null ? null : new Troll(a.troll().label(), a.troll().score(), a.troll().offensive(), a.troll().reasons()),
                a == null ? m.lang() : a.lang(), a == null ? List.of() : a.reasons(),
                new MentionView(m.id(), new AuthorView(m.author().id(), m.author().handle(), m.author().name()), m.text(),
                        m.permalink(), m.createdAt(), m.lang(), m.conversationId(), m.inReplyToId()),
                d.publishedId(), d.error(), d.decidedBy(), d.decidedAt());
    }
}
