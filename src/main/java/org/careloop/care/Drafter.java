package org.careloop.care;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Emotion;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import java.util.Set;
import java.util.regex.Pattern;
import org.careloop.analysis.Details;
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

    /** X caps display names at 50 characters: a longer name or handle is a platform's odd value, cut before it reaches a reply. */
    static final int NAME_LIMIT = 50;

    private static final Set<org.careloop.analysis.CareAction.Label> PROBLEM_ACTIONS = java.util.EnumSet.of(
            org.careloop.analysis.CareAction.Label.TICKET, org.careloop.analysis.CareAction.Label.APOLOGIZE, org.careloop.analysis.CareAction.Label.ESCALATE);

    private final Supplier<RuleBook> rules;
    private final Duration firstResponse;
    private final Voice voice;
    private final Details details;
    /** Topics of what the brand owes the customer back: never a side remark. */
    private static final Set<String> OWED = Set.of("miles", "refund");
    /** What a fan may enjoy and hear about again ("our food", "the wifi"); the other topics are what cases are about. */
    private static final Set<String> FAN_TOPICS = Set.of("food", "wifi", "entertainment", "seat", "app", "site", "miles", "booking");

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
        this(rules, firstResponse, voice, new Details());
    }

    public Drafter(Supplier<RuleBook> rules, Duration firstResponse, Voice voice, Details details) {
        this.rules = rules;
        this.firstResponse = firstResponse;
        this.voice = voice;
        this.details = details;
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
        Map<String, String> values = new HashMap<>(extra);
        Optional<KnowledgeEntry> entry = book.knowledge().entry(decision.knowledgeId());
        String lang = lang(mention, analysis);
        entry.ifPresent(e -> {
            values.put("answer", e.answer(lang).orElse(""));
            values.put("link", e.link() == null ? "" : e.link());
        });
        Optional<Built> built = build(book, templateId, mention, analysis, recentReplies, Draft.Kind.REPLY, values);
        Optional<String> text = built.map(Built::text);
        Instant posted = mention.createdAt() != null ? mention.createdAt() : now;
        Draft.Work work = Draft.Work.initial(Draft.Kind.REPLY, decision.action(), decision.priority(), text.orElse(""), variants,
                decision.autoPublish() && text.isPresent()).withParts(built.map(Built::parts).orElse(List.of()));
        if (decision.escalate()) {
            work = work.escalate();
        }
        String recorded = entry.map(e -> templateId + "/" + e.id()).orElse(templateId);
        return new Draft(0, mention, analysis, decision.ruleId(), recorded, text.orElse(""), DraftStatus.PENDING, now,
                posted.plus(firstResponse), null, null, null, null, work);
    }

    /** The SLA's holding reply: acknowledges the post and says when the customer will hear back. */
    public Draft holding(Draft original, Instant now, String templateId, List<String> recentReplies) {
        // A time is promised only while the team is in (the rules' business hours); after hours, "as soon as the team is in".
        Map<String, String> open = Map.of("open", rules.get().settings().businessHours().isOpen(now) ? "yes" : "");
        Optional<String> text = render(rules.get(), templateId, original.mention(), original.analysis(), recentReplies, Draft.Kind.HOLDING, open);
        Draft.Work work = Draft.Work.initial(Draft.Kind.HOLDING, Decision.Action.REPLY, Decision.Priority.URGENT, text.orElse(""), 1, text.isPresent());
        return new Draft(0, original.mention(), original.analysis(), "sla-holding", templateId, text.orElse(""), DraftStatus.PENDING, now,
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
        Optional<String> text = render(rules.get(), templateId, origin, analysis, recentReplies, Draft.Kind.CLOSING, extra);
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
            Map<String, String> values = new HashMap<>(Map.of("answer", answer.get(), "link", m.entry().link() == null ? "" : m.entry().link()));
            render(book, RuleBook.ANSWER, mention, analysis, List.of(""), Draft.Kind.REPLY, values)
                    .ifPresent(text -> out.add(new Suggestion(m.entry().id(), m.entry().topic(), m.score(), m.confident(), text)));
        }
        return out;
    }

    /** The detail of the post a reply echoes, in the brand's words ("your bag in Boston"), if there is one. */
    public Optional<String> detail(Mention mention, Analysis analysis) {
        return details.find(mention.text(), lang(mention, analysis), brands(mention));
    }

    /** What went wrong, retold from the brand's side ("your flight was cancelled"), if the post says it plainly. */
    public Optional<String> happened(Mention mention, Analysis analysis) {
        return details.happened(mention.text(), lang(mention, analysis));
    }

    /** How the brand is named: never echoed as a detail or thanked as a person. */
    private List<String> brands(Mention mention) {
        return List.of(voice.brand(), voice.brand().replace(" ", ""), mention.account() == null ? "" : mention.account()).stream()
                .filter(b -> !b.isBlank()).toList();
    }

    /**
     * The reply in the post's language, from the template's phrasings combined with the openings
     * for the customer's feeling; empty when the language has no templates (a person writes it:
     * an English reply to a Persian post is a wrong reply).
     */
    Optional<String> render(RuleBook book, String templateId, Mention mention, Analysis analysis, List<String> recentReplies, Draft.Kind kind,
                            Map<String, String> extra) {
        return build(book, templateId, mention, analysis, recentReplies, kind, extra).map(Built::text);
    }

    /** How sure the sentiment must be that a post is negative before a reply treats its author as upset. */
    private static final double UPSET = 0.6;

    private static final Set<org.careloop.analysis.CareAction.Label> FANFARE = java.util.EnumSet.of(
            org.careloop.analysis.CareAction.Label.THANK, org.careloop.analysis.CareAction.Label.ENGAGE);

    /** A reply's text and the parts it was built from (the opening, the core template, what a ticket asks, "detail"). */
    record Built(String text, List<String> parts) {}

    Optional<Built> build(RuleBook book, String templateId, Mention mention, Analysis analysis, List<String> recentReplies, Draft.Kind kind,
                          Map<String, String> extra) {
        Templates templates = book.templates();
        String lang = org.careloop.knowledge.Knowledge.replyLanguage(lang(mention, analysis));
        Optional<Templates.Phrasings> found = lang.equals("en") ? Optional.of(templates.phrasings(templateId, "en"))
                : templates.exactly(templateId, lang);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Templates.Phrasings phrasings = found.get();
        Map<String, Object> values = values(book, mention, phrasings.lang());
        // Playful posts (laughter, excitement, emoji) count as positive even when the words read neutral;
        // a hashtag alone does not ("#help", "#strandedNYC").
        values.put("positive", analysis != null && analysis.sentiment() != null
                && (analysis.sentiment().label() == org.careloop.analysis.Sentiment.Label.POSITIVE
                || analysis.sentiment().label() == org.careloop.analysis.Sentiment.Label.NEUTRAL && PostSays.playful(mention.text()))
                ? "yes" : "");
        // "at the gate! IAD to RDU" asks nothing: no "good question", no "thanks for asking".
        values.put("asked", PostSays.asks(mention.text()) ? "yes" : "");
        values.put("own_trip", PostSays.ownTrip(mention.text()) ? "yes" : "");
        // Travelling to a funeral: the loss comes before anything about seats or flights.
        values.put("loss", "en".equals(phrasings.lang()) && PostSays.loss(mention.text()) ? "yes" : "");
        values.put("phone_reason", PostSays.callReason(mention.text()) ? "yes" : "");
        // An upset customer's question is answered without "Good question!" or a breezy "Hey!".
        values.put("upset", analysis != null && analysis.sentiment() != null
                && analysis.sentiment().label() == org.careloop.analysis.Sentiment.Label.NEGATIVE && analysis.sentiment().confidence() >= UPSET ? "yes" : "");
        // An echo never repeats a word unattended mode must not publish ("your lawyer"), and thanks echo only what was praised.
        boolean thanks = analysis != null && analysis.care().label() == org.careloop.analysis.CareAction.Label.THANK;
        boolean engage = analysis != null && analysis.care().label() == org.careloop.analysis.CareAction.Label.ENGAGE;
        values.put("detail", detail(mention, analysis)
                .filter(d -> book.settings().blockedWords().stream().noneMatch(w -> UnattendedGate.containsWord(d, w)))
                // "Kind words about flight 5127" thanks a number: in thanks a flight is named only with its route.
                .filter(d -> !thanks || PostSays.praised(d) && !d.matches("flight [A-Z]{0,2} ?\\d+"))
                .filter(d -> thanks || !PostSays.staffOnly(d))
                // "We love hearing about the charges": a fan is greeted for what they enjoy, never for a thing a case is about.
                // Nor for flights named: "since you cut Philly flights ;)" is a jab, not a pleasure.
                .filter(d -> !engage || book.settings().topicOf(d).map(t -> FAN_TOPICS.contains(t.key())).orElse(true) && !PostSays.timeLost(d)
                        && !d.matches("(?i).*\\bflights?\\b.*"))
                // "Sharing this about United flight": another airline's name is theirs to thank.
                .filter(d -> book.settings().competitors().stream().noneMatch(c -> java.util.regex.Pattern.compile(
                        "\\b" + java.util.regex.Pattern.quote(c) + "\\b", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(d).find()))
                .orElse(""));
        // A problem is restated the way an agent would ("I'm sorry your bag is still in CLT"), where the post says it plainly.
        boolean problem = analysis != null && PROBLEM_ACTIONS.contains(analysis.care().label());
        values.put("happened", problem ? happened(mention, analysis)
                .filter(d -> book.settings().blockedWords().stream().noneMatch(w -> UnattendedGate.containsWord(d, w))).orElse("") : "");
        // Time lost is apologised for, not "looked into".
        values.put("time_lost", PostSays.timeLost((String) values.get("detail")) ? "yes" : "");
        // The hours lost say more than a retelling that names no time ("2.5 hours on hold", not "you get long hold times").
        if (PostSays.timeLost((String) values.get("detail")) && !((String) values.get("happened")).matches("(?s).*\\d.*")) {
            values.put("happened", "");
        }
        // Only a flight is named in a question about the customer's own trip; another detail may be from another day.
        values.put("flight", ((String) values.get("detail")).startsWith("flight ") ? values.get("detail") : "");
        // A question about a flight that names no disruption of its own ("is flight 1330 likely to be delayed?") is public: its status.
        values.put("status_question", !((String) values.get("flight")).isEmpty() && !PostSays.callReason(mention.text()) ? "yes" : "");
        values.putAll(extra);
        // A topic's parts are named by its key: "bag" has needs-bag and situation-bag.
        Optional<org.careloop.rules.Topic> postTopic = book.settings().topicOf(mention.text());
        // Money the reply names decides its next step: "the $154 change fee" in a post about seats is a charge to look at,
        // unless the post is about a disruption, whose next step comes first.
        String named = (String) values.get("detail");
        String topicKey = postTopic.filter(org.careloop.rules.Topic::major)
                .or(() -> named.startsWith("the $") ? book.settings().topicOf(named) : Optional.empty())
                .or(() -> postTopic).map(org.careloop.rules.Topic::key).orElse("");
        String needsId = "needs-" + (topicKey.isEmpty() ? "default" : topicKey);
        Optional<Templates.Phrasings> needs = templates.exactly(needsId, phrasings.lang()).or(() -> templates.exactly("needs-default", phrasings.lang()));
        needs.ifPresent(n -> values.put("needs", n.render(values).get(0)));
        // An apology's one concrete next step fits the topic ("If your bag still isn't with you, DM us its file reference").
        String amendsId = "amends-" + topicKey;
        Optional<Templates.Phrasings> amends = topicKey.isEmpty() ? Optional.empty() : templates.exactly(amendsId, phrasings.lang());
        values.put("amends", amends.map(a -> a.render(values).get(0)).orElse(""));
        // One sentence about the situation the topic names ("Being without your bag is miserable"), where the language has one.
        String situationId = topicKey.isEmpty() ? "" : "situation-" + topicKey;
        Optional<Templates.Phrasings> situation = situationId.isEmpty() ? Optional.empty() : templates.exactly(situationId, phrasings.lang());
        situation.ifPresent(t -> {
            List<String> lines = t.render(values);
            values.put("situation", lines.get(Math.floorMod(seed(mention, "situation"), lines.size())));
        });
        // A short complaint with nothing the reply could name: ask what happened, rather than claim to have passed "it" on.
        values.put("vague", ((String) values.get("detail")).isEmpty() && ((String) values.get("happened")).isEmpty() && topicKey.isEmpty()
                && PostSays.vague(mention.text()) ? "yes" : "");
        // Time matters (still travelling, stranded, flying today): "if we can still put something right" reads as after the trip.
        values.put("urgent", analysis != null && analysis.care().urgent() ? "yes" : "");
        values.put("occasion", analysis != null && FANFARE.contains(analysis.care().label()) ? PostSays.occasion(mention.text()) : "");
        List<String> notPlaces = new ArrayList<>(brands(mention));
        notPlaces.addAll(book.settings().competitors());
        values.put("moment", analysis != null && analysis.care().label() == org.careloop.analysis.CareAction.Label.ENGAGE && "en".equals(phrasings.lang())
                ? PostSays.moment(mention.text(), notPlaces) : "");
        // Thanks that say what went well hear that we are glad of it ("So glad you made it!"), not only that the team will see it.
        values.put("good_news", thanks && "en".equals(phrasings.lang()) ? PostSays.goodNews(mention.text()) : "");
        // An idea for us ("you should consider a lounge in Austin") is thanked as an idea, not as news we are glad of.
        if (thanks && "en".equals(phrasings.lang()) && PostSays.suggests(mention.text())) {
            values.put("good_news", "Love the idea!");
        }
        // Thanks that name somebody go to them by name ("We'll pass your note on to Cyndi and Troy").
        values.put("person", thanks ? details.person(mention.text(), lang(mention, analysis), brands(mention)).orElse("") : "");
        // What the opening is sorry about: the post's own detail, else what its topic says ("the charges"), so it names something.
        String detailed = (String) values.get("detail");
        // A topic's sharper phrase ("being cut off after the wait on hold", "how you were treated") names the trouble
        // better than a thing the post mentions ("the ride"), but not better than the time lost or a flight.
        Optional<String> sharper = (problem ? book.settings().sharper(mention.text()) : Optional.<String>empty())
                .filter(p -> detailed.isEmpty() || !PostSays.timeLost(detailed) && !detailed.matches("(?s).*\\d.*") && !PostSays.staffOnly(detailed));
        String echoed = detailed;
        String says = topicKey.isEmpty() ? "" : String.valueOf(values.getOrDefault("topic", ""));
        // "Sorry about flight 441" names no trouble: the topic does, on that flight ("the delay on flight 441").
        if (problem && !says.isEmpty() && echoed.matches("flight [A-Z]{0,2} ?\\d+")) {
            echoed = says.matches("your (app|device|account|order|booking|miles|connection|carry-on)") ? echoed : says.matches("(?i).*\\b(flight|board|phone)\\b.*") ? says : says + " on " + echoed;
        }
        // "Sorry about the fee" for a cancelled flight: in a post about a disruption (a major topic), a thing that belongs
        // to another topic is a side remark, and the topic names the trouble; but miles or money owed are what they want back.
        boolean major = book.settings().topicOf(mention.text()).map(org.careloop.rules.Topic::major).orElse(false);
        if (problem && major && !echoed.isEmpty() && !PostSays.timeLost(echoed) && !echoed.matches("(?s).*\\d.*")
                && book.settings().topicOf(echoed).filter(t -> !t.key().equals(topicKey) && !OWED.contains(t.key())).isPresent()) {
            echoed = says;
        }
        values.put("about", sharper.orElse(!echoed.isEmpty() ? echoed : says));
        Openings opening = openings(templates, phrasings.lang(), analysis, values, mention.text());
        List<String> openings = opening.texts();
        Fitted fitted = fitted(mention, kind, phrasings, openings, values);
        // A cut reply may lose its link: rather than cut, spare what a reply can do without, one part at a time:
        // the situation's sentence, then the retold problem (the shorter detail or topic names it), then that too.
        for (String spare : List.of("situation", "happened", "about")) {
            if (fitted.whole() > 0) {
                break;
            }
            if (values.get(spare) instanceof String said && !said.isEmpty()) {
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
        // A text nobody on this account had in the last day; failing that, at least not the one this author had last.
        String chosen = null;
        String notLast = null;
        for (String candidate : texts) {
            if (!recentReplies.contains(candidate)) {
                chosen = candidate;
                break;
            }
            if (notLast == null && !candidate.equals(recentReplies.get(0))) {
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
            parts.add(needs.map(Templates.Phrasings::id).orElse(needsId));
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
        String said = (String) values.get("situation");
        if (said != null && !said.isEmpty() && text.contains(said)) {
            parts.add(situationId);
        }
        return Optional.of(new Built(text, parts));
    }

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
        for (int i = 0; i < rendered.size(); i++) {
            String text = rendered.get((start + i) % rendered.size());
            String fitted = ReplyLength.fit(mention.platform(), text);
            (fitted.equals(text) ? whole : cut).add(fitted);
        }
        int complete = whole.size();
        whole.addAll(cut);
        return new Fitted(whole, complete);
    }

    private static String lang(Mention mention, Analysis analysis) {
        String lang = analysis == null ? mention.lang() : analysis.lang();
        return lang == null ? "und" : lang;
    }

    private Map<String, Object> values(RuleBook book, Mention mention, String lang) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", firstName(mention));
        values.put("handle", mention.author().handle() == null ? "" : (atHandles(mention) ? "@" : "") + cut(printable(mention.author().handle())));
        values.put("brand", voice.brand());
        values.put("signature", voice.signature());
        values.put("wait", voice.expectedWait());
        values.put("topic", topic(book, mention.text()));
        values.put("has_reference", PostSays.hasReference(mention.text()) ? "yes" : "");
        // A flight number given is never asked for again ("add your flight number" to "flight 441 had one working WC").
        values.put("has_flight", PostSays.namesFlight(mention.text()) ? "yes" : "");
        // Set by the ticket a reply belongs to; a template tests them with {{#ticket_link}}...{{/ticket_link}}.
        values.put("ticket_link", "");
        values.put("ticket_ref", "");
        values.put("ticket_joined", "");
        values.put("rating_link", "");
        values.put("answer", "");
        values.put("link", "");
        values.put("needs", "");
        values.put("amends", "");
        values.put("upset", "");
        values.put("asked", "");
        values.put("situation", "");
        values.put("vague", "");
        values.put("occasion", "");
        values.put("moment", "");
        values.put("good_news", "");
        values.put("about", "");
        values.put("urgent", "");
        values.put("time_lost", "");
        values.put("flight", "");
        values.put("phone_reason", "");
        values.put("status_question", "");
        values.put("happened", "");
        values.put("person", "");
        return values;
    }

    /** The opening template chosen for the feeling, and its phrasings rendered. */
    private record Openings(String id, List<String> texts) {}

    /** Names and validates the feeling first, when the analysis is sure enough of it: every phrasing of that opening. */
    private Openings openings(Templates templates, String lang, Analysis analysis, Map<String, Object> values, String text) {
        Emotion.Label emotion = analysis == null || analysis.emotion().confidence() < OPENING_CONFIDENCE
                ? Emotion.Label.NONE : analysis.emotion().label();
        // The opening follows the care action: thanks are met with thanks, and a problem never with joy.
        if (analysis != null && analysis.care().label() == org.careloop.analysis.CareAction.Label.THANK && emotion != Emotion.Label.JOY) {
            emotion = Emotion.Label.GRATITUDE;
        } else if (analysis != null && PROBLEM_ACTIONS.contains(analysis.care().label())
                && (emotion == Emotion.Label.JOY || emotion == Emotion.Label.GRATITUDE)) {
            emotion = Emotion.Label.NONE;
        } else if (emotion == Emotion.Label.CONFUSION && analysis != null && PROBLEM_ACTIONS.contains(analysis.care().label()) && !PostSays.confused(text)) {
            // "Delay because they enter bag tags by hand? Really?", "Did you seriously lose my luggage???": an angry
            // question is frustration, not a muddle to clear up; only a customer who says they are confused hears so.
            emotion = analysis.sentiment() != null && analysis.sentiment().label() == org.careloop.analysis.Sentiment.Label.NEGATIVE
                    ? Emotion.Label.FRUSTRATION : Emotion.Label.NONE;
        }
        // A problem with no feeling the cues are sure of still opens with "sorry", never "thanks for letting us know";
        // a calm request ("can you get me to New York before Monday?") is helped, not pitied.
        boolean calmRequest = analysis != null && analysis.sentiment() != null && analysis.sentiment().label() != org.careloop.analysis.Sentiment.Label.NEGATIVE
                && (analysis.care().label() == org.careloop.analysis.CareAction.Label.TICKET || analysis.care().label() == org.careloop.analysis.CareAction.Label.ANSWER);
        String none = calmRequest ? "opening-request"
                : analysis != null && PROBLEM_ACTIONS.contains(analysis.care().label()) ? "opening-sorry" : "opening-none";
        String id = emotion == Emotion.Label.NONE ? none : "opening-" + emotion.id();
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
    private static int seed(Mention mention, String what) {
        return (mention.platform().id() + ":" + mention.id() + ":" + what).hashCode();
    }

    /** Facebook has no @handles: a person is known by their display name only. */
    private static boolean atHandles(Mention mention) {
        return mention.platform() != Platform.FACEBOOK;
    }

    /** People are addressed by first name when the display name has one, else by handle. */
    static String firstName(Mention mention) {
        String name = printable(mention.author().name());
        String handle = printable(mention.author().handle());
        if (name != null && !name.isBlank() && (!atHandles(mention) || !name.trim().equalsIgnoreCase(handle))) {
            String first = name.trim().split("\\s+")[0];
            if (first.codePoints().anyMatch(Character::isLetter)) {
                return cut(first);
            }
        }
        return (atHandles(mention) ? "@" : "") + cut(handle);
    }

    /**
     * A customer's name or handle without what would print as nothing, or change how the brand's words
     * around it print, in the published reply. The name is the customer's to choose: a bidi override
     * (U+202E) in it turned the rest of the brand's reply around, and controls (ESC, NUL), zero-width
     * and other format characters, lone surrogates (which UTF-8, and so the platform, cannot carry) and
     * noncharacters went out under the brand's name unseen by the agent approving it. Line breaks and
     * other white space become a plain space. The joiners (U+200C, U+200D) stay: emoji sequences and
     * scripts such as Persian need them.
     */
    static String printable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || cp == 0x85) {
                b.append(' '); // line breaks and tabs (U+2028 and NEL too) still part words: "Jana\r\nX" is Jana
            } else if (cp == 0x200C || cp == 0x200D || type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                    && (cp & 0xFFFE) != 0xFFFE && (cp < 0xFDD0 || cp > 0xFDEF)) {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    private static String cut(String name) {
        return name == null || name.codePointCount(0, name.length()) <= NAME_LIMIT ? name : name.substring(0, name.offsetByCodePoints(0, NAME_LIMIT));
    }
}
