package org.careloop.care;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.CareAction;
import org.careloop.analysis.Details;
import org.careloop.analysis.Emotion;
import org.careloop.analysis.Sentiment;
import org.careloop.platform.Conversation;
import org.careloop.platform.Mention;
import org.careloop.knowledge.KnowledgeEntry;
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
    static final double OPENING_CONFIDENCE = 0.6;

    private static final Set<CareAction.Label> PROBLEM_ACTIONS = ReplyValues.PROBLEM_ACTIONS;

    private final Supplier<RuleBook> rules;
    private final Duration firstResponse;
    private final ReplyValues replyValues;

    /**
     * What the brand's replies say about the brand.
     *
     * @param brand        the brand's name
     * @param signature    the team's sign-off, e.g. "^JS" (may be empty)
     * @param expectedWait when a customer will hear back, in words ("within the hour")
     */
    public record Voice(String brand, String signature, String expectedWait) {

        /** The brand's voice as configured: {@code careloop.brand.name}, {@code careloop.brand.signature}, {@code careloop.care.expected-wait}. */
        public static Voice fromSettings(org.careloop.config.Settings settings) {
            String brand = settings.get("careloop.brand.name", "Acme Air").strip();
            if (brand.isEmpty()) {
                throw new IllegalArgumentException("careloop.brand.name is empty: replies and the ticket page name the brand");
            }
            return new Voice(brand, settings.get("careloop.brand.signature", "").strip(), settings.get("careloop.care.expected-wait", "within the hour").strip());
        }
    }

    /**
     * @param rules         the rules in force (their templates and topics; a supplier, so a reload takes effect)
     * @param firstResponse the first-response target; a draft's deadline is the post's time plus this
     */
    public Drafter(Supplier<RuleBook> rules, Duration firstResponse, Voice voice) {
        this(rules, firstResponse, voice, new Details());
    }

    public Drafter(Supplier<RuleBook> rules, Duration firstResponse, Voice voice, Details details) {
        this.rules = rules;
        this.firstResponse = firstResponse;
        this.replyValues = new ReplyValues(voice, details);
    }

    /**
     * @param recentReplies the latest replies to this author, newest first (never the same text twice in a row)
     */
    public Draft draft(Mention mention, Analysis analysis, Decision decision, Instant now, List<String> recentReplies) {
        return draft(mention, analysis, decision, now, recentReplies, Map.of());
    }

    public Draft draft(Mention mention, Analysis analysis, Decision decision, Instant now, Said said) {
        return draft(mention, analysis, decision, now, said, Map.of());
    }

    /** @param extra more template values, e.g. the ticket's {@code ticket_link} and {@code ticket_ref} */
    public Draft draft(Mention mention, Analysis analysis, Decision decision, Instant now, List<String> recentReplies, Map<String, String> extra) {
        return draft(mention, analysis, decision, now, Said.of(recentReplies), extra);
    }

    public Draft draft(Mention mention, Analysis analysis, Decision decision, Instant now, Said said, Map<String, String> extra) {
        return draft(mention, analysis, decision, now, said, extra, Conversation.NONE);
    }

    /**
     * @param said   what the account said lately: the drafts take a text it did not
     * @param thread what came before the post in its thread (a detail given there is not asked for again)
     */
    public Draft draft(Mention mention, Analysis analysis, Decision decision, Instant now, Said said, Map<String, String> extra,
                       Conversation thread) {
        return drafted(mention, analysis, decision, now, said, extra, thread).draft();
    }

    /** A draft and the post's own detail its text repeats (the dry run reports it), or null. */
    public record Drafted(Draft draft, String echo) {}

    public Drafted drafted(Mention mention, Analysis analysis, Decision decision, Instant now, Said said, Map<String, String> extra,
                           Conversation thread) {
        RuleBook book = rules.get();
        int variants = decision.templates().size();
        String templateId = decision.templates().get(variants == 1 ? 0 : Math.floorMod(seed(mention, "variant"), variants));
        Map<String, String> values = new HashMap<>(extra);
        Optional<KnowledgeEntry> entry = book.knowledge().entry(decision.knowledgeId());
        String lang = lang(mention, analysis);
        entry.ifPresent(e -> values.putAll(answered(e.answer(lang).orElse(""), e.link())));
        Optional<Built> built = build(book, templateId, mention, analysis, said, Draft.Kind.REPLY, values, thread);
        Optional<String> text = built.map(Built::text);
        Instant posted = mention.createdAt() != null ? mention.createdAt() : now;
        Draft.Work work = Draft.Work.initial(Draft.Kind.REPLY, decision.action(), decision.priority(), text.orElse(""), variants,
                decision.autoPublish() && text.isPresent()).withParts(built.map(Built::parts).orElse(List.of()));
        if (decision.escalate()) {
            work = work.escalate();
        }
        String recorded = entry.map(e -> templateId + "/" + e.id()).orElse(templateId);
        return new Drafted(new Draft(0, mention, analysis, decision.ruleId(), recorded, text.orElse(""), DraftStatus.PENDING, now,
                posted.plus(firstResponse), null, null, null, null, work), built.map(Built::echo).orElse(null));
    }

    /**
     * A holding reply: acknowledges the post and says when the customer will hear back.
     *
     * @param ruleId why it is sent: {@code sla-holding} (no reply in time) or {@code surge-holding} (a surge's post)
     */
    public Draft holding(Draft original, String ruleId, Instant now, String templateId, List<String> recentReplies) {
        return holding(original, ruleId, now, templateId, Said.of(recentReplies));
    }

    public Draft holding(Draft original, String ruleId, Instant now, String templateId, Said said) {
        // A time is promised only while the team is in (the rules' business hours); after hours, "as soon as the team is in".
        Map<String, String> open = Map.of("open", rules.get().settings().businessHours().isOpen(now) ? "yes" : "");
        Optional<String> text = render(rules.get(), templateId, original.mention(), original.analysis(), said, Draft.Kind.HOLDING, open);
        Draft.Work work = Draft.Work.initial(Draft.Kind.HOLDING, Decision.Action.REPLY, Decision.Priority.URGENT, text.orElse(""), 1, text.isPresent());
        return new Draft(0, original.mention(), original.analysis(), ruleId, templateId, text.orElse(""), DraftStatus.PENDING, now,
                original.deadline(), null, null, null, null, work);
    }

    /**
     * A ticket's public closing message, in the thread of the post that opened it (or of an incident's post).
     *
     * @param ticketId the ticket it closes, or null for an incident's post that has none
     * @param extra    the ticket's public-safe values: {@code topic} (its one-line summary), {@code rating_link}
     */
    public Draft closing(Mention origin, Analysis analysis, Long ticketId, String templateId, Instant now, Instant due,
                         List<String> recentReplies, Map<String, String> extra) {
        return closing(origin, analysis, ticketId, templateId, now, due, Said.of(recentReplies), extra);
    }

    public Draft closing(Mention origin, Analysis analysis, Long ticketId, String templateId, Instant now, Instant due,
                         Said said, Map<String, String> extra) {
        Optional<String> text = render(rules.get(), templateId, origin, analysis, said, Draft.Kind.CLOSING, extra);
        Draft.Work work = Draft.Work.initial(Draft.Kind.CLOSING, Decision.Action.REPLY, Decision.Priority.LOW, text.orElse(""), 1, text.isPresent())
                .withTicket(ticketId);
        return new Draft(0, origin, analysis, "ticket-closing", templateId, text.orElse(""), DraftStatus.PENDING, now, due,
                null, null, null, null, work);
    }

    /**
     * A knowledge entry an agent may answer with, rendered as the reply it would make.
     *
     * @param entry  the entry's id
     * @param topic  what it is about
     * @param score  how well it matched the post (BM25)
     * @param sure   it matched well enough to answer without a person
     * @param text   the reply, in the post's language
     */
    public record Suggestion(String entry, String topic, double score, boolean sure, String text) {}

    /**
     * A knowledge answer as the templates take it. An answer that opens with its own apology ("Sorry about your bag! ...")
     * follows the name alone: "Sorry, Ana. Sorry about your bag!" says it twice.
     */
    static Map<String, String> answered(String answer, String link) {
        boolean sorry = answer.startsWith("Sorry ");
        return Map.of("answer", answer, "link", link == null ? "" : link, "answer_sorry", sorry ? "yes" : "",
                "answer_after_name", sorry ? "s" + answer.substring(1) : answer);
    }

    /** The best knowledge entries for a post, each as the reply it would make (entries without the post's language left out). */
    public List<Suggestion> suggestions(Mention mention, Analysis analysis, int limit) {
        RuleBook book = rules.get();
        String lang = lang(mention, analysis);
        String searchLang = org.careloop.knowledge.Knowledge.replyLanguage(lang);
        List<Suggestion> out = new ArrayList<>();
        for (org.careloop.knowledge.Knowledge.Match m : book.knowledge().search(mention.text(), searchLang, limit)) {
            Optional<String> answer = m.entry().answer(searchLang);
            if (answer.isEmpty()) {
                continue;
            }
            Map<String, String> values = new HashMap<>(answered(answer.get(), m.entry().link()));
            render(book, RuleBook.ANSWER, mention, analysis, List.of(""), Draft.Kind.REPLY, values)
                    .ifPresent(text -> out.add(new Suggestion(m.entry().id(), m.entry().topic(), m.score(), m.confident(), text)));
        }
        return out;
    }

    /** The detail of the post a reply echoes, in the brand's words ("your bag in Boston"), if there is one. */
    public Optional<String> detail(Mention mention, Analysis analysis) {
        return replyValues.detail(mention, analysis);
    }

    /**
     * The reply in the post's language, from the template's phrasings combined with the openings
     * for the customer's feeling; empty when the language has no templates (a person writes it:
     * an English reply to a Persian post is a wrong reply).
     */
    Optional<String> render(RuleBook book, String templateId, Mention mention, Analysis analysis, List<String> recentReplies, Draft.Kind kind,
                            Map<String, String> extra) {
        return render(book, templateId, mention, analysis, Said.of(recentReplies), kind, extra);
    }

    Optional<String> render(RuleBook book, String templateId, Mention mention, Analysis analysis, Said said, Draft.Kind kind,
                            Map<String, String> extra) {
        return build(book, templateId, mention, analysis, said, kind, extra, Conversation.NONE).map(Built::text);
    }

    /**
     * A reply's text and the parts it was built from (the opening, the core template, what a ticket asks, "detail").
     *
     * @param echo the post's own detail the text repeats, or null
     */
    record Built(String text, List<String> parts, String echo) {}

    /** The first text nobody on this account had in the last day, or null. */
    private static String unsaid(List<String> texts, Said said) {
        java.util.Set<String> taken = said.among(texts);
        return texts.stream().filter(t -> !taken.contains(t)).findFirst().orElse(null);
    }

    Optional<Built> build(RuleBook book, String templateId, Mention mention, Analysis analysis, Said said, Draft.Kind kind,
                          Map<String, String> extra, Conversation thread) {
        Templates templates = book.templates();
        String lang = org.careloop.knowledge.Knowledge.replyLanguage(lang(mention, analysis));
        Optional<Templates.Phrasings> found = lang.equals("en") ? Optional.of(templates.phrasings(templateId, "en"))
                : templates.exactly(templateId, lang);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Templates.Phrasings phrasings = found.get();
        ReplyValues.Read read = replyValues.read(book, phrasings.lang(), mention, analysis, extra, thread);
        Map<String, Object> values = read.values();
        String needsId = read.needs();
        String amendsId = read.amends();
        String situationId = read.situation();
        Openings opening = openings(templates, phrasings.lang(), analysis, values, mention.text());
        List<String> openings = opening.texts();
        Fitted fitted = fitted(mention, kind, phrasings, openings, values);
        // A cut reply may lose its link: rather than cut, spare what a reply can do without, one part at a time:
        // the situation's sentence, then the retold problem (the shorter detail or topic names it), then that too.
        for (String spare : List.of("situation", "happened", "about")) {
            if (fitted.whole() > 0) {
                break;
            }
            if (values.get(spare) instanceof String spared && !spared.isEmpty()) {
                values.put(spare, "");
                Openings again = openings(templates, phrasings.lang(), analysis, values, mention.text());
                Fitted shorter = fitted(mention, kind, phrasings, again.texts(), values);
                if (shorter.whole() > 0) {
                    fitted = shorter;
                    opening = again;
                }
            }
        }
        List<String> texts = fitted.texts();
        String chosen = unsaid(texts, said);
        String handle = Addressing.handle(mention);
        if (chosen == null && !handle.isEmpty() && !handle.equals(values.get("name"))) {
            // Every phrasing went to another "Sam" today: by handle the text is this customer's alone, and X takes it.
            values.put("name", handle);
            Openings byHandle = openings(templates, phrasings.lang(), analysis, values, mention.text());
            Fitted addressed = fitted(mention, kind, phrasings, byHandle.texts(), values);
            chosen = unsaid(addressed.texts(), said);
            if (chosen != null) {
                texts = addressed.texts();
                opening = byHandle;
                openings = byHandle.texts();
            }
        }
        // Failing a text nobody had, at least not the one this author had last.
        String notLast = null;
        String last = said.last();
        for (String candidate : chosen == null ? texts : List.<String>of()) {
            if (notLast == null && !candidate.equals(last)) {
                notLast = candidate;
            }
        }
        String text = chosen != null ? chosen : notLast != null ? notLast : texts.get(0);
        List<String> parts = new ArrayList<>();
        if (openings.stream().anyMatch(o -> !o.isEmpty() && text.contains(o))) {
            parts.add(opening.id());
        }
        parts.add(templateId);
        String asked = (String) values.get("needs");
        if (asked != null && !asked.isEmpty() && text.contains(asked)) {
            parts.add(needsId);
        }
        String detail = (String) values.get("detail");
        String happened = (String) values.get("happened");
        if (detail != null && !detail.isEmpty() && text.contains(detail) || !happened.isEmpty() && text.contains(happened)) {
            parts.add("detail");
        }
        String amended = (String) values.get("amends");
        if (!amended.isEmpty() && text.contains(amended)) {
            parts.add(amendsId);
        }
        String situation = (String) values.get("situation");
        if (situation != null && !situation.isEmpty() && text.contains(situation)) {
            parts.add(situationId);
        }
        String echo = read.echoes().stream().filter(text::contains).findFirst().orElse(null);
        return Optional.of(new Built(text, parts, echo));
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://\\S+");

    /** Replies to choose from, those that fit whole first, then the ones cut to fit; {@code whole} counts the first. */
    private record Fitted(List<String> texts, int whole) {}

    /** Every opening with every phrasing, each post in its own rotation. */
    private static Fitted fitted(Mention mention, Draft.Kind kind, Templates.Phrasings phrasings, List<String> openings, Map<String, Object> values) {
        java.util.LinkedHashSet<String> combined = new java.util.LinkedHashSet<>();
        int shift = Math.floorMod(seed(mention, "opening"), openings.size());
        for (int o = 0; o < openings.size(); o++) {
            values.put("opening", openings.get((o + shift) % openings.size()));
            combined.addAll(phrasings.render(values));
        }
        List<String> rendered = new ArrayList<>(combined);
        int start = Math.floorMod(seed(mention, kind.name()), rendered.size());
        List<String> whole = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        List<String> linkLost = new ArrayList<>();
        for (int i = 0; i < rendered.size(); i++) {
            String text = rendered.get((start + i) % rendered.size());
            String fitted = ReplyLength.fit(mention.platform(), text);
            // A cut that loses the ticket's or the answer's link loses what the reply is for: the last resort.
            (fitted.equals(text) ? whole : LINK.matcher(text).results().allMatch(l -> fitted.contains(l.group())) ? cut : linkLost).add(fitted);
        }
        int complete = whole.size();
        whole.addAll(cut);
        whole.addAll(linkLost);
        return new Fitted(whole, complete);
    }

    static String lang(Mention mention, Analysis analysis) {
        String lang = analysis == null ? mention.lang() : analysis.lang();
        return lang == null ? "und" : lang;
    }

    /** The opening template chosen for the feeling, and its phrasings rendered. */
    private record Openings(String id, List<String> texts) {}

    /** Names and validates the feeling first, when the analysis is sure enough of it: every phrasing of that opening. */
    private Openings openings(Templates templates, String lang, Analysis analysis, Map<String, Object> values, String text) {
        Emotion.Label emotion = analysis == null || analysis.emotion().confidence() < OPENING_CONFIDENCE
                ? Emotion.Label.NONE : analysis.emotion().label();
        // The opening follows the care action: thanks are met with thanks, and a problem never with joy.
        if (analysis != null && analysis.care().label() == CareAction.Label.THANK && emotion != Emotion.Label.JOY) {
            emotion = Emotion.Label.GRATITUDE;
        } else if (analysis != null && PROBLEM_ACTIONS.contains(analysis.care().label())
                && (emotion == Emotion.Label.JOY || emotion == Emotion.Label.GRATITUDE)) {
            emotion = Emotion.Label.NONE;
        } else if (emotion == Emotion.Label.ANXIETY && !PostSays.worried(text)) {
            // "Need it back!!", "stuck here tonight": urgency, not worry; "I know how worrying that is" to an angry
            // customer names the wrong feeling. Only a customer who says they are worried hears it.
            emotion = analysis != null && analysis.sentiment() != null && analysis.sentiment().label() == Sentiment.Label.NEGATIVE
                    ? Emotion.Label.FRUSTRATION : Emotion.Label.NONE;
        } else if (emotion == Emotion.Label.CONFUSION && analysis != null && PROBLEM_ACTIONS.contains(analysis.care().label()) && !PostSays.confused(text)) {
            // "Delay because they enter bag tags by hand? Really?", "Did you seriously lose my luggage???": an angry
            // question is frustration, not a muddle to clear up; only a customer who says they are confused hears so.
            emotion = analysis.sentiment() != null && analysis.sentiment().label() == Sentiment.Label.NEGATIVE
                    ? Emotion.Label.FRUSTRATION : Emotion.Label.NONE;
        }
        // "I was moved from my aisle seat. I'm hoping you can help?": asked kindly, answered without "I can see why you're frustrated".
        if (emotion == Emotion.Label.FRUSTRATION && analysis != null && !analysis.offensive().label() && PostSays.askedKindly(text)) {
            emotion = Emotion.Label.NONE;
        }
        // A problem with no feeling the cues are sure of still opens with "sorry", never "thanks for letting us know";
        // a calm request ("can you get me to New York before Monday?") is helped, not pitied.
        // One who says something already went wrong ("missed my flight. How does standby work?") hears sorry, not "happy to help".
        boolean calmRequest = analysis != null && analysis.sentiment() != null && analysis.sentiment().label() != Sentiment.Label.NEGATIVE
                && (analysis.care().label() == CareAction.Label.TICKET || analysis.care().label() == CareAction.Label.ANSWER)
                && !PostSays.mishap(text)
                // "It said it was successful but I didn't get the VC": what went wrong, told, is sorry for.
                && ((String) values.getOrDefault("happened", "")).isEmpty();
        String none = calmRequest ? "opening-request"
                : analysis != null && PROBLEM_ACTIONS.contains(analysis.care().label()) ? "opening-sorry" : "opening-none";
        String id = emotion == Emotion.Label.NONE ? none : "opening-" + emotion.id();
        // An idea for how we run things, offered calmly ("an idea: make the transition easier"), is thanked, not pitied.
        if ("yes".equals(values.get("feedback")) && analysis.sentiment() != null && analysis.sentiment().label() != Sentiment.Label.NEGATIVE) {
            id = "opening-idea";
        }
        // A fault reported for us to fix is thanked as a report, whatever the feeling: it is help, not a grievance.
        if ("yes".equals(values.get("bug_report"))) {
            id = "opening-report";
        }
        return templates.exactly(id, lang)
                .or(() -> templates.exactly("opening-none", lang))
                .map(p -> new Openings(p.id(), p.render(values)))
                .orElse(new Openings("", List.of("")));
    }

    /** The first topic whose words the post contains, e.g. "your bag"; empty when none. */
    public static String topic(RuleBook book, String text) {
        return book.settings().topic(text);
    }

    /** Stable per post, so a redelivered post gets the same variant and phrasing. */
    static int seed(Mention mention, String what) {
        return (mention.platform().id() + ":" + mention.id() + ":" + what).hashCode();
    }

}
