package org.careloop.analysis;

import edu.stanford.nlp.ling.HasWord;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the one concrete detail a reply should echo so the customer sees somebody read the post:
 * the flight, the thing, the place, in the customer's own words, turned to the brand's point of
 * view ("my bag in Boston" becomes "your bag in Boston", "your app" becomes "our app").
 * Reference numbers by pattern; the rest by CoreNLP's part-of-speech tags: noun phrases, scored
 * by how close they stand to what the post is about.
 *
 * <p>Long on purpose: the detail's word lists and the order of the finders (time lost, a person, a flight,
 * money, a noun phrase) are the product's judgement of what to echo, read together.
 */
public final class Details {

    private static final String TAGGER = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** Longer than this the echo stops being a detail and becomes a quote. */
    private static final int MAX_WORDS = 6;
    /** The corpus's own capitals ("Cancelled Flight"), so a customer's "my cancelled flight" is left alone. */
    private static final Pattern SCARS = Pattern.compile("\\b(Cancelled|cancelled|Late|late) Flight(led|ed|ing|r)?\\b");
    private static final int MAX_CHARS = 600;

    private static final Pattern FLIGHT = Pattern.compile(
            "\\b(?:flight|flt|fl)\\s*(?:#|no\\.?|number)?\\s*([a-z]{0,2}\\d{2,4})\\b(?-i:(?:\\s+(?:from\\s+)?([A-Z]{3}|[A-Z][a-z]+)\\s*(?:to|-|>|&gt;|2)\\s*([A-Z]{3}|[A-Z][a-z]+)\\b))?", FLAGS);
    /** A flight named by its number after what happened to it: "delayed 1851", "cancelled #4595". */
    private static final Pattern NUMBERED = Pattern.compile(
            "\\b(?:delayed|cancell?ed|diverted)\\s*#?(\\d{3,4})\\b(?!\\s*(?:min|hour|hr|h\\b|am\\b|pm\\b|:|%|miles|points|days?))", FLAGS);
    /** A flight named by its airline's code: "UA 791", "#AA1037". */
    private static final Pattern CODED_FLIGHT = Pattern.compile("(?<![\\w#])#?((?:UA|AA|DL|WN|B6|VX|US|AS|NK|F9) ?\\d{2,4})\\b");
    /** A seat by number: "seat 4C", "in 1B", "row 12". */
    private static final Pattern SEAT = Pattern.compile("\\b(?:(seat|row) ?(\\d{1,2}(?-i:[A-K])?)|(?<=\\bin )(\\d{1,2}(?-i:[A-K])))\\b(?!\\s*(?:min|hour|hr|am|pm|days?)\\b)", FLAGS);
    private static final Pattern ROUTE = Pattern.compile("\\b(?:from )?([A-Z]{3}) ?(?:to|-|–|>|&gt;) ?([A-Z]{3})\\b");
    /** A flight named by its cities: "flight Tampa to Philadelphia", "flights from Nashville to Dallas", "flight home from ADD to GRR". */
    private static final Pattern NAMED_ROUTE = Pattern.compile("\\bflights? (?:home |back |out )?(?:from )?(?-i:([A-Z][a-z]{2,}(?: [A-Z][a-z]+)?|[A-Z]{3})) (?:to|-|&gt;) (?-i:([A-Z][a-z]{2,}(?: [A-Z][a-z]+)?|[A-Z]{3}))\\b",
            FLAGS);
    /** Stuck somewhere by name: "stuck in Newark", "stranded at ORD". */
    private static final Pattern STUCK_IN = Pattern.compile("\\b(stuck|stranded|trapped) (in|at) (?-i:((?!The |This |My |Our |An? )[A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Z]{3}))( overnight| all night| for the night)?\\b",
            FLAGS);
    /** A day lost to us: "lost a whole day", "missing a day of our vacation". */
    private static final Pattern DAY_LOST = Pattern.compile("\\b(lost|losing|wasted|wasting|missed|missing) (a|an|one|the|another) (whole |entire |full )?"
            + "(day|night|weekend|morning|afternoon|evening)( of (my |our )?(vacation|holiday|trip|honeymoon))?\\b", FLAGS);
    /** Three capitals that are shouting, not an airport: "NOT to", "WHY-WTF". */
    private static final Set<String> NOT_AIRPORTS = Set.of("THE", "AND", "NOT", "WTF", "OMG", "LOL", "YOU", "FOR", "ANY", "NOW", "WHY", "HOW",
            "BUT", "ALL", "OUT", "BAD", "SAD", "YES", "GET", "CAN", "WAS", "HAS", "HAD", "OUR", "HER", "HIS", "ONE", "TWO", "WHO", "DID", "FLY");
    private static final String COUNT = "(?:\\d{1,2}|two|three|four|five|six|seven|eight)";
    /** Troubles counted: "5 delays and 4 gate changes", "three cancellations". */
    private static final Pattern COUNTED = Pattern.compile("(?i)\\b(" + COUNT + ") (delays|gate changes|cancell?ations|plane changes|aircraft changes|"
            + "schedule changes|diversions|reschedules|missed connections)\\b(?: and (" + COUNT + ") (delays|gate changes|cancell?ations|plane changes|"
            + "aircraft changes|schedule changes|diversions|reschedules|missed connections))?");
    private static final String SUM = "([$£€])(\\d{1,4}(?:\\.\\d\\d)?)";
    /** Money named with what it was for: "$154 to change", "a $25 bag fee", "charged me $75", "only getting £1.67 back". */
    private static final Pattern MONEY = Pattern.compile("(?i)" + SUM + " ?(?:(?<change>to change|change fee|for (?:a |the |my )?change)"
            + "|(?<bag>(?:checked )?(?:bag|baggage|luggage) fee|for (?:a |the |my |each )?(?:checked )?bag)|(?<fee>fee|charge|surcharge))\\b"
            + "|\\bcharged (?:me |us )?(?<charged>" + SUM + ")(?![\\d.])"
            + "|\\b(?:getting|get|got|gets|refunded|refunding) (?:me |us )?(?:only |just )?(?<back>" + SUM + ")(?! ?(?:fee|charge))(?:\\s+back)?"
            // "they offer a refund of $297": what was offered, by its name.
            + "|\\b(?<offered>refund|credit|voucher|compensation) of (?:only |just )?(?<offer>" + SUM + ")");
    /** A charge for a product by its name: "being charged for Amazon Prime", "billed twice for Xbox Live Gold". */
    private static final Pattern CHARGED_FOR = Pattern.compile("(?i)\\b(?:charged|charging|billed|billing|charges)(?: me| us)?(?: twice| again| double)? for "
            + "(?:my |an? |the )?(?-i:((?:[A-Z][\\w+-]*|[A-Z]{2,})(?: (?:[A-Z][\\w+-]*|\\d+|[A-Z]{2,})){0,2}))\\b");
    private static final Pattern BOOKING_CODE = Pattern.compile("(?=[A-Za-z]*\\d)(?=\\d*[A-Za-z])[A-Za-z0-9]{5,}");
    /** Below this a phrase is a guess: better no echo than a garbled one. */
    private static final int MIN_SCORE = 5;
    /** A word fit to echo: lower case, a capitalised name or a number; not SHOUTING or "usuck". */
    private static final Pattern CLEAN_WORD = Pattern.compile("[a-z][a-z'-]*|[A-Z][a-z]{2,}[a-z'-]*|[A-Z]{2,3}|\\d{1,4}|wi-fi|Wi-Fi|iPhone|iPad|'s");
    private static final Pattern NOISE = Pattern.compile("https?://\\S+|(^|\\s)[.]?@\\w+|&amp;|&gt;|&lt;");
    private static final Set<String> WEAK_HEADS = Set.of("guys", "guy", "people", "thing", "things", "lot", "time", "times", "day", "days",
            "way", "one", "someone", "anyone", "everyone", "anything", "nothing", "something", "god", "lol", "omg", "wtf", "thanks", "thank",
            "dm", "dms", "tweet", "tweets", "twitter", "rt", "today", "tonight", "tomorrow", "yesterday", "morning", "night", "week", "weeks",
            "year", "years", "hour", "hours", "minute", "minutes", "mins", "hrs", "min", "hr", "customer", "customers", "company", "business",
            "life", "reason", "question", "answer", "help", "kind", "sort", "fact", "bit", "idea", "chance", "please", "sir", "yes", "ok",
            "smh", "u", "ur", "y'all", "yall", "mind", "point", "issue", "issues", "problem", "problems", "experience", "job", "work", "%",
            "literally", "airline", "airlines", "haha", "lmao", "pls", "plz", "hey", "hi", "hello", "anyway", "stuff", "matter", "situation");
    private static final Set<String> STARTS = Set.of("PRP$", "DT", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS");
    /**
     * Swearing, as a regex alternation of whole words: it belongs to the customer, never to the brand's echo
     * of it ("the damn wifi" is "the wifi"). One list for every part that retells a post.
     */
    public static final String SWEAR_WORDS =
            "f+u+c+k+\\w*|f\\*+\\w*|damn\\w*|shit\\w*|crap\\w*|bloody|freaking|frigging|stupid|effing|goddamn\\w*|bullshit|ass|hell";
    private static final Pattern SWEARING = Pattern.compile("(?i)(" + SWEAR_WORDS + ")");
    /** "1st", "2nd", "first", "third": a fact, never a judgement. */
    private static final Pattern ORDINAL = Pattern.compile("(?i)\\d+(st|nd|rd|th)|first|second|third|fourth|fifth");
    /** What care is about: a phrase around one of these is worth echoing. */
    private static final Set<String> CARE_NOUNS = Set.of("bag", "bags", "luggage", "suitcase", "baggage", "refund", "refunds", "flight",
            "flights", "booking", "reservation", "seat", "seats", "app", "website", "site", "card", "charge", "charges", "payment", "order",
            "package", "parcel", "delivery", "wifi", "wi-fi", "meal", "meals", "food", "upgrade", "miles", "points", "account", "ticket",
            "tickets", "crew", "agent", "agents", "staff", "attendant", "attendants", "pilot", "service", "gate", "lounge", "connection",
            "voucher", "credit", "check-in", "boarding", "delay", "cancellation", "pass", "password", "phone", "laptop", "screen", "battery",
            "internet", "router", "modem", "item", "product", "subscription", "plan", "bill", "fee", "fees", "car", "driver",
            "ride", "room", "hotel", "stroller", "wheelchair", "pet", "dog", "cat", "tv", "update", "reward", "rewards",
            // What else air travellers write about.
            "galley", "notification", "notifications", "alert", "alerts", "screens", "podium", "counter", "desk", "kiosk", "kiosks",
            "entertainment", "legroom", "armrest", "tray", "blanket", "pillow", "snack", "snacks", "drinks", "coffee", "announcement",
            "announcements", "captain", "jetway", "runway", "tarmac", "terminal", "line", "queue", "customs", "companion", "certificate",
            "receipt", "fare", "fares", "price", "upgrades", "status", "layover", "connections", "itinerary", "carry-on", "bin", "bins",
            "overhead", "car seat", "skis", "ski", "snowboard", "clubs", "bike", "bicycle", "guitar", "instrument", "cello", "headphones", "headphone", "jack", "outlet", "outlets", "charger", "lavatory", "bathroom", "restroom", "toilet");
    /**
     * What customers of other businesses own and write about: echoed only as theirs ("my stats reset" is "your stats",
     * "put chicken in my burrito" "your burrito"), never as "the computer" or "the deal" of a post about something else.
     */
    private static final Set<String> OWN_NOUNS = Set.of("burrito", "bowl", "sandwich", "pizza", "warranty", "contract", "membership",
            "dvr", "printer", "console", "controller", "headset", "tablet", "code", "coupon", "stats", "progress", "playlist", "library",
            "photos", "pictures", "texts", "emails", "listing", "shipment", "packages", "parcels", "bundle", "sim", "music", "songs");
    /** Words that may stand before a care noun in an echo: "customer service", "gate agent", "checked bag". */
    private static final Set<String> MODIFIERS = Set.of("customer", "checked", "carry-on", "cabin", "gate", "ticket", "counter", "desk",
            "security", "mobile", "online", "gift", "e-gift", "travel", "frequent", "flyer", "loyalty", "rewards", "first", "business",
            "economy", "premium", "class", "international", "domestic", "connecting", "return", "outbound", "morning", "evening", "night",
            "overnight", "red-eye", "window", "aisle", "exit", "row", "lost", "missing", "delayed", "cancelled", "canceled", "damaged",
            "broken", "double", "late", "fraud", "golf", "food", "ground", "airport", "baggage", "phone", "credit", "debit", "bank",
            "earphone", "headphone", "birthday", "mileage", "award",
            // What is wrong with the thing, as the customer names it: "a false charge", "the wrong flight", "a faulty charger".
            "false", "fraudulent", "duplicate", "unauthorized", "unauthorised", "wrong", "incorrect", "defective", "faulty");

    /** What happened to a thing, said of it: a fact the echo keeps ("your cancelled flight"), not the customer's judgement. */
    private static final Set<String> FACTS = Set.of("cancelled", "canceled", "delayed", "lost", "missing", "damaged", "broken", "diverted");

    /** Nouns before a thing that add nothing to it: "the plane ticket" is the ticket, "the inflight crew" the crew. */
    private static final Set<String> DROPPABLE = Set.of("plane", "airplane", "aircraft", "inflight", "in-flight", "onboard", "airline");

    /** People and talk: echoing them says nothing about the problem ("your wife", "the message"). */
    private static final Set<String> NOT_A_DETAIL = Set.of("wife", "husband", "son", "daughter", "kid", "kids", "child", "children", "mom",
            "dad", "mother", "father", "friend", "friends", "family", "boyfriend", "girlfriend", "baby", "sister", "brother", "parents",
            "message", "messages", "msg", "dm", "reply", "response", "interaction", "info", "information", "email", "call", "calls",
            "tweet", "post", "team", "rep", "person", "human", "guy", "lady", "man", "woman", "folks", "nothing", "none");
    /** Quantities and vague words that make a phrase about nothing in particular ("many bags" is "bags"). */
    private static final Set<String> VAGUE = Set.of("many", "much", "more", "most", "few", "other", "several", "such", "own", "whole",
            "entire", "same", "next", "last", "every", "each", "all", "both", "either", "no", "another", "certain", "only", "real", "new");
    private static final Set<String> KEEP_ARTICLES = Set.of("the", "my", "our", "your", "ur", "his", "her", "their");
    /** Care nouns that alone say nothing of what happened: "we'll look into the customer service" reads as a slight. */
    static final Set<String> BARE = Set.of("service", "customer service", "wheelchair", "gate", "update", "item", "product", "plan",
            "pass", "phone", "tickets", "ticket", "site", "credit", "room", "car", "flight", "flights", "companion", "status", "line", "queue",
            "bin", "price", "fare", "fares", "terminal", "runway", "desk", "counter", "alert", "alerts", "notification", "notifications",
            "internet", "connections", "certificate", "outlet", "outlets");

    /**
     * One tagger for the whole process, loaded on first use: it holds about 90 MB, it only reads its model while tagging, and
     * every drafter (the pipeline's, the console's, a dry run's) makes its own Details.
     */
    private static volatile MaxentTagger tagger;
    /** Things of an app or a device that go wrong on their own: "the link leads to a blank page", "the audio is out of sync". */
    private static final Set<String> PARTS = Set.of("link", "links", "page", "button", "audio", "video", "videos", "sound", "download",
            "feature", "settings", "keyboard", "camera", "speaker", "microphone", "mic", "remote", "box", "signal", "wifi", "bluetooth");
    private final WhatHappened happened = new WhatHappened(Details::tagger, java.util.stream.Stream.of(CARE_NOUNS, OWN_NOUNS, PARTS)
            .flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    private final com.github.benmanes.caffeine.cache.Cache<String, Optional<String>> retold =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();
    private final Asked asked = new Asked(Details::tagger);
    private final TroubleThing troubleThing = new TroubleThing(Details::tagger);
    private final com.github.benmanes.caffeine.cache.Cache<String, Optional<String>> things =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();
    private final com.github.benmanes.caffeine.cache.Cache<String, Optional<String>> questions =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();
    /** The console asks again for the same posts every few seconds: tag each post once. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Optional<String>> found =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

    /**
     * The detail to echo, or empty when nothing in the post is concrete enough (then the reply does without).
     *
     * @param brandNames the brand's own names: an echo about the brand itself ("Acme Air") says nothing
     */
    public Optional<String> find(String text, String lang, java.util.List<String> brandNames) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return found.get(lang + '\u0000' + String.join("\u0001", brandNames) + '\u0000' + text, k -> look(text, lang, brandNames));
    }

    /**
     * What went wrong, retold from the brand's side ("your bag is still in CLT", "you were charged
     * twice"), for a reply to restate; empty when no clause of an English post says it plainly.
     */
    public Optional<String> happened(String text, String lang) {
        if (text == null || text.isBlank() || !"en".equals(lang)) {
            return Optional.empty();
        }
        return retold.get(text, k -> happened.find(plain(retellable(k))).map(Details::unitsSpelt));
    }

    /**
     * The question an English post asks, retold from the brand's side as an indirect question
     * ("whether we sell open tickets"), for a reply that will find out; empty when none is plain enough.
     */
    public Optional<String> asked(String text, String lang) {
        if (text == null || text.isBlank() || !"en".equals(lang)) {
            return Optional.empty();
        }
        // A line break ends a question as a full stop does ("can I bring a bike⏎can I bring a surfboard?" is two).
        return questions.get(text, k -> asked.find(plain(withoutHashtags(retellable(k.replaceAll("\\s*\\R+\\s*", ". ")))))
                .map(Details::unitsSpelt));
    }

    /**
     * The thing an English complaint is about ("the chorizo", "your keyboard"), in any business's words, for an
     * opening that would otherwise be sorry about "this"; empty when no sentence names a thing beside its trouble.
     *
     * @param travel whether the post is about travel: then only the customer's own thing or one named with its state
     */
    public Optional<String> thing(String text, String lang, java.util.List<String> brandNames, boolean travel) {
        if (text == null || text.isBlank() || !"en".equals(lang)) {
            return Optional.empty();
        }
        return things.get(travel + String.join("\u0001", brandNames) + '\u0000' + text,
                k -> troubleThing.find(plain(retellable(text)), brandNames, !travel)
                        .filter(t -> !SWEARING.matcher(t).find()));
    }

    /**
     * The thing an English question asks about ("thanks for asking about our marketing emails"), for a holding reply that
     * cannot turn the question itself; {@code travel} as for {@link #thing}.
     */
    public Optional<String> askedAbout(String text, String lang, java.util.List<String> brandNames, boolean travel) {
        if (text == null || text.isBlank() || !"en".equals(lang)) {
            return Optional.empty();
        }
        // Asked again at every console refresh, as thing() is: found once.
        return things.get("?" + travel + String.join("\u0001", brandNames) + '\u0000' + text,
                k -> troubleThing.asked(plain(withoutHashtags(retellable(text))), brandNames, !travel).filter(t -> !SWEARING.matcher(t).find()));
    }

    /** Whether a thing found by {@link #thing} is a trouble the customer named as one ("the battery issues", "the trouble with your order"). */
    public static boolean namesTrouble(String thing) {
        return TroubleThing.namesTrouble(thing);
    }

    /** A hashtag is no word of a question ("why is #jeopardy preempted" is not about "the jeopardy"): a word no question turns with. */
    private static String withoutHashtags(String text) {
        return text.replaceAll("#\\w+", " handle ");
    }

    /** Whether a post in one of the brand's other languages tells of people stranded: an escalation's reply is sorry for that first. */
    public static boolean strandedElsewhere(String text) {
        return CareActions.STRANDED_ELSEWHERE.matcher(text).find();
    }

    /**
     * A flight by its code in the brand's other languages ("рейс SU 2310", "mi vuelo IB3456", "Flug LH 123", "پرواز ۴۵۶"):
     * the one detail their replies echo in the customer's own writing, since no tagger reads those languages here. After
     * the language's word for a flight a bare number will do; alone, only an airline's code and 3-4 digits ("AF1234").
     */
    public static Optional<String> flightElsewhere(String text) {
        Matcher m = FLIGHT_ELSEWHERE.matcher(text);
        return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
    }

    private static final String AIRLINE = "(?-i:(?:[A-Z]{2}|[A-Z]\\d|\\d[A-Z]) ?)";
    private static final Pattern FLIGHT_ELSEWHERE = Pattern.compile("(?<![\\p{L}\\p{N}])(?:рейс\\p{L}{0,2}|vuelo|vol|flug|پرواز|رحلة|الرحلة|رحلتي)"
            + "\\s*(?:№|#|n°|no\\.?|nr\\.?|номер|número|numéro|nummer|رقم|شماره)?\\s*(" + AIRLINE + "\\d{2,4}|[0-9۰-۹٠-٩]{2,4})(?![\\p{L}\\p{N}]|[:.,]\\d)"
            + "|(?<![\\p{L}\\p{N}])(" + AIRLINE + "\\d{3,4})(?![\\p{L}\\p{N}])", FLAGS);

    /** Whether the post says what it asked for was refused ("No refund because it doesn't qualify"): nothing is on its way. */
    public static boolean refused(String text) {
        return WhatHappened.refused(text);
    }

    /** Units as a reply writes them: "over 1 hr" is "over an hour", "45 mins" "45 minutes". */
    static String unitsSpelt(String retold) {
        return retold.replaceAll("\\b(?:1|one) (?:hr|hrs|hour)\\b", "an hour").replaceAll("\\b(\\d+(?:\\.\\d+)?) hrs?\\b", "$1 hours")
                .replaceAll("\\b1 mins?\\b", "a minute").replaceAll("\\b(\\d+) mins?\\b", "$1 minutes");
    }

    /**
     * Handles inside a sentence become a word no retelling repeats ("my car drives itself to
     * @brand" would lose its end); the handles it starts with, a quoted tweet and closing hashtags go.
     */
    private static String retellable(String text) {
        String t = text.replaceFirst("^(\\s*(RT\\s+)?[.]?@\\w+[:,]?\\s*)+", "");
        t = t.replaceFirst("[\u201c\"]\\s*@\\w+.*$", "");
        t = t.replaceFirst("(\\s*#\\w+)+\\s*$", "");
        // "the audio is not syncing with the shows on my @Roku": where it happens, named by a handle, goes unsaid.
        t = t.replaceAll("(?i)\\s+(?:on|with|from|via|through|at|in)\\s+(?:my|our|the)?\\s*@\\w+(?=\\s*(?:[.!?]|$))", "");
        return t.replaceAll("@\\w+", " handle ");
    }

    /**
     * What the customer grants before a "but" is not their complaint: "I understand weather is not your fault, but as a
     * frequent flyer I expected better customer service" is about the service. The text without it.
     */
    public static String unconceded(String text) {
        return CONCEDED.matcher(text).replaceAll(" . ");
    }

    /** "the worlds dumbest driver" is the driver: the world is no thing to echo, nor the superlative a customer's jab. */
    private static final Pattern WORLDS = Pattern.compile("\\b(?:the )?worlds?(?:'s?|’s?)? (?:\\w+est|best|worst|most \\w+|least \\w+) ",
            Pattern.CASE_INSENSITIVE);

    /** "Who's in charge of your Twitter" asks about no charge. */
    private static final Pattern IN_CHARGE = Pattern.compile("\\bin charge of\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern CONCEDED = Pattern.compile(
            "\\b(?:i|we)\\s+(?:totally |completely |fully |do |can |get that |)(?:understand|know|realize|realise|appreciate)\\b[^.!?]{0,80}?\\bbut\\b",
            Pattern.CASE_INSENSITIVE);

    /** The post's words with the corpus's scars healed: what an echo may be cut from. */
    private static String plain(String text) {
        // A public airline corpus replaced words with "Flight" ("Cancelled Flightled", "Late Flightr"): never echo the scar.
        String said = unconceded(text);
        said = WORLDS.matcher(said).replaceAll("the ");
        said = IN_CHARGE.matcher(said).replaceAll("responsible for");
        String words = FOR.matcher(TO.matcher(clean(said)).replaceAll("to ")).replaceAll("for ");
        return SCARS.matcher(words).replaceAll(Details::healed);
    }

    private Optional<String> look(String text, String lang, java.util.List<String> brandNames) {
        String clean = plain(text);
        Optional<String> waited = TimeLost.in(clean);
        Matcher flight = FLIGHT.matcher(clean);
        if (waited.isPresent()) {
            // Both say most: "the 4 hours on the tarmac on flight 293".
            Matcher coded = CODED_FLIGHT.matcher(clean);
            String on = flight.find() ? flight.group(1).toUpperCase(Locale.ROOT) : coded.find() ? coded.group(1) : "";
            return Optional.of(waited.get() + (on.isEmpty() || waited.get().contains(" at ") ? "" : " on flight " + on));
        }
        Optional<String> person = person(clean, brandNames);
        if (person.isPresent()) {
            return person;
        }
        if (flight.find()) {
            String route = flight.group(2) != null ? " from " + flight.group(2) + " to " + flight.group(3) : "";
            return Optional.of("flight " + flight.group(1).toUpperCase(Locale.ROOT) + route);
        }
        Matcher coded = CODED_FLIGHT.matcher(clean);
        if (coded.find()) {
            return Optional.of("flight " + coded.group(1));
        }
        Matcher numbered = NUMBERED.matcher(clean);
        if (numbered.find()) {
            return Optional.of("flight " + numbered.group(1));
        }
        if (!"en".equals(lang)) {
            return Optional.empty();
        }
        Matcher seat = SEAT.matcher(clean);
        if (seat.find() && (seat.group(3) != null || seat.group(2).matches(".*[A-K]") || seat.group(1).equalsIgnoreCase("row"))) {
            return Optional.of(seat.group(3) != null ? "seat " + seat.group(3)
                    : seat.group(1).toLowerCase(Locale.ROOT) + " " + seat.group(2).toUpperCase(Locale.ROOT));
        }
        Matcher stuck = STUCK_IN.matcher(clean);
        if (stuck.find() && !NOT_AIRPORTS.contains(stuck.group(3))) {
            return Optional.of("being " + stuck.group(1).toLowerCase(Locale.ROOT) + " " + stuck.group(2).toLowerCase(Locale.ROOT) + " " + stuck.group(3)
                    + (stuck.group(4) == null ? "" : stuck.group(4).toLowerCase(Locale.ROOT)));
        }
        Matcher day = DAY_LOST.matcher(clean);
        if (day.find()) {
            String verb = day.group(1).toLowerCase(Locale.ROOT);
            String ing = verb.startsWith("lo") ? "losing" : verb.startsWith("wast") ? "wasting" : "missing";
            return Optional.of(ing + " " + day.group(0).substring(day.group(1).length() + 1).toLowerCase(Locale.ROOT));
        }
        Matcher counted = COUNTED.matcher(clean);
        if (counted.find() && !counted.group(1).equals("1")) {
            return Optional.of("the " + counted.group(1).toLowerCase(Locale.ROOT) + " " + counted.group(2).toLowerCase(Locale.ROOT)
                    + (counted.group(3) != null ? " and " + counted.group(3).toLowerCase(Locale.ROOT) + " " + counted.group(4).toLowerCase(Locale.ROOT) : ""));
        }
        Matcher money = MONEY.matcher(clean);
        if (money.find()) {
            if (money.group("charged") != null) {
                return Optional.of("the " + money.group("charged") + " charge");
            }
            if (money.group("offer") != null) {
                return Optional.of("the " + money.group("offer") + " " + money.group("offered").toLowerCase(Locale.ROOT));
            }
            if (money.group("back") != null) {
                return Optional.of("the " + money.group("back") + " refund");
            }
            String what = money.group("change") != null ? " change fee" : money.group("bag") != null ? " bag fee"
                    : " " + money.group("fee").toLowerCase(Locale.ROOT);
            return Optional.of("the " + money.group(1) + money.group(2) + what);
        }
        Matcher chargedFor = CHARGED_FOR.matcher(clean);
        if (chargedFor.find() && brandNames.stream().noneMatch(b -> b.equalsIgnoreCase(chargedFor.group(1)))) {
            return Optional.of("the charge for " + chargedFor.group(1));
        }
        // A route with no flight number: "flew from DAL to LAX", "F/As from DFW to CLT".
        Matcher named = NAMED_ROUTE.matcher(clean);
        if (named.find() && !NOT_AIRPORTS.contains(named.group(1)) && !NOT_AIRPORTS.contains(named.group(2))) {
            return Optional.of("your flight from " + named.group(1) + " to " + named.group(2));
        }
        Matcher route = ROUTE.matcher(clean);
        return bestPhrase(clean, brandNames).or(() -> route.find() && !NOT_AIRPORTS.contains(route.group(1)) && !NOT_AIRPORTS.contains(route.group(2))
                ? Optional.of("your flight from " + route.group(1) + " to " + route.group(2)) : Optional.empty());
    }

    /** "Cancelled Flightled" was "cancelled", "Cancelled Flight" "cancel", "Late Flightr" "later". */
    private static String healed(java.util.regex.MatchResult m) {
        // The capital is the corpus's, not the customer's: "you Cancelled Flightled" was "you cancelled".
        String word = m.start() == 0 ? m.group(1) : m.group(1).toLowerCase(Locale.ROOT);
        String tail = m.group(2) == null ? "" : m.group(2);
        if (word.equalsIgnoreCase("late")) {
            return word + (tail.equals("r") ? "r" : "");
        }
        String stem = word.substring(0, word.length() - 3); // "Cancel"
        return stem + switch (tail) {
            case "" -> "";
            case "ing" -> "ling";
            default -> "led";
        };
    }


    /** A member of staff by role and name: "flight attendant Sarah", "gate agent Mike". */
    private static final Pattern STAFF = Pattern.compile(
            "\\b(flight attendant|attendant|(?-i:FA)|gate agent|agent|pilot|captain|crew member|employee|rep),?\\s+(?:named\\s+|called\\s+)?(?-i:((?:[A-Z]\\. ?)?[A-Z][a-z]{2,}))\\b",
            FLAGS);
    /** Somebody thanked by name: "thanks to Anthony", "shout out to Kate Appleton". */
    private static final Pattern THANKED = Pattern.compile(
            "\\b(?:thanks? to|thank you(?: so much)?,?|cheers,?|shout ?-?out to|kudos to|props to|big up|give|owes?|(?:please )?thank)\\s+"
                    // "please thank the awesome Marcos": a word of praise between.
                    + "(?:the (?:awesome|amazing|wonderful|great|fantastic|lovely|brilliant|incredible|kind|sweet|fabulous) )?"
                    + "(?-i:([A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?(?: (?:&|&amp;|and) [A-Z][a-z]{2,})?))\\b",
            FLAGS);
    /** Capitalised words that are no one's name. */
    private static final Set<String> NOT_A_NAME = Set.of("Mate", "Pal", "Buddy", "Lads", "Boss", "Dude", "Bro", "Folks", "Man", "Love", "The", "Team", "Everyone", "All", "You", "God", "Guys", "Everybody", "Again",
            "Much", "So", "For", "Very", "Today", "Sir", "Madam", "Twitter", "Customer", "Service", "Flight", "Crew", "Staff",
            "Everything", "This", "That", "Boarding", "Landing", "Lounge", "Food", "Check", "Trip", "Experience", "Seat", "Wifi",
            // "She went above and beyond", "Your crew on 4028": pronouns start sentences like names do.
            "She", "He", "They", "We", "Her", "His", "Your", "Our", "Their", "My",
            // "Thank you Thank you", "Dad on Segway": thanks said twice and family are no member of staff to pass thanks to.
            "Thank", "Thanks", "Thx", "Dad", "Mom", "Mum", "Mother", "Father", "Grandma", "Grandpa", "Wife", "Husband", "Son", "Daughter",
            // "Thank you Netflix for picking up season 4": a company thanked is nobody to pass thanks on to.
            "Netflix", "Amazon", "Apple", "Google", "Microsoft", "Sony", "Samsung", "Nike", "Spotify", "Uber", "Lyft", "Hulu", "Xbox",
            "PlayStation", "Verizon", "Comcast", "Walmart", "Target", "Starbucks", "Dunkin", "Chipotle", "Motorola", "Nokia");

    /** The person a post names, by role or thanks ("flight attendant Marcus", "Cyndi and Troy"), in an English post. */
    public Optional<String> person(String text, String lang, java.util.List<String> brandNames) {
        if (text == null || !"en".equals(lang)) {
            return Optional.empty();
        }
        // A hashtag is a place or a slogan ("#Denver is The #BEST"), never the name of someone to thank.
        String clean = clean(text.replaceAll("#\\w+", " "));
        return person(clean, brandNames).or(() -> {
            Matcher praised = PRAISED_PERSON.matcher(clean);
            return praised.find() && !NOT_A_NAME.contains(praised.group(1).split(" ")[0]) && !brand(praised.group(1), brandNames)
                    ? Optional.of(praised.group(1)) : Optional.empty();
        }).map(name -> withPlace(clean, name)).or(() -> {
            Matcher at = NAME_AT.matcher(clean);
            return at.find() && !NOT_A_NAME.contains(at.group(1)) && !brand(at.group(1), brandNames) && !NOT_AIRPORTS.contains(at.group(2))
                    ? Optional.of(at.group(1) + " at " + at.group(2)) : Optional.empty();
        }).or(() -> {
            Matcher role = ROLE_AT.matcher(clean);
            return role.find() ? Optional.of("the " + role.group(1).toLowerCase(Locale.ROOT) + " " + role.group(2).toLowerCase(Locale.ROOT) + " "
                    + role.group(3).replaceFirst("(?i)^gate", "Gate").replaceFirst("^#?(\\d)", "flight $1")) : Optional.empty();
        }).or(() -> {
            Matcher team = TEAM_AT.matcher(clean);
            if (!team.find() || NOT_AIRPORTS.contains(team.group(1)) || brand(team.group(1), brandNames) || PRAISE_WORD.matcher(team.group(1)).matches()
                    || NOT_A_NAME.contains(team.group(1))) {
                return Optional.empty();
            }
            String role = team.group(2).toLowerCase(Locale.ROOT).matches("employees|staff|team|people|folks") ? "team" : team.group(2).toLowerCase(Locale.ROOT);
            return Optional.of("the " + team.group(1) + " " + role + (team.group(4) != null ? " at gate " + team.group(4) : ""));
        }).or(() -> {
            Matcher role = ROLE.matcher(clean);
            return role.find() ? Optional.of("the " + role.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
        }).or(() -> {
            // "you guys continue to impress me in Houston": the team where the praise was earned.
            Matcher where = PRAISED_IN.matcher(clean);
            return where.find() && !NOT_AIRPORTS.contains(where.group(2)) && !brand(where.group(2), brandNames) && !NOT_A_NAME.contains(where.group(2))
                    && !WHEN.matcher(where.group(2)).matches()
                    ? Optional.of("the team " + where.group(1).toLowerCase(Locale.ROOT) + " " + where.group(2)) : Optional.empty();
        });
    }

    /** Where a person praised by name works, said after the name: "Dre at Seatac check in", "Tammy from the Winston-Salem call center". */
    private static final String PLACE_WORD = "(?:(?-i:[A-Z][\\w'-]*)|check[- ]?in|call cent(?:er|re)|gate ?[A-Z]?\\d{1,3}[A-Z]?|counter|desk|airport|lounge|"
            + "reservations?|customer service|baggage|ticketing)";
    private static final Pattern WORKS_AT = Pattern.compile("^\\.?\\s+(?:(at|in|from) ((?:the )?" + PLACE_WORD + "(?: " + PLACE_WORD + "){0,3})"
            + "|((?-i:(?:[A-Z][a-z]+ ){1,2})gate ?[A-Z]?\\d{1,3}[A-Z]?))\\b", FLAGS);

    /** The name with where they work, when the post says so right after it: the team knows whom to tell. */
    static String withPlace(String text, String name) {
        int at = text.indexOf(name);
        if (at < 0 || name.contains(" at ")) {
            return name;
        }
        String rest = text.substring(at + name.length());
        // "Mellani B. and whole team in Columbia SC": the team is thanked with them.
        Matcher team = WITH_TEAM.matcher(rest);
        String withTeam = team.find() ? " and the " + team.group(1).toLowerCase(Locale.ROOT) : "";
        Matcher place = WORKS_AT.matcher(withTeam.isEmpty() ? rest : rest.substring(team.end()));
        // "Mark T." keeps the initial's full stop once something follows it.
        String named = (name.matches(".* [A-Z]") ? name + "." : name) + withTeam;
        if (!place.find()) {
            return withTeam.isEmpty() ? name : named;
        }
        if (place.group(3) != null) {
            return named + " at " + place.group(3);
        }
        String where = place.group(2);
        if (NOT_A_NAME.contains(where) || where.matches("(?i)(the )?(airport|desk|counter|lounge)")) {
            return withTeam.isEmpty() ? name : named;
        }
        return named + (place.group(1).equalsIgnoreCase("in") ? " in " : " at ") + where;
    }

    /** "... and whole team", "... and her crew": the team named with the person praised. */
    private static final String AND_TEAM = "\\s+and (?:the |her |his |your |their )?(?:whole |entire )?(team|crew|staff)";
    private static final Pattern WITH_TEAM = Pattern.compile("^\\.?" + AND_TEAM + "\\b", FLAGS);

    /** A team praised by its role and where it works: "the team running Gate E9 at LAS", "attendants on UA5168". */
    private static final Pattern ROLE_AT = Pattern.compile("\\b(team|crew|staff|agents|attendants|flight attendants|gate agents|pilots)"
            + " (on|at|running|working) ((?-i:gate [A-Z]?\\d{1,3}[A-Z]?(?: at [A-Z]{3})?|Gate [A-Z]?\\d{1,3}[A-Z]?(?: at [A-Z]{3})?|[A-Z]{2}\\d{2,4}|[A-Z]{3})|flight \\d{2,4}|"
            // "Your crew on 4028 tonight": a flight by its number alone.
            + "#?\\d{3,4}(?! ?(?:am|pm|mins?|minutes|hours?|hrs?|people|passengers)\\b))\\b", FLAGS);

    /** A team praised by its place: "props to your LAS employees working C11 gate", "the Denver crew". */
    private static final Pattern TEAM_AT = Pattern.compile("(?:\\b(?:your|the|ur|to) |^)(?-i:([A-Z]{3}|[A-Z][a-z]{3,}(?: [A-Z][a-z]+)?)) "
            + "(employees|staff|crew|team|agents|people|folks|baggage handlers|bag handlers|ground crew|gate agents|ramp crew)"
            + "(?: (?:working|at|on)( gate)? (?-i:([A-Z]?\\d{1,3}[A-Z]?))(?: gate)?)?\\b", FLAGS);
    /** Words of praise that open a sentence like a place would: "Great crew today" names no team. */
    private static final Pattern PRAISE_WORD = Pattern.compile("(?i)great|amazing|awesome|best|wonderful|fantastic|excellent|lovely|nice|good|super|"
            + "friendly|helpful|whole|entire|outstanding|incredible|kind|fabulous|brilliant|thanks|thank");
    /** A team praised by its role alone: "customer service from your reservation agents tonight". */
    private static final Pattern ROLE = Pattern.compile("\\b(?:your|the|ur) (reservations? agents|reservations team|baggage handlers|ground crew|gate agents|"
            + "flight attendants|cabin crew|pilots|call cent(?:er|re) agents|customer service agents|check-?in agents|skycaps|crew)\\b", FLAGS);

    /** Praise earned at a place: "continue to impress me in Houston", "great job at LAS tonight". */
    private static final Pattern PRAISED_IN = Pattern.compile("\\b(?:impress\\w*|love|great|amazing|awesome|best|excellent|outstanding|"
            + "kudos|thanks?|thank you|wonderful|fantastic|brilliant|superb|stellar|rock(?:ed|s)?)\\b[^.!?]{0,40}?\\b(in|at) (?:the )?"
            + "(?-i:([A-Z]{3}|[A-Z][a-z]{3,}(?: [A-Z][a-z]+)?))\\b", FLAGS);
    /** Times that read like a place after "in": "in January", "in Monday's storm". */
    private static final Pattern WHEN = Pattern.compile("(?i)(january|february|march|april|may|june|july|august|september|october|november|"
            + "december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|the morning|general)\\b.*");

    /** Somebody named with the airport they work at, in thanks only: "please thank Robin at EWR". */
    // Never the end of a hyphenated word: "Ant-Man at AMC" names a film.
    private static final Pattern NAME_AT = Pattern.compile("(?<![-\\w])(?-i:\\b([A-Z][a-z]{2,})) (?:at|from|in) (?:the )?(?-i:([A-Z]{3}))\\b");

    /** Somebody praised by name, in thanks only: "Mark T. in Austin was great", "Rachel S. took great care of us". */
    private static final Pattern PRAISED_PERSON = Pattern.compile(
            "(?<!\\b(?i:in|at|from|to|on|of) )(?-i:\\b((?:[A-Z][a-z]+[A-Z][a-z]+|[A-Z][a-z]{2,})(?: [A-Z][a-z]{2,})??(?: [A-Z](?=\\.))?))\\.?"
                    // "Mellani B. and whole team in Columbia SC are absolute superstars": the team with them.
                    + "(?:" + AND_TEAM + ")?"
                    // Where they work: "in Austin", "at the SFO desk", or a gate with its airport ("Palm Springs gate 19").
                    + "(?:\\s+(?:(?:in|at|from|on) [^.!?,]{1,40}?|(?-i:(?:[A-Z][a-z]+ ){1,2})(?i:gate) ?[A-Z]?\\d{1,3}[A-Z]?))?\\s+(?:[-\u2013\u2014]\\s*)?"
                    + "(?:(?:was|is|are|were|(?:she|he)(?:'s| is| was)) (?:so |very |really |absolutely |absolute |just |true |total )?(?:great|amazing|awesome|fantastic|wonderful|excellent|outstanding|incredible|"
                    + "so helpful|very helpful|the best|superstars?|rock ?stars?|heroes|a hero|angels?|an angel|stars?|gems?|a gem)\\b|took (?:great |good |such good )?care of|represents your|went above and beyond|kicked butt|"
                    + "stayed (?:late|past|after|behind|on)\\b|(?:needs|deserves) (?:an? (?:raise|promotion|bonus|medal|award)|recognition))", FLAGS);

    /** The post's words only: no links, handles or entities, plain apostrophes, one space between words. */
    private static String clean(String text) {
        // Cut between two characters, never inside an emoji: half of one leaves the tagger with no sentence at all.
        int cut = text.length() > MAX_CHARS && Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return NOISE.matcher(halves(TextPrep.plainLetters(text.length() > cut ? text.substring(0, cut) : text).replace("&amp;", "&"))).replaceAll(" ")
                .replace('\u2019', '\'').replace('#', ' ').replaceAll("\\s+", " ").strip();
    }

    /** "2-1/2 hours", "2 1/2 hrs", "2½ hours" are 2.5 hours. */
    private static String halves(String text) {
        return text.replaceAll("\\b(\\d{1,2})(?:[- ]1/2|½)", "$1.5").replaceAll("(?i)\\b(?:a )?half (?:an )?(?:hour|hr)\\b", "30 minutes");
    }

    /** Text-speak a retelling cannot repeat: "2 change flights" is "to change flights", "4 me" "for me". */
    private static final Pattern TO = Pattern.compile("(?i)\\b2 (?=(change|get|go|be|make|see|fly|book|check|pick|keep|add|use|find|take|have|do|help|switch|"
            + "travel|buy|pay|call|talk|speak|wait|board|catch|reach|sit|sleep|leave|stay|ask|move|rebook|cancel)\\b)");
    private static final Pattern FOR = Pattern.compile("(?i)\\b4 (?=(me|us|my|our|the|a|an|you|u|him|her|them)\\b)");

    static Optional<String> person(String text, java.util.List<String> brandNames) {
        Matcher staff = STAFF.matcher(text);
        if (staff.find() && !NOT_A_NAME.contains(staff.group(2)) && !brand(staff.group(2), brandNames)) {
            String role = staff.group(1).equals("FA") ? "flight attendant" : staff.group(1).toLowerCase(Locale.ROOT);
            return Optional.of(role + " " + staff.group(2));
        }
        Matcher thanked = THANKED.matcher(text);
        if (thanked.find() && !NOT_A_NAME.contains(thanked.group(1).split(" ")[0]) && !brand(thanked.group(1), brandNames)) {
            return Optional.of(thanked.group(1).replace(" &amp; ", " and ").replace(" & ", " and "));
        }
        return Optional.empty();
    }

    private static boolean brand(String name, java.util.List<String> brandNames) {
        String lower = name.toLowerCase(Locale.ROOT);
        return brandNames.stream().anyMatch(b -> lower.contains(b.toLowerCase(Locale.ROOT)) || b.toLowerCase(Locale.ROOT).contains(lower));
    }


    private Optional<String> bestPhrase(String clean, java.util.List<String> brandNames) {
        List<TaggedWord> words = new ArrayList<>();
        for (List<HasWord> sentence : MaxentTagger.tokenizeText(new StringReader(clean))) {
            words.addAll(tagger().tagSentence(sentence));
        }
        String best = null;
        int bestScore = 0;
        for (int i = 0; i < words.size(); i++) {
            if (!STARTS.contains(words.get(i).tag()) || VAGUE.contains(words.get(i).word().toLowerCase(Locale.ROOT))) {
                continue;
            }
            int head = nounPhraseEnd(words, i);
            if (head < 0) {
                continue;
            }
            List<Integer> tokens = tighten(words, i, head);
            // "the safety card" is no "card", nor "the diamond status" a status: a noun the thing needed was left out.
            // A unit or a person before it is not ("45 min layover", "family account").
            String before = head - 1 >= i ? words.get(head - 1).word().toLowerCase(Locale.ROOT) : "";
            if (head - 1 >= i && !tokens.contains(head - 1) && words.get(head - 1).tag().matches("NNS?")
                    && !WEAK_HEADS.contains(before) && !DROPPABLE.contains(before) && !NOT_A_DETAIL.contains(before)) {
                i = head;
                continue;
            }
            // "my boarding pass won't load": the tagger reads "pass" as a verb, and "your boarding" is no thing.
            while (head + 1 < words.size() && COMPOUND_TAILS.contains(words.get(head + 1).word().toLowerCase(Locale.ROOT))
                    && CARE_NOUNS.contains(words.get(head).word().toLowerCase(Locale.ROOT))) {
                head++;
                tokens.add(head);
            }
            int end = extend(words, head);
            for (int k = head + 1; k <= end; k++) {
                tokens.add(k);
            }
            int score = score(words, tokens, head);
            String candidate = phrase(words, tokens);
            String lower = candidate.toLowerCase(Locale.ROOT);
            if (brandNames.stream().anyMatch(b -> lower.contains(b.toLowerCase(Locale.ROOT)))
                    || BARE.contains(lower.replaceFirst("^(the|your|our|my|a|an) ", ""))) {
                score = 0;
            }
            if (score >= MIN_SCORE && score > bestScore) {
                bestScore = score;
                best = candidate;
            }
            i = end;
        }
        return Optional.ofNullable(best).filter(b -> b.split(" ").length <= MAX_WORDS + 3);
    }

    /** The last index of a noun phrase starting at i (its head is a noun), or -1. */
    private static int nounPhraseEnd(List<TaggedWord> w, int i) {
        int end = -1;
        for (int j = i; j < w.size() && j < i + MAX_WORDS; j++) {
            String tag = w.get(j).tag();
            if (tag.startsWith("NN") || tag.equals("CD") && j > i) {
                end = j;
            } else if (!(tag.equals("JJ") || tag.equals("JJR") || tag.equals("JJS") || tag.equals("CD") || tag.equals("POS")
                    || tag.equals("VBN") && j > i && FACTS.contains(w.get(j).word().toLowerCase(Locale.ROOT))
                    || tag.equals("VBG") && j == i || (tag.equals("DT") || tag.equals("PRP$")) && j == i)) {
                break;
            }
        }
        return end;
    }

    /**
     * The phrase's words worth repeating: its determiner or owner, then only the words before the
     * noun that name the care matter or a place ("your checked bag" is "your bag", "the dub flight"
     * is "the flight", "DTW gate agent" stays).
     */
    private static List<Integer> tighten(List<TaggedWord> w, int start, int head) {
        List<Integer> out = new ArrayList<>();
        String first = w.get(start).tag();
        boolean determiner = first.equals("DT") || first.equals("PRP$");
        if (determiner) {
            out.add(start);
        }
        int from = head;
        while (from - 1 > (determiner ? start : start - 1) && allowedModifier(w.get(from - 1))) {
            from--;
        }
        for (int k = from; k <= head; k++) {
            out.add(k);
        }
        return out;
    }

    private static boolean allowedModifier(TaggedWord t) {
        String lower = t.word().toLowerCase(Locale.ROOT);
        return CARE_NOUNS.contains(lower) || MODIFIERS.contains(lower) || ORDINAL.matcher(lower).matches()
                || t.tag().startsWith("NNP") && Character.isUpperCase(t.word().charAt(0));
    }

    /** Second words of compounds whose first is a care noun ("boarding pass", "gift card", "seat belt"). */
    private static final Set<String> COMPOUND_TAILS = Set.of("pass", "passes", "card", "cards", "belt", "belts", "number", "code", "group",
            "process", "policy", "fee", "fees", "system", "tag", "tags", "claim", "allowance");

    /** "the corner of a sealed bag", "your bag in Boston", "the crew on flight 4985": one place or owner more. */
    private static int extend(List<TaggedWord> w, int end) {
        if (end + 2 < w.size() && w.get(end + 1).tag().equals("IN")) {
            String prep = w.get(end + 1).word().toLowerCase(Locale.ROOT);
            if (Set.of("in", "at", "to", "from", "on", "of").contains(prep)) {
                int j = end + 2;
                int last = -1;
                // Only a named place or a number: "of" phrases and common nouns turn an echo into a quote.
                while (j < w.size() && j < end + 4 && !prep.equals("of") && w.get(j).tag().startsWith("NNP")
                        && Character.isUpperCase(w.get(j).word().charAt(0)) && CLEAN_WORD.matcher(w.get(j).word()).matches()) {
                    last = j;
                    j++;
                }
                // A name that runs on ("Manage My Trip") is not cut in half: no place at all then.
                boolean runsOn = last > 0 && last + 1 < w.size() && Character.isUpperCase(w.get(last + 1).word().charAt(0))
                        && !w.get(last + 1).tag().equals(".");
                // "from Idaho to California": the whole route, or "the ticket from Idaho" tells half of it.
                if (last > 0 && !runsOn && prep.equals("from") && last + 2 < w.size() && w.get(last + 1).word().equalsIgnoreCase("to")
                        && w.get(last + 2).tag().startsWith("NNP") && Character.isUpperCase(w.get(last + 2).word().charAt(0))
                        && CLEAN_WORD.matcher(w.get(last + 2).word()).matches()) {
                    return last + 2;
                }
                if (last > 0 && !runsOn) {
                    return last;
                }
            }
        }
        return end;
    }

    /** A thing worth echoing: a care noun, or the customer's own thing in a phrase that says it is theirs. */
    private static boolean careNoun(String lower, boolean own) {
        return CARE_NOUNS.contains(lower) || own && OWN_NOUNS.contains(lower);
    }

    private static int score(List<TaggedWord> w, List<Integer> tokens, int headIndex) {
        String head = w.get(headIndex).word().toLowerCase(Locale.ROOT);
        int start = tokens.get(0);
        // Numbers before the phrase mean a clipped quantity ("2 book 4 2 nights"): no echo.
        String first = w.get(start).word().toLowerCase(Locale.ROOT);
        boolean own = first.equals("my") || first.equals("our");
        if (!careNoun(head, own) || start > 0 && w.get(start - 1).tag().equals("CD")
                || tokens.size() > MAX_WORDS) {
            return 0;
        }
        int score = 1;
        for (int k : tokens) {
            String word = w.get(k).word();
            // A booking code, a clipped word ("reserv.") or SHOUTING is never echoed in public.
            if (!CLEAN_WORD.matcher(word).matches() || BOOKING_CODE.matcher(word).matches() || word.endsWith(".")
                    || NOT_A_DETAIL.contains(word.toLowerCase(Locale.ROOT))) {
                return 0;
            }
            if (careNoun(word.toLowerCase(Locale.ROOT), own)) {
                score += 3;
            }
            if (w.get(k).tag().startsWith("NNP") || w.get(k).tag().equals("CD")) {
                score += 1;
            }
        }
        if (own) {
            score += 3;
        }
        // Near the verb that says what happened: "my bag never arrived", "gate agents were rude".
        int end = tokens.get(tokens.size() - 1);
        for (int k = Math.max(0, start - 3); k <= Math.min(w.size() - 1, end + 3); k++) {
            if (k < start || k > end) {
                String tag = w.get(k).tag();
                if (tag.startsWith("VB") || tag.equals("MD") || tag.equals("RB") && w.get(k).word().matches("(?i)not|n't|never")) {
                    score += 1;
                    break;
                }
            }
        }
        return score;
    }

    /** The words, turned to the brand's point of view. */
    private static String phrase(List<TaggedWord> w, List<Integer> tokens) {
        int end = tokens.get(tokens.size() - 1);
        StringBuilder b = new StringBuilder();
        boolean leading = true;
        boolean determined = false;
        for (int k : tokens) {
            String word = w.get(k).word();
            String lower = word.toLowerCase(Locale.ROOT);
            String tag = w.get(k).tag();
            // The customer's judgement is theirs to make: "awful customer service" is echoed as "the customer service";
            // an ordinal is a fact ("your 2nd bag", "the 1st class seats").
            if (leading && (tag.startsWith("JJ") || tag.equals("VBN")) && k < end && !ORDINAL.matcher(word).matches() && !FACTS.contains(lower)
                    && !w.get(k + 1).word().equalsIgnoreCase("class")) {
                continue;
            }
            String out = switch (lower) {
                case "my", "our" -> "your";
                case "your", "ur" -> "our";
                case "a", "an", "this", "that", "these", "those", "some", "any", "his", "her", "their" -> leading ? "the" : lower;
                case "-lrb-", "-rrb-" -> "";
                default -> tag.startsWith("NN") && !tag.startsWith("NNP") || CARE_NOUNS.contains(lower) || MODIFIERS.contains(lower)
                        || leading && tag.equals("DT") ? lower : word;
            };
            if (leading && tag.equals("DT") && !KEEP_ARTICLES.contains(lower) && !out.equals("the")) {
                continue;
            }
            if (out.isEmpty() || SWEARING.matcher(out).matches() || out.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            if (leading) {
                determined = tag.equals("DT") || tag.equals("PRP$") || tag.startsWith("NNP") && !out.equals(lower);
                if (!determined) {
                    b.append("the");
                }
                leading = false;
            }
            if (tag.equals("POS") || out.startsWith("'")) {
                b.append(out);
            } else {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(out);
            }
        }
        return b.toString().strip();
    }

    private static MaxentTagger tagger() {
        MaxentTagger t = tagger;
        if (t == null) {
            synchronized (Details.class) {
                if (tagger == null) {
                    tagger = new MaxentTagger(TAGGER);
                }
                t = tagger;
            }
        }
        return t;
    }
}
