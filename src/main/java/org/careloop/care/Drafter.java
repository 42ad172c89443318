package org.careloop.care;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Emotion;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.rules.RuleBook;
import org.careloop.rules.Templates;

/**
 * Writes the reply a decision asks for: the template in the post's language, opened by naming
 * the customer's feeling (empathy first), in a phrasing this author did not get last time, cut to
 * the platform's length limit.
 */
public final class Drafter {

    /** Below this confidence the emotion is not named: a wrong guess at someone's feelings is worse than none. */
    static final double OPENING_CONFIDENCE = 0.4;

    private final Supplier<RuleBook> rules;
    private final Duration firstResponse;
    private final Voice voice;

    /**
     * What the brand's replies say about the brand.
     *
     * @param brand        the brand's name
     * @param signature    the team's sign-off, e.g. "^JS" (may be empty)
     * @param expectedWait when a customer will hear back, in words ("within the hour")
     */
    public record Voice(String brand, String signature, String expectedWait) {}

    /**
     * @param rules         the rules in force (their templates and topics; a supplier, so a reload takes effect)
     * @param firstResponse the first-response target; a draft's deadline is the post's time plus this
     */
    public Drafter(Supplier<RuleBook> rules, Duration firstResponse, Voice voice) {
        this.rules = rules;
        this.firstResponse = firstResponse;
        this.voice = voice;
    }

    /**
     * @param recentReplies the latest replies to this author, newest first (never the same text twice in a row)
     */
    public Draft draft(Mention mention, Analysis analysis, Decision decision, Instant now, List<String> recentReplies) {
        return draft(mention, analysis, decision, now, recentReplies, Map.of());
    }

    /** @param extra more template values, e.g. the ticket's {@code ticket_link} and {@code ticket_ref} */
    public Draft draft(Mention mention, Analysis analysis, Decision decision, Instant now, List<String> recentReplies, Map<String, String> extra) {
        RuleBook book = rules.get();
        int variants = decision.templates().size();
        String templateId = decision.templates().get(variants == 1 ? 0 : Math.floorMod(seed(mention, "variant"), variants));
        String text = render(book, templateId, mention, analysis, recentReplies, Draft.Kind.REPLY, extra);
        Instant posted = mention.createdAt() != null ? mention.createdAt() : now;
        Draft.Work work = Draft.Work.initial(Draft.Kind.REPLY, decision.action(), decision.priority(), text, variants, decision.autoPublish());
        if (decision.escalate()) {
            work = work.escalate();
        }
        return new Draft(0, mention, analysis, decision.ruleId(), templateId, text, DraftStatus.PENDING, now,
                posted.plus(firstResponse), null, null, null, null, work);
    }

    /** The SLA's holding reply: acknowledges the post and says when the customer will hear back. */
    public Draft holding(Draft original, Instant now, String templateId, List<String> recentReplies) {
        String text = render(rules.get(), templateId, original.mention(), original.analysis(), recentReplies, Draft.Kind.HOLDING, Map.of());
        Draft.Work work = Draft.Work.initial(Draft.Kind.HOLDING, Decision.Action.REPLY, Decision.Priority.URGENT, text, 1, true);
        return new Draft(0, original.mention(), original.analysis(), "sla-holding", templateId, text, DraftStatus.PENDING, now,
                original.deadline(), null, null, null, null, work);
    }

    /**
     * A ticket's public closing message, in the thread of the post that opened it.
     *
     * @param extra the ticket's public-safe values: {@code topic} (its one-line summary), {@code rating_link}
     */
    public Draft closing(Mention origin, Analysis analysis, long ticketId, String templateId, Instant now, Instant due,
                         List<String> recentReplies, Map<String, String> extra) {
        String text = render(rules.get(), templateId, origin, analysis, recentReplies, Draft.Kind.CLOSING, extra);
        Draft.Work work = Draft.Work.initial(Draft.Kind.CLOSING, Decision.Action.REPLY, Decision.Priority.LOW, text, 1, true)
                .withTicket(ticketId);
        return new Draft(0, origin, analysis, "ticket-closing", templateId, text, DraftStatus.PENDING, now, due,
                null, null, null, null, work);
    }

    String render(RuleBook book, String templateId, Mention mention, Analysis analysis, List<String> recentReplies, Draft.Kind kind,
                  Map<String, String> extra) {
        Templates templates = book.templates();
        Templates.Phrasings phrasings = templates.phrasings(templateId, analysis == null ? mention.lang() : analysis.lang());
        Map<String, Object> values = values(book, mention);
        values.putAll(extra);
        values.put("opening", opening(templates, phrasings.lang(), analysis, values, mention).orElse(""));
        List<String> rendered = phrasings.render(values);
        int start = Math.floorMod(seed(mention, kind.name()), rendered.size());
        // Phrasings that fit whole come first (a cut reply may lose its ending, or the ticket link), each in the post's own rotation.
        List<String> whole = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        for (int i = 0; i < rendered.size(); i++) {
            String text = rendered.get((start + i) % rendered.size());
            String fitted = fit(mention.platform(), text);
            (fitted.equals(text) ? whole : cut).add(fitted);
        }
        List<String> texts = new ArrayList<>(whole);
        texts.addAll(cut);
        // A phrasing this author has not had lately; failing that, at least not the one they had last.
        String notLast = null;
        for (String candidate : texts) {
            if (!recentReplies.contains(candidate)) {
                return candidate;
            }
            if (notLast == null && !candidate.equals(recentReplies.get(0))) {
                notLast = candidate;
            }
        }
        return notLast != null ? notLast : texts.get(0);
    }

    private Map<String, Object> values(RuleBook book, Mention mention) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", firstName(mention));
        values.put("handle", mention.author().handle() == null ? "" : (atHandles(mention) ? "@" : "") + mention.author().handle());
        values.put("brand", voice.brand());
        values.put("signature", voice.signature());
        values.put("wait", voice.expectedWait());
        values.put("topic", topic(book, mention.text()));
        // Set by the ticket a reply belongs to; a template tests them with {{#ticket_link}}...{{/ticket_link}}.
        values.put("ticket_link", "");
        values.put("ticket_ref", "");
        values.put("ticket_joined", "");
        values.put("rating_link", "");
        return values;
    }

    /** Names and validates the feeling first, when the analysis is sure enough of it. */
    private Optional<String> opening(Templates templates, String lang, Analysis analysis, Map<String, Object> values, Mention mention) {
        Emotion.Label emotion = analysis == null || analysis.emotion().confidence() < OPENING_CONFIDENCE
                ? Emotion.Label.NONE : analysis.emotion().label();
        return templates.exactly("opening-" + emotion.id(), lang)
                .or(() -> templates.exactly("opening-none", lang))
                .map(p -> {
                    List<String> options = p.render(values);
                    return options.get(Math.floorMod(seed(mention, "opening"), options.size()));
                });
    }

    /** The first topic whose words the post contains, e.g. "your bag"; empty when none. */
    public static String topic(RuleBook book, String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return book.settings().topics().entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(lower::contains))
                .map(Map.Entry::getKey).findFirst().orElse("");
    }

    private static String fit(Platform platform, String text) {
        return platform == Platform.X ? XText.fit(text, XText.LIMIT) : text;
    }

    /** Stable per post, so a redelivered post gets the same variant and phrasing. */
    private static int seed(Mention mention, String what) {
        return (mention.platform().id() + ":" + mention.id() + ":" + what).hashCode();
    }

    /** Facebook has no @handles: a person is known by their display name only. */
    private static boolean atHandles(Mention mention) {
        return mention.platform() != Platform.FACEBOOK;
    }

    /** People are addressed by first name when the display name has one, else by handle. */
    static String firstName(Mention mention) {
        String name = mention.author().name();
        if (name != null && !name.isBlank() && (!atHandles(mention) || !name.trim().equalsIgnoreCase(mention.author().handle()))) {
            String first = name.trim().split("\\s+")[0];
            if (first.codePoints().anyMatch(Character::isLetter)) {
                return first;
            }
        }
        return (atHandles(mention) ? "@" : "") + mention.author().handle();
    }
}
