package org.careloop.care;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.CareAction;
import org.careloop.analysis.Details;
import org.careloop.analysis.Sentiment;
import org.careloop.platform.Conversation;
import org.careloop.platform.Mention;
import org.careloop.rules.RuleBook;
import org.careloop.rules.Templates;
import org.careloop.rules.Topic;

/**
 * What a reply can say about one post: the values its templates are filled with, read from the post
 * (the customer's name, the detail it echoes, what happened, whether they asked or are upset) and from
 * its topic (what a ticket asks, the next step an apology offers, the situation's sentence).
 *
 * <p>Long because each value is a judgement a care lead made about real posts, and the judgements lean on
 * each other (a detail that names time lost silences a retelling that names none); read together they
 * say what a reply may echo.
 */
final class ReplyValues {

    static final Set<CareAction.Label> PROBLEM_ACTIONS = EnumSet.of(CareAction.Label.TICKET, CareAction.Label.APOLOGIZE, CareAction.Label.ESCALATE);

    /** Topics of a trip under way, whose urgent next step is getting the customer moving again. */
    private static final Set<String> ON_THE_WAY = Set.of("flight", "cancel", "cancelling", "stranded", "missed", "rebook", "connection",
            "diverted", "tarmac", "mechanical", "notice", "checkin", "boarding", "app", "site", "assistance", "seat", "carseat", "");
    /** Topics a flight's status page speaks to. */
    /** Topics an online error belongs to when it happens buying, paying or checking in: its ask is the screen, not the record. */
    private static final Set<String> ONLINE_TOPICS = Set.of("", "site", "checkin", "booking");
    private static final Set<String> STATUS_TOPICS = Set.of("flight", "cancel", "diverted", "mechanical", "tarmac", "notice", "booking");
    private static final Set<CareAction.Label> FANFARE = EnumSet.of(CareAction.Label.THANK, CareAction.Label.ENGAGE);
    /** How sure the sentiment must be that a post is negative before a reply treats its author as upset. */
    private static final double UPSET = 0.6;
    /** Topics of what the brand owes the customer back: never a side remark. */
    private static final Set<String> OWED = Set.of("miles", "refund");
    /** What a fan may enjoy and hear about again ("our food", "the wifi"); the other topics are what cases are about. */
    private static final Set<String> FAN_TOPICS = Set.of("food", "wifi", "entertainment", "seat", "app", "site", "miles", "booking");

    /**
     * The values, and the ids of the topic's parts they drew on (to record which parts a reply used).
     *
     * @param needs     what a ticket asks ("needs-bag", or the default)
     * @param amends    the apology's next step ("amends-bag")
     * @param situation the situation's sentence ("situation-bag"); empty when the post has no topic
     * @param echoes    the post's own details among the values, surest first: what happened, the detail, the question, the thing, who
     */
    record Read(Map<String, Object> values, String needs, String amends, String situation, List<String> echoes) {
        String value(String key) {
            return values.get(key) instanceof String s ? s : "";
        }
    }

    /** Our last reply took the case to private messages or a private page. */
    private static final Pattern IN_DM = Pattern.compile("\\b(dm|dms|direct message|private message|message us|sent you a message)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Drafter.Voice voice;
    private final Details details;

    ReplyValues(Drafter.Voice voice, Details details) {
        this.voice = voice;
        this.details = details;
    }

    /** The values for a reply in {@code lang}; {@code extra} (a ticket's link, a knowledge answer) set last. */
    Read read(RuleBook book, String lang, Mention mention, Analysis analysis, Map<String, String> extra,
              Conversation thread) {
        Templates templates = book.templates();
        Map<String, Object> values = values(book, mention);
        // What the customer gave earlier in the thread is given: never asked for again.
        List<String> before = thread.customerSaid();
        if (before.stream().anyMatch(PostSays::hasReference)) {
            values.put("has_reference", "yes");
        }
        if (before.stream().anyMatch(PostSays::namesFlight)) {
            values.put("has_flight", "yes");
        }
        // "Ba016 from Sydney" answers our question about a trip; "iPhone 7 Plus" about a phone is no trip.
        if (!before.isEmpty()) {
            values.put("trip", travels(book, mention.text()) || travels(book, String.join(" ", before) + " " + mention.text()) ? "yes" : "");
        }
        boolean trip = "yes".equals(values.get("trip"));
        // A booking reference is asked for only about a trip, and only once.
        values.put("ask_booking", trip && !"yes".equals(values.get("has_reference")) ? "yes" : "");
        // The conversation is already in DM: a follow-up hears "we'll carry on there", not a new invitation.
        values.put("in_dm", thread.lastBrandReply().filter(t -> IN_DM.matcher(t).find()).isPresent() ? "yes" : "");
        // A post in a thread where we replied talks to us: never "thanks for the mention".
        values.put("replied", thread.brandReplied() ? "yes" : "");
        // Playful posts (laughter, excitement, emoji) count as positive even when the words read neutral;
        // a hashtag alone does not ("#help", "#strandedNYC").
        values.put("positive", analysis != null && analysis.sentiment() != null
                && (analysis.sentiment().label() == Sentiment.Label.POSITIVE
                || analysis.sentiment().label() == Sentiment.Label.NEUTRAL && PostSays.playful(mention.text()))
                ? "yes" : "");
        // "at the gate! IAD to RDU" asks nothing: no "good question", no "thanks for asking".
        values.put("asked", PostSays.asks(mention.text()) ? "yes" : "");
        // "Where is my refund for this DLC?" is no booking to look at.
        values.put("own_trip", trip && PostSays.ownTrip(mention.text()) ? "yes" : "");
        values.put("sources_disagree", "en".equals(lang) && PostSays.sourcesDisagree(mention.text()) ? "yes" : "");
        // "I'm rebooked now, but...", "bag is on the way": sorry for what it cost them, never "let's get you on your way".
        values.put("done_with", "en".equals(lang) && org.careloop.analysis.TroubleOver.in(mention.text()) ? "yes" : "");
        // "Need to add child to reservation": a request is helped with by name ("happy to help with adding your child ...").
        values.put("wants", "en".equals(lang) ? PostSays.wants(mention.text()) : "");
        // Travelling to a funeral: the loss comes before anything about seats or flights.
        values.put("loss", "en".equals(lang) && PostSays.loss(mention.text()) ? "yes" : "");
        values.put("phone_reason", PostSays.callReason(mention.text()) ? "yes" : "");
        // Bags traced only for bags not with the customer: a bag cut off at check-in needs no search.
        values.put("bag_missing", PostSays.bagMissing(mention.text()) ? "yes" : "");
        values.put("bag_at_claim", PostSays.bagsAtClaimNow(mention.text()) ? "yes" : "");
        values.put("waiting", PostSays.waitingOnUs(mention.text()) ? "yes" : "");
        values.put("personal", PostSays.personalInPublic(mention.text()) ? "yes" : "");
        // Sent back to their earlier posts: never asked to tell it all again.
        values.put("read_back", mention.text() != null && CareAction.READ_BACK.matcher(mention.text()).find() ? "yes" : "");
        // An upset customer's question is answered without "Good question!" or a breezy "Hey!".
        // A complaint hashtag ("#DoBetter") makes a question a complaint, whatever the words' sentiment; so does a mishap
        // told calmly ("missed my flight. How does standby work?").
        // "Sorry to bother you again", "just curious why...": the words read negative, the customer is not upset.
        values.put("upset", analysis != null && analysis.sentiment() != null
                && analysis.sentiment().label() == Sentiment.Label.NEGATIVE && analysis.sentiment().confidence() >= UPSET
                && !PostSays.politeAsk(mention.text()) && !PostSays.plainAsk(mention.text())
                || PostSays.complaintTag(mention.text()) || PostSays.mishap(mention.text()) || PostSays.sadFace(mention.text()) ? "yes" : "");
        values.put("missed", "en".equals(lang) ? PostSays.missed(mention.text()) : "");
        // An echo never repeats a word unattended mode must not publish ("your lawyer"), and thanks echo only what was praised.
        boolean thanks = analysis != null && analysis.care().label() == CareAction.Label.THANK;
        boolean engage = analysis != null && analysis.care().label() == CareAction.Label.ENGAGE;
        Optional<String> ownDetail = detail(mention, analysis);
        values.put("detail", ownDetail
                .filter(d -> sayable(book, d))
                // "Kind words about flight 5127" thanks a number: in thanks a flight is named only with its route.
                .filter(d -> !thanks || PostSays.praised(d) && !d.matches("flight [A-Z]{0,2} ?\\d+"))
                .filter(d -> thanks || !PostSays.staffOnly(d))
                // "Sorry about your bank account": where the money was taken from is no trouble of its own.
                .filter(d -> !d.matches("(?i)your (bank|checking|savings) account|your (credit|debit) card|your card"))
                // "We love hearing about the charges": a fan is greeted for what they enjoy, never for a thing a case is about.
                // Nor for flights named: "since you cut Philly flights ;)" is a jab, not a pleasure.
                .filter(d -> !engage || book.settings().topicOf(d).map(t -> FAN_TOPICS.contains(t.key())).orElse(true) && !PostSays.timeLost(d)
                        && !d.matches("(?i).*\\bflights?\\b.*"))
                // "Sharing this about United flight": another airline's name is theirs to thank.
                .filter(d -> !namesCompetitor(book, d))
                .orElse(""));
        // A how-to question with no answer yet is named as asked ("thanks for asking about how to change the default document in
        // WebApp"), so the holding reply shows it was read.
        boolean answer = analysis != null && analysis.care().label() == CareAction.Label.ANSWER;
        if (answer && "en".equals(lang) && ((String) values.get("detail")).isEmpty()) {
            values.put("detail", PostSays.howTo(mention.text()));
        }
        // A question we cannot answer yet is named by what it asks ("let me check whether we sell open tickets"): the
        // question itself says more than a thing it mentions, but a how-to already named stays.
        // A flight or a number named stays too: "your flight from JFK to LAX" is surer than "whether you will get home".
        String echo = (String) values.get("detail");
        values.put("question", answer && !echo.startsWith("how to ") && !echo.matches("(?s).*(\\bflight\\b|\\d).*") ? asked(mention, analysis)
                .filter(q -> sayable(book, q))
                // "does United fly to Lima?": another airline's plans are not ours to find out.
                .filter(q -> !namesCompetitor(book, q)).orElse("") : "");
        // A question neither the knowledge nor a turned question names is thanked for by its thing ("thanks for asking about
        // our marketing emails"), not "good question" alone.
        if (answer && "en".equals(lang) && echo.isEmpty() && ((String) values.get("question")).isEmpty()) {
            details.askedAbout(mention.text(), lang, brands(mention), travels(book, mention.text())).filter(t -> sayable(book, t))
                    .filter(t -> !namesCompetitor(book, t)).ifPresent(t -> values.put("detail", t));
        }
        // Thanks that say what was good in so many words are thanked for it ("Kind words about the brilliant customer service").
        if (thanks && "en".equals(lang) && ((String) values.get("detail")).isEmpty()) {
            values.put("detail", PostSays.praisedThing(mention.text()));
        }
        // "The flight attendant and pilot on flight 4985 were amazing": a flight is thanked through its crew, as people thanked.
        String crew = thanks && "en".equals(lang) && ((String) values.get("detail")).isEmpty() && CREW.matcher(mention.text()).find()
                ? detail(mention, analysis).filter(d -> d.matches("flight [A-Z]{0,2} ?\\d+")).map(f -> "the crew on " + f).orElse("") : "";
        // A problem is restated the way an agent would ("I'm sorry your bag is still in CLT"), where the post says it plainly.
        boolean problem = analysis != null && PROBLEM_ACTIONS.contains(analysis.care().label());
        values.put("happened", problem ? happened(mention, analysis)
                .filter(d -> sayable(book, d)).orElse("") : "");
        // "I would like to speak to a technician", "HELP ME. I have a problem with my iPhone 7": a ticket asks what is going on.
        values.put("told", PostSays.tellsWhatWentWrong(mention.text()) || !((String) values.get("happened")).isEmpty() ? "yes" : "");
        // Time lost is apologised for, not "looked into".
        values.put("time_lost", PostSays.timeLost((String) values.get("detail")) ? "yes" : "");
        // The hours lost say more than a retelling that names no time ("2.5 hours on hold", not "you get long hold times"),
        // unless it names a wrong of its own: "booked on the wrong flight" comes before the wait at the desk.
        String happened = (String) values.get("happened");
        if (PostSays.timeLost((String) values.get("detail")) && !happened.matches("(?s).*\\d.*") && !PostSays.wrongOfItsOwn(happened)) {
            values.put("happened", "");
        }
        // Only a flight is named in a question about the customer's own trip; another detail may be from another day.
        // "the 3-hour delay on flight 301" names the flight too.
        java.util.regex.Matcher onFlight = ON_FLIGHT.matcher((String) values.get("detail"));
        values.put("flight", ((String) values.get("detail")).startsWith("flight ") ? values.get("detail") : onFlight.find() ? onFlight.group(1) : "");
        // A question about a flight that names no disruption of its own ("is flight 1330 likely to be delayed?") is public: its status.
        values.putAll(extra);
        // A topic's parts are named by its key: "bag" has needs-bag and situation-bag.
        // A trip's topic only for a post about a trip: "frozen on my tv box" asks for no flight number and seat.
        Optional<Topic> postTopic = book.settings().topicOf(mention.text(), trip);
        // Money the reply names decides its next step: "the $154 change fee" in a post about seats is a charge to look at,
        // unless the post is about a disruption, whose next step comes first.
        String named = (String) values.get("detail");
        // "My flight is cancelled and you aren't answering the phones, what do I do?": the disruption is the case, the phones
        // only part of it.
        String found = postTopic.filter(Topic::major).or(() -> book.settings().majorTopicOf(mention.text(), trip))
                .or(() -> trip && named.startsWith("the $") ? book.settings().topicOf(named) : Optional.empty())
                .or(() -> postTopic).map(Topic::key).orElse("");
        // "Cancelled connection. Then made me pay to check bag. Then lost bag.": the trip is over, the bag is still out there.
        String topicKey = problem && !found.equals("lostitem") && PostSays.bagLost(mention.text()) ? "bag"
                // "Refund for my flight you cancelled in Feb STILL not received": the flight is long gone, the money is the case.
                : problem && Set.of("cancel", "flight", "rebook", "missed", "diverted").contains(found) && PostSays.refundPending(mention.text()) ? "refund"
                : found;
        // So is "any idea when the flight will actually take off?": the status page answers it, whichever flight it is;
        // but not "appreciate the early arrival of UA1002, but will ORD ever bring the bags out?", a question about something else.
        values.put("status_question", PostSays.asksStatus(mention.text())
                || !((String) values.get("flight")).isEmpty() && !PostSays.callReason(mention.text()) && (topicKey.isEmpty() || STATUS_TOPICS.contains(topicKey))
                ? "yes" : "");
        // "Error message when trying to purchase a flight", "crashed trying to check in": what the screen said and where,
        // not a booking reference the buyer has not got yet, nor the airport of an app that crashed.
        // A post that never speaks of a trip is not asked for a booking reference as if it did.
        String general = trip ? "needs-default" : "needs-no-trip";
        String needsId = PostSays.onlineError(mention.text()) && ONLINE_TOPICS.contains(topicKey) ? "needs-error"
                : !topicKey.isEmpty() ? "needs-" + topicKey
                : general;
        Optional<Templates.Phrasings> needs = templates.exactly(needsId, lang).or(() -> templates.exactly(general, lang));
        String needsPart = needs.map(Templates.Phrasings::id).orElse(needsId);
        needs.ifPresent(n -> values.put("needs", n.render(values).get(0)));
        // A refund refused is looked at again, not looked for ("we'll check where your refund is").
        values.put("refused", "en".equals(lang) && org.careloop.analysis.Details.refused(mention.text()) ? "yes" : "");
        // An apology's one concrete next step fits the topic ("If your bag still isn't with you, DM us its file reference").
        String amendsId = "amends-" + topicKey;
        Optional<Templates.Phrasings> amends = topicKey.isEmpty() ? Optional.empty() : templates.exactly(amendsId, lang);
        values.put("amends", amends.map(a -> a.render(values).get(0)).orElse(""));
        // One sentence about the situation the topic names ("Being without your bag is miserable"), where the language has one.
        String situationId = topicKey.isEmpty() ? "" : "situation-" + topicKey;
        Optional<Templates.Phrasings> situation = situationId.isEmpty() ? Optional.empty() : templates.exactly(situationId, lang);
        situation.ifPresent(t -> {
            List<String> lines = t.render(values);
            values.put("situation", lines.get(Math.floorMod(Drafter.seed(mention, "situation"), lines.size())));
        });
        // A short complaint with nothing the reply could name: ask what happened, rather than claim to have passed "it" on.
        values.put("vague", ((String) values.get("detail")).isEmpty() && ((String) values.get("happened")).isEmpty() && topicKey.isEmpty()
                && PostSays.vague(mention.text()) ? "yes" : "");
        // Time matters (still travelling, stranded, flying today): "if we can still put something right" reads as after the trip.
        values.put("urgent", analysis != null && analysis.care().urgent() ? "yes" : "");
        // "Instead of smaller seats you should concentrate on maintenance": an opinion on how we run things is heard and
        // passed on, not met with "if you paid for that seat, DM us".
        // A fault on the site reported in full ("bug on website shows 'select departure city'") is thanked and passed to the web team.
        values.put("bug_report", analysis != null && analysis.care().label() == CareAction.Label.APOLOGIZE && !analysis.care().urgent()
                && "en".equals(lang) && CareAction.bugReport(mention.text()) ? "yes" : "");
        values.put("feedback", analysis != null && analysis.care().label() == CareAction.Label.APOLOGIZE && !analysis.care().urgent()
                && "en".equals(lang) && (PostSays.suggests(mention.text()) || !((String) values.get("bug_report")).isEmpty()) ? "yes" : "");
        // An urgent apology gets the customer moving, unless the topic's own next step is what they need now
        // (bags traced, not "get you on your way" to someone standing at the carousel).
        values.put("amends_now", !((String) values.get("urgent")).isEmpty() && !((String) values.get("amends")).isEmpty()
                && !ON_THE_WAY.contains(topicKey) ? "yes" : "");
        values.put("occasion", analysis != null && FANFARE.contains(analysis.care().label()) ? PostSays.occasion(mention.text()) : "");
        List<String> notPlaces = new ArrayList<>(brands(mention));
        notPlaces.addAll(book.settings().competitors());
        values.put("moment", (engage || thanks) && "en".equals(lang) ? PostSays.moment(mention.text(), notPlaces) : "");
        // "damn weather messing up everything": a fan's grumble about the weather hears sympathy, not "thanks for thinking of us".
        if (engage && "en".equals(lang) && ((String) values.get("moment")).isEmpty() && ((String) values.get("positive")).isEmpty()
                && PostSays.weather(mention.text())) {
            // "With the snow coming in I got my fingers crossed it will go": hope is shared, not pitied.
            values.put("moment", PostSays.hopeful(mention.text())
                    ? "fingers crossed with you! Turn on flight alerts in the app for any change, and we're right here if your plans need to move."
                    : "sorry the weather is getting in the way. If your plans need to change, we're right here.");
        }
        // An eye-roll or a shrug at a post they quote ("😐😑 “@brand: Our fleet's on fleek.”") is taken in good humour, not
        // met with "thanks for tagging us".
        if (engage && "en".equals(lang) && Stream.of("moment", "positive", "occasion").allMatch(k -> ((String) values.get(k)).isEmpty())
                && PostSays.reactsToQuote(mention.text())) {
            values.put("moment", "we'll take that as a review 😅");
        }
        values.put("occasion", ((String) values.get("occasion")).isEmpty() ? "" : PostSays.occasionBesides(mention.text(), (String) values.get("moment")));
        // Thanks that say what went well hear that we are glad of it ("So glad you made it!"), not only that the team will see it.
        values.put("good_news", thanks && "en".equals(lang) ? PostSays.goodNews(mention.text()) : "");
        // An idea for us ("you should consider a lounge in Austin") is thanked as an idea, not as news we are glad of.
        if (thanks && "en".equals(lang) && PostSays.suggests(mention.text())) {
            values.put("good_news", "Love the idea!");
        }
        // Home again ("Welcome home!") is no trip to wish well.
        values.put("home", ((String) values.get("good_news")).startsWith(PostSays.WELCOME_HOME) ? "yes" : "");
        // Thanks that name somebody go to them by name ("We'll pass your note on to Cyndi and Troy").
        values.put("person", thanks ? details.person(mention.text(), Drafter.lang(mention, analysis), brands(mention)).orElse(crew) : "");
        // Thanks with nothing else to name still see what the post shows ("What a view! 😍"), as an agent would.
        String moment = (String) values.get("moment");
        values.put("moment_line", thanks && !moment.isEmpty() && Stream.of("detail", "person", "good_news").allMatch(k -> ((String) values.get(k)).isEmpty())
                ? Character.toUpperCase(moment.charAt(0)) + moment.substring(1) : "");
        // What the opening is sorry about: the post's own detail, else what its topic says ("the charges"), so it names something.
        String detailed = (String) values.get("detail");
        // A topic's sharper phrase ("being cut off after the wait on hold", "how you were treated") names the trouble
        // better than a thing the post mentions ("the ride"), but not better than the time lost or a flight.
        Optional<Topic> topic = topicKey.isEmpty() ? Optional.empty() : book.settings().topics().stream().filter(t -> t.key().equals(topicKey)).findFirst();
        // {{topic}} names the topic the reply's parts were chosen by (a lost bag after a cancellation is the bag), unless
        // the ticket the reply belongs to names its own.
        if (!extra.containsKey("topic")) {
            topic.ifPresent(t -> values.put("topic", t.says()));
        }
        Optional<String> sharper = (problem ? topic.flatMap(t -> book.settings().sharper(t, mention.text())) : Optional.<String>empty())
                .filter(p -> detailed.isEmpty() || !PostSays.timeLost(detailed) && !detailed.matches("(?s).*\\d.*") && !PostSays.staffOnly(detailed));
        String echoed = detailed;
        String says = topic.map(Topic::says).orElse("");
        // "Sorry about flight 441" names no trouble: the topic does, on that flight ("the delay on flight 441",
        // "the cancellation of your flight from CHA to DCA").
        if (problem && topic.isPresent() && (echoed.matches("flight [A-Z]{0,2} ?\\d+") || echoed.startsWith("your flight from "))) {
            Topic t = topic.get();
            echoed = says.matches("your (app|device|account|order|booking|miles|connection|carry-on)") ? echoed
                    : t.ofFlight() != null ? t.onFlight(echoed)
                    : says.matches("(?i).*\\b(flight|board|phone)\\b.*") ? says : t.onFlight(echoed);
        }
        // "Sorry about the fee" for a cancelled flight: in a post about a disruption (a major topic), a thing that belongs
        // to another topic is a side remark, and the topic names the trouble; but miles or money owed are what they want back.
        boolean major = book.settings().topicOf(mention.text(), trip).map(Topic::major).orElse(false);
        if (problem && major && !echoed.isEmpty() && !PostSays.timeLost(echoed) && !echoed.matches("(?s).*\\d.*")
                && book.settings().topicOf(echoed).filter(t -> !t.key().equals(topicKey) && !OWED.contains(t.key())).isPresent()) {
            echoed = says;
        }
        // "If you found a set of headphones and an iPod... Reward offered": the things lost, not the reward.
        String lost = "lostitem".equals(topicKey) && "en".equals(lang) ? PostSays.lostThing(mention.text()) : "";
        if (!lost.isEmpty()) {
            echoed = lost;
        }
        // The thing named in the customer's word, wherever below it is found (the detail and topic above name it already).
        String thing = lost;
        // "Sorry about your device" to "the game crashed my PS4": the device by its name.
        String device = "device".equals(topicKey) && "en".equals(lang) && echoed.isEmpty() ? PostSays.device(mention.text()) : "";
        // A device no list names is still theirs by name: "what's wrong with my keyboard" is sorry about the keyboard.
        // "Please fix the battery issues in iOS 11": a trouble the customer names as one says more than "your device".
        String troubleNamed = "";
        if ("device".equals(topicKey) && "en".equals(lang) && echoed.isEmpty() && device.isEmpty()) {
            Optional<String> deviceThing = thing(book, mention, analysis).filter(t -> sayable(book, t));
            device = deviceThing.filter(t -> t.startsWith("your ")).map(t -> t.substring("your ".length())).orElse("");
            troubleNamed = deviceThing.filter(org.careloop.analysis.Details::namesTrouble).orElse("");
            thing = !troubleNamed.isEmpty() ? troubleNamed : device.isEmpty() ? thing : "your " + device;
        }
        // "Sorry about your device" to a setting that will not stay, a tool that sticks, a bug in iOS 11.1: a post that names no
        // device is about the trouble, not a device the reply would make up.
        String topicSays = "device".equals(topicKey) && "en".equals(lang) && !PostSays.namesAnyDevice(mention.text()) ? (problem ? "the trouble" : "") : says;
        values.put("about", sharper.orElse(!echoed.isEmpty() ? echoed : !troubleNamed.isEmpty() ? troubleNamed : !device.isEmpty() ? "your " + device : topicSays));
        // A complaint that names nothing but where ("you guys suck at JFK tonight") is sorry about that place, not "this".
        if (problem && "en".equals(lang) && ((String) values.get("about")).isEmpty() && ((String) values.get("happened")).isEmpty()) {
            values.put("about", PostSays.troubleAt(mention.text()));
        }
        // Nothing named yet ("I'm sorry to hear this" to "couldn't even eat the chorizo, it was too tough"): the thing the
        // complaint is about, in the customer's word, so the reply shows somebody read it.
        if (problem && "en".equals(lang) && ((String) values.get("about")).isEmpty() && ((String) values.get("happened")).isEmpty()) {
            Optional<String> troubled = thing(book, mention, analysis).filter(t -> sayable(book, t));
            troubled.ifPresent(t -> values.put("about", t));
            thing = troubled.orElse(thing);
        }
        // An escalation is sorry for what made it one, not for a side detail: food poisoning, not "the food on board"; a night
        // with no hotel, not "the 2-hour delay"; but a topic's sharper grievance ("being bumped from your flight") stays.
        if (analysis != null && analysis.care().label() == CareAction.Label.ESCALATE && "en".equals(lang) && ((String) values.get("happened")).isEmpty()
                && sharper.isEmpty()) {
            ESCALATED.entrySet().stream().filter(e -> e.getKey().matcher(mention.text()).find()).findFirst()
                    .ifPresent(e -> values.put("about", e.getValue()));
        }
        // On hold for what: "the 45 minutes on hold trying to change your flight", so nobody asks what the call was about.
        if ("phone".equals(topicKey) && "en".equals(lang) && !((String) values.get("about")).isEmpty()) {
            PostSays.callPurpose(mention.text()).ifPresent(p -> values.put("about", values.get("about") + " " + p));
        }
        // The other languages name the trouble in their own words (about-<topic>.mustache, on the flight the post names by its
        // code), never in the English topic's; a question or thanks names none, as their openings are no apology.
        String flightHere = "";
        if (!"en".equals(lang)) {
            flightHere = problem ? org.careloop.analysis.Details.flightElsewhere(mention.text()).orElse("") : "";
            values.put("flight", flightHere);
            // The flight topic holds the languages' word for a flight: only a word for a delay makes it one. A meal beside a
            // delay is the voucher the delay owes ("retrasado 3 horas, ¿me dan vale de comida?"): sorry for the delay.
            String aboutKey = Set.of("flight", "food").contains(topicKey) && DELAY_ELSEWHERE.matcher(mention.text()).find() ? "delay" : topicKey;
            // Stranded is what an escalation is sorry for first, whatever the post's topic ("no hotel, no food" is not about food).
            if (problem && analysis.care().label() == CareAction.Label.ESCALATE && org.careloop.analysis.Details.strandedElsewhere(mention.text())) {
                aboutKey = "stranded";
            }
            Optional<Templates.Phrasings> aboutHere = problem && !aboutKey.isEmpty() ? templates.exactly("about-" + aboutKey, lang)
                    .or(() -> templates.exactly("about-" + topicKey, lang)) : Optional.empty();
            values.put("about", aboutHere.map(t -> t.render(values).get(0).strip()).orElse(""));
        }
        // "You're talking to a real person, and I'm sorry about not being able to reach a person" says the same twice, the second time wrong.
        String about = (String) values.get("about");
        values.put("about_besides_reach", REACHING.matcher(about).find() ? "" : about);
        // A question about why a flight was cancelled or delayed: sorry for that disruption, on the flight named, and where its reason is.
        boolean disruption = topic.filter(Topic::major).isPresent() || "flight".equals(topicKey);
        values.put("why_disrupted", disruption && "en".equals(lang) && PostSays.whyDisrupted(mention.text()) ? "yes" : "");
        values.put("disruption", topic.filter(t -> disruption).map(t -> detailed.matches("flight [A-Z]{0,2} ?\\d+") || detailed.startsWith("your flight from ")
                ? t.onFlight(detailed) : PostSays.timeLost(detailed) && detailed.contains("delay") ? detailed : t.says()).orElse(""));
        // Last the person thanked, and the detail where another part says it ("So glad you enjoyed the wifi!").
        List<String> echoes = Stream.of((String) values.get("happened"), detailed, (String) values.get("question"), thing,
                        (String) values.get("person"), ownDetail.orElse(""), flightHere)
                .filter(e -> e != null && !e.isEmpty()).toList();
        return new Read(values, needsPart, amendsId, situationId, echoes);
    }

    /** A delay in the brand's other languages: "задержали", "retraso", "retard", "Verspätung", "تاخیر", "تأخير". */
    private static final java.util.regex.Pattern DELAY_ELSEWHERE = java.util.regex.Pattern.compile(
            "(?iu)задерж|опазд|retras|retard|verspät|تاخیر|تأخیر|تأخير|تاخير|تأخر");

    /** What made a post an escalation, as its reply names it (first match wins). */
    private static final Map<java.util.regex.Pattern, String> ESCALATED = escalated();

    private static Map<java.util.regex.Pattern, String> escalated() {
        Map<java.util.regex.Pattern, String> m = new java.util.LinkedHashMap<>();
        m.put(java.util.regex.Pattern.compile("(?i)\\bfood poisoning\\b"), "the food poisoning");
        m.put(java.util.regex.Pattern.compile("(?i)\\ballergic reaction\\b"), "the allergic reaction");
        m.put(java.util.regex.Pattern.compile("(?i)\\b(no hotel|no (hotel )?room for the night|nowhere to (stay|sleep)|no place to (stay|sleep))\\b"),
                "being left with no hotel");
        m.put(java.util.regex.Pattern.compile("(?i)\\b(sleep|sleeping|slept|spend the night|spending the night|spent the night|another night) (in|at|on) "
                + "(the |an? )?(airports?|terminals?|floor|gate)\\b(?! (hotel|lounge|inn))"), "the night at the airport");
        // Said without conceding what nobody has looked into yet: what they found, what they went through, their worry.
        m.put(java.util.regex.Pattern.compile("(?i)\\b(plastic|glass|metal|hair|bugs?|worms?|roach(es)?|cockroach(es)?|insects?|band-?aid)\\s+in\\s+"
                + "(my|the|your|our|(1|one) of (your|the))\\s+(\\S+\\s+)?(food|meal|burrito|bowl|drink|sandwich|salad|order|doughnuts?|donuts?|pizza|burger|"
                + "soup|coffee|snack|dish|plate)\\b"), "what you found in your food");
        m.put(java.util.regex.Pattern.compile("(?i)\\b(harass\\w*|grop\\w*|touch(ed|ing)? my|sexual\\w*|assault\\w*|petting my)\\b"), "what you went through");
        m.put(java.util.regex.Pattern.compile("(?i)\\b(racis\\w*|racial\\w*|discriminat\\w*|sexis\\w*|homophob\\w*)\\b"), "how you were treated");
        m.put(java.util.regex.Pattern.compile("(?i)\\b(sell(ing)? my (personal )?(info|information|data)|data breach|leaked my)\\b"),
                "the worry over your personal information");
        m.put(java.util.regex.Pattern.compile("(?i)\\b(no (flights?|way) (home|back)|(don'?t|do not|dont) have a (flight|way|ride) (home|back))\\b"),
                "being stuck with no way home");
        return m;
    }

    private static final java.util.regex.Pattern ON_FLIGHT = java.util.regex.Pattern.compile("\\b(?:delay|wait|hours?|minutes?) on (flight [A-Z]{0,2} ?\\d{1,4})$");

    private static final java.util.regex.Pattern HARMED = java.util.regex.Pattern.compile(
            "(?i)\\b(i|we|my \\w+|our \\w+) (was|were|got|have been|has been|just got|was just|were just) (assaulted|attacked|punched|groped|hit|mugged|robbed|harassed|threatened)\\b");

    private static final java.util.regex.Pattern DELAY_TOLD = java.util.regex.Pattern.compile(
            "(?i)\\b(delayed|delays?|stuck|waiting|waited|still (sitting|on the (tarmac|plane|ground))|"
            + "(\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) (hours?|hrs|minutes|mins) (late|delay\\w*|wait\\w*|on the|sitting|stuck|and counting|is|now|so far))\\b");

    private static final java.util.regex.Pattern CREW = java.util.regex.Pattern.compile(
            "(?i)\\b(crew|flight attendants?|attendants?|pilots?|captain|first officer|cabin staff)\\b");

    private static final java.util.regex.Pattern REACHING = java.util.regex.Pattern.compile(
            "(?i)\\b(reach|speak|talk|get through|person|human|someone|agent|representative)\\b");

    /** The detail of the post a reply echoes, in the brand's words ("your bag in Boston"), if there is one. */
    Optional<String> detail(Mention mention, Analysis analysis) {
        return details.find(mention.text(), Drafter.lang(mention, analysis), brands(mention));
    }

    /** Whether an echo may be said in public: no word unattended mode must not publish ("your lawyer"). */
    private static boolean sayable(RuleBook book, String echo) {
        return book.settings().blockedWords().stream().noneMatch(w -> UnattendedGate.containsWord(echo, w));
    }

    /** Whether an echo names another airline, whose things are theirs to thank or find out. */
    private static boolean namesCompetitor(RuleBook book, String echo) {
        return book.settings().competitors().stream().anyMatch(c -> Pattern.compile("\\b" + Pattern.quote(c) + "\\b", Pattern.CASE_INSENSITIVE)
                .matcher(echo).find());
    }

    /** The question the post asks, as an indirect question from the brand's side ("whether we sell open tickets"), if plain. */
    Optional<String> asked(Mention mention, Analysis analysis) {
        return details.asked(mention.text(), Drafter.lang(mention, analysis));
    }

    /** The thing a complaint is about ("the chorizo", "your keyboard"), in any business's words. */
    Optional<String> thing(RuleBook book, Mention mention, Analysis analysis) {
        return details.thing(mention.text(), Drafter.lang(mention, analysis), brands(mention), travels(book, mention.text()));
    }

    /** What went wrong, retold from the brand's side ("your flight was cancelled"), if the post says it plainly. */
    Optional<String> happened(Mention mention, Analysis analysis) {
        return details.happened(mention.text(), Drafter.lang(mention, analysis));
    }

    private static boolean travels(RuleBook book, String text) {
        return book.settings().aboutTravel(text) || PostSays.namesFlight(text) || PostSays.namesAirport(text);
    }

    /** How the brand is named: never echoed as a detail or thanked as a person. */
    private List<String> brands(Mention mention) {
        return List.of(voice.brand(), voice.brand().replace(" ", ""), mention.account() == null ? "" : mention.account()).stream()
                .filter(b -> !b.isBlank()).toList();
    }

    private Map<String, Object> values(RuleBook book, Mention mention) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", Addressing.firstName(mention));
        values.put("handle", Addressing.handle(mention));
        values.put("brand", voice.brand());
        values.put("signature", voice.signature());
        values.put("wait", voice.expectedWait());
        values.put("topic", book.settings().topic(mention.text()));
        values.put("has_reference", PostSays.hasReference(mention.text()) ? "yes" : "");
        // Only a post about a trip is asked for its booking or wished safe travels: "on hold for 52 minutes" or "you
        // people are the worst" may be about anything, and "which booking" to a parcel, a phone line or a console
        // tells the customer nobody read the post.
        values.put("trip", travels(book, mention.text()) ? "yes" : "");
        // A flight number given is never asked for again ("add your flight number" to "flight 441 had one working WC").
        values.put("has_flight", PostSays.namesFlight(mention.text()) ? "yes" : "");
        values.put("has_place", PostSays.namesPlace(mention.text()) ? "yes" : "");
        // "charged my card twice for the same bag fee ($35 x2)": the charge is named, never asked for as "the charge in question".
        values.put("amount_given", PostSays.namesAmount(mention.text()) ? "yes" : "");
        // "Batman crashed my PS4 a third time": the device is named, only its software is asked for.
        values.put("device_named", PostSays.namesDevice(mention.text()) ? "yes" : "");
        // "iOS 11 made my iPhone 8 Plus die at 30%": the model given, its software version is what is left to ask.
        values.put("model_given", PostSays.namesModel(mention.text()) ? "yes" : "");
        // "Upgrading to Windows 10...": the software and its version given, only the model is left to ask.
        values.put("software_given", PostSays.namesSoftware(mention.text()) ? "yes" : "");
        // A screenshot or the words on the screen given ("the site shows 'select departure city'") are never asked for again.
        values.put("shown", PostSays.showsScreen(mention.text()) ? "yes" : "");
        // "iPhone 13, latest version": the app's version is told, only what the team needs to look is left to ask.
        values.put("app_version_given", PostSays.namesAppVersion(mention.text()) ? "yes" : "");
        // "it beeps, blue light comes on but nothing": what the device does is told, never asked for again.
        values.put("described", PostSays.describesFault(mention.text()) ? "yes" : "");
        // "I was just assaulted by a delivery person": somebody harmed is asked first whether they are safe.
        values.put("harmed", HARMED.matcher(mention.text()).find() ? "yes" : "");
        // "Four hours is a bit much", "stuck on flight 609 over 55 minutes": a wait told, apologised for by name.
        values.put("delay_told", DELAY_TOLD.matcher(mention.text()).find() ? "yes" : "");
        // Set by the ticket a reply belongs to; a template tests them with {{#ticket_link}}...{{/ticket_link}}.
        values.put("ticket_link", "");
        values.put("ticket_ref", "");
        values.put("ticket_joined", "");
        values.put("rating_link", "");
        values.put("answer", "");
        values.put("answer_sorry", "");
        values.put("answer_after_name", "");
        values.put("link", "");
        values.put("needs", "");
        values.put("amends", "");
        values.put("amends_now", "");
        values.put("upset", "");
        values.put("asked", "");
        values.put("wants", "");
        values.put("feedback", "");
        values.put("situation", "");
        values.put("vague", "");
        values.put("occasion", "");
        values.put("moment", "");
        values.put("moment_line", "");
        values.put("good_news", "");
        values.put("home", "");
        values.put("about", "");
        values.put("urgent", "");
        values.put("time_lost", "");
        values.put("flight", "");
        values.put("phone_reason", "");
        values.put("bag_missing", "");
        values.put("bag_at_claim", "");
        values.put("waiting", "");
        values.put("read_back", "");
        values.put("status_question", "");
        values.put("happened", "");
        values.put("person", "");
        return values;
    }

}
