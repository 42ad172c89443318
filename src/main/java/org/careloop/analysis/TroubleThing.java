package org.careloop.analysis;

import edu.stanford.nlp.ling.HasWord;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The thing a complaint or a question is about, named as a care agent would: "the chorizo", "your keyboard",
 * "the download speed", "the boorito offer". The last resort of an opening that would otherwise be sorry about
 * "this", or of a holding reply that would say "good question" alone: the care nouns of {@link Details} know
 * what travellers write about, and a post to a shop, a bank or a console maker names things no list holds. So
 * any common noun may serve if it is a thing (not a person, a time, talk, a feeling or a word of judgement) and
 * stands within {@link #NEAR} words of its trouble, or, in a question, comes first.
 */
final class TroubleThing {

    /** Nouns that name no thing: people, time, talk, judgement, and words too vague to be sorry about. */
    private static final Set<String> NOT_A_THING = Set.of(
            // People and who they are.
            "people", "person", "guy", "guys", "man", "woman", "lady", "kid", "kids", "child", "children", "baby", "wife", "husband", "son",
            "daughter", "mom", "dad", "mother", "father", "friend", "friends", "family", "boyfriend", "girlfriend", "sister", "brother",
            "parents", "customer", "customers", "employee", "employees", "staff", "rep", "reps", "attendant", "attendants", "pilot", "pilots", "crew", "driver", "drivers", "cashier", "representative", "representatives", "supervisor", "worker", "workers", "agent", "agents", "team", "manager",
            "company", "business", "airline", "everyone", "someone", "anyone", "nobody", "folks", "human", "humans", "user", "users",
            // Time.
            "time", "times", "day", "days", "today", "tonight", "tomorrow", "yesterday", "week", "weeks", "month", "months", "year", "years",
            "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds", "night", "nights", "morning", "evening",
            "afternoon", "weekend", "moment", "halloween", "christmas", "thanksgiving", "holiday", "holidays", "birthday", "while",
            "lately", "now", "date", "past", "future", "life",
            // Talk and contact: what was said is no thing that went wrong.
            "message", "messages", "dm", "dms", "tweet", "tweets", "post", "reply", "response", "call", "calls", "email", "emails",
            "info", "information", "question", "questions", "answer", "answers", "word", "words", "name", "number", "numbers", "help",
            "support", "service", "advice", "update", "news", "chat",
            // Words of judgement and vague words: "sorry about the mess", "the joke", "the thing".
            "thing", "things", "stuff", "lot", "lots", "way", "ways", "kind", "sort", "type", "bit", "part", "side", "end", "start",
            "fact", "case", "matter", "point", "reason", "idea", "experience", "problem", "problems", "issue", "issues", "trouble",
            "mess", "joke", "shame", "fault", "deal", "nothing", "everything", "something", "anything", "world", "heart", "mind", "right",
            "god", "lord", "hell", "job", "work", "level", "option", "options", "choice", "chance", "use", "reality", "sense", "attention",
            "excuse", "excuses", "lie", "lies", "scam", "bs", "crap", "shit", "garbage", "trash", "rubbish", "nonsense", "disgrace",
            "nightmare", "disaster", "fail", "failure", "smh", "lol", "wtf", "omg", "pls", "plz", "thanks", "thank", "sorry", "please",
            "hi", "hey", "hello", "yes", "no", "ok", "okay", "dear", "sir", "madam", "dude", "bro", "fam", "y'all", "u", "ur",
            // Words standing for others: the placeholder of a handle, "others", a part of something named after it.
            "handle", "story", "round", "others", "north", "south", "east", "west", "piece", "pieces", "pair", "bunch", "couple", "set",
            "amount", "member", "members", "area", "theory",
            // Where it happened, not what: "leaving something in my building", "no signal in my house".
            "building", "house", "home", "apartment", "office", "porch", "doorstep", "street", "town",
            "city", "property", "yard");

    /** What a thing's state may be called in an echo: a fact about it, not a verdict ("the broken link", never "the awful app"). */
    private static final Set<String> STATES = Set.of("broken", "damaged", "defective", "faulty", "missing", "wrong", "new", "late", "cold",
            "frozen", "empty", "dirty", "old", "latest", "last", "first", "second", "third", "online", "mobile", "free", "extra");

    /** Words that mark the trouble in a sentence, beside the lexicon's negative words. */
    private static final Pattern TROUBLE = Pattern.compile("(?i)not|n't|no|never|cannot|can't|won't|doesn't|didn't|isn't|wasn't|"
            + "aren't|broke|broken|stopped|crash\\w*|freez\\w*|frozen|glitch\\w*|missing|lost|wrong|damaged|defective|faulty|error|"
            + "fail\\w*|down|late|slow|still|again|tough|undercook\\w*|overcook\\w*|stale|cold|raw|burnt|charged|overcharged|cancel\\w*|"
            + "delay\\w*|waiting|nowhere|gone|keeps?|disappear\\w*|only|expir\\w*");

    /** A word fit to be said back: plain letters with a vowel, perhaps a hyphen inside; not text-speak ("wks", "tmrw") or a unit. */
    private static final Pattern WORD = Pattern.compile("(?!(mbps|kbps|gbps|tomrw|tmrw|tmw|tmrow|pls|plz|thx|ppl|acct|msg|hrs|mins|"
            + "whats|thats|hows|wheres|whos|lets)$)[a-z]*[aeiouy][a-z]*(-[a-z]+)?");

    private final Supplier<MaxentTagger> tagger;

    TroubleThing(Supplier<MaxentTagger> tagger) {
        this.tagger = tagger;
    }

    /** Alone these name no trouble, only where it happened, what it cost or who was there: "sorry about the plane", "the money". */
    private static final Set<String> SAYS_NOTHING_ALONE = Set.of("plane", "planes", "money", "trip", "travel", "airport", "airlines",
            "situation", "right", "feedback", "mark", "exp", "fiancee", "fiance", "strangers", "passengers", "passenger");

    /** How far a thing may stand from a word of its trouble: "the chorizo ... too tough" is near, "the managers" of praise is not. */
    private static final int NEAR = 3;

    /**
     * The thing, with its owner or "the"; empty when no sentence names a thing beside its trouble.
     *
     * @param open whether any thing near the trouble may serve; else only the customer's own ("my keyboard") or one with its
     *             state ("the broken link"). A post about travel names its things with the care nouns already, and what else
     *             stands near its trouble is mostly not the trouble ("missed the mark", "the plane", "strangers").
     */
    Optional<String> find(String plain, List<String> brandNames, boolean open) {
        String best = null;
        int bestDistance = NEAR + 1;
        for (List<HasWord> sentence : MaxentTagger.tokenizeText(new StringReader(plain))) {
            List<TaggedWord> w = tagger.get().tagSentence(sentence);
            // The customer called it the trouble: that names it best, about travel too.
            Optional<String> named = namedTrouble(w, brandNames);
            if (named.isPresent()) {
                return named;
            }
            List<Integer> trouble = new java.util.ArrayList<>();
            for (int k = 0; k < w.size(); k++) {
                String lower = w.get(k).word().toLowerCase(Locale.ROOT);
                // "never mind" waves a thing aside.
                if ((TROUBLE.matcher(lower).matches() || SentimentLexicon.valence(lower) < 0)
                        && !(lower.equals("never") && k + 1 < w.size() && w.get(k + 1).word().equalsIgnoreCase("mind"))) {
                    trouble.add(k);
                }
            }
            for (int i = 0; i < w.size() && !trouble.isEmpty(); i++) {
                Candidate c = candidate(w, i, brandNames);
                if (c == null) {
                    continue;
                }
                int distance = Integer.MAX_VALUE;
                for (int k : trouble) {
                    distance = Math.min(distance, k < i ? i - k : k > c.head() ? k - c.head() : Integer.MAX_VALUE);
                }
                if (distance < bestDistance && c.fit(open)) {
                    bestDistance = distance;
                    best = c.named();
                }
                i = c.head();
            }
        }
        return Optional.ofNullable(best);
    }

    private static final Set<String> TROUBLE_NOUNS = Set.of("issue", "issues", "problem", "problems", "trouble");

    /**
     * A trouble the customer names as one: "an issue with a same day ship order" is the trouble with their order,
     * "the battery issues in iOS 11" the battery issues.
     */
    private static Optional<String> namedTrouble(List<TaggedWord> w, List<String> brandNames) {
        for (int i = 0; i < w.size(); i++) {
            String lower = w.get(i).word().toLowerCase(Locale.ROOT);
            if (!TROUBLE_NOUNS.contains(lower)) {
                continue;
            }
            // "issues with my new phone": what follows "with", its owner as the brand says it.
            if (i + 2 < w.size() && w.get(i + 1).word().equalsIgnoreCase("with")) {
                int from = i + 2;
                String before = w.get(from).word().toLowerCase(Locale.ROOT);
                String owner = switch (before) {
                    case "my", "our", "a", "an" -> "your";
                    case "the", "this", "that" -> "the";
                    default -> null;
                };
                if (owner != null) {
                    from++;
                }
                int head = from;
                while (head < w.size() && head - from < 4 && phraseWord(w.get(head))) {
                    head++;
                }
                // The phrase ends on a thing: "a same day ship order", never "the way" or "my husband".
                if (head > from && thing(w, head - 1, brandNames) && (head == w.size() || !w.get(head).tag().startsWith("NN"))) {
                    StringBuilder b = new StringBuilder("the trouble with ").append(owner == null ? "your" : owner);
                    for (int k = from; k < head; k++) {
                        b.append(' ').append(w.get(k).word().toLowerCase(Locale.ROOT));
                    }
                    return Optional.of(b.toString());
                }
            }
            // "battery issues", "plane-wide DirectTV issues", "a water issue": the thing before the word of trouble.
            if (i > 0 && lower.matches("issues?|problems?") && (w.get(i - 1).tag().equals("NN") || w.get(i - 1).tag().equals("NNP"))) {
                TaggedWord t = w.get(i - 1);
                String noun = t.word().toLowerCase(Locale.ROOT);
                boolean brand = brandNames.stream().anyMatch(b -> b.toLowerCase(Locale.ROOT).contains(noun));
                if (noun.length() >= 3 && noun.matches("[a-z][a-z-]*[a-z]") && !NOT_A_THING.contains(noun) && !brand
                        && SentimentLexicon.valence(noun) == 0 && !TROUBLE.matcher(noun).matches()) {
                    // "DirectTV" keeps its capitals; "Battery" at a sentence's start does not.
                    return Optional.of("the " + asSaid(t.word(), false) + " " + lower);
                }
            }
        }
        return Optional.empty();
    }

    /** A word as an echo says it: lower case, unless a name or written with capitals inside ("ISP", "DirecTV"). */
    private static String asSaid(String word, boolean name) {
        return name || word.substring(1).chars().anyMatch(Character::isUpperCase) ? word : word.toLowerCase(Locale.ROOT);
    }

    /** Whether a thing was named by {@link #namedTrouble}. */
    static boolean namesTrouble(String thing) {
        return thing.startsWith("the trouble with ") || thing.matches("the \\S+ (issues?|problems?)");
    }

    /** A word of a thing's name after "with": adjectives and nouns in plain letters ("same day ship order"). */
    private static boolean phraseWord(TaggedWord t) {
        String lower = t.word().toLowerCase(Locale.ROOT);
        return (t.tag().equals("JJ") || t.tag().equals("NN") || t.tag().equals("NNS")) && WORD.matcher(lower).matches()
                && Character.isLowerCase(t.word().charAt(0)) && SentimentLexicon.valence(lower) == 0;
    }

    /**
     * The thing a question asks about, its first thing ("y do u charge for herbal tea?" asks about the tea), for a reply that
     * cannot answer yet; {@code open} as for {@link #find}.
     */
    Optional<String> asked(String plain, List<String> brandNames, boolean open) {
        for (List<HasWord> sentence : MaxentTagger.tokenizeText(new StringReader(plain))) {
            List<TaggedWord> w = tagger.get().tagSentence(sentence);
            if (w.stream().noneMatch(t -> t.word().contains("?"))) {
                continue;
            }
            for (int i = 0; i < w.size(); i++) {
                Candidate c = candidate(w, i, brandNames);
                if (c != null && c.fit(open)) {
                    return Optional.of(c.named());
                }
                i = c == null ? i : c.head();
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A thing found at i: its last noun, how it is named, and whether it is the customer's, named with its state, or bare. */
    private record Candidate(int head, String named, boolean owned, boolean stated, boolean bare) {

        /** Fit to name: never bare ("sorry about your flight" names no trouble); when not open, theirs or with its state. */
        boolean fit(boolean open) {
            return !bare && (open || owned || stated);
        }
    }

    private static Candidate candidate(List<TaggedWord> w, int i, List<String> brandNames) {
        if (!thing(w, i, brandNames)) {
            return null;
        }
        // A compound runs on to its last noun: "cable line", "lock screen", "marketing emails".
        int head = i;
        while (head + 1 < w.size() && (thing(w, head + 1, brandNames) || compoundTail(w, head + 1)) && head - i < 2) {
            head++;
        }
        String named = named(w, i, head);
        boolean stated = STATES.contains(named.split(" ")[1]);
        String lower = w.get(i).word().toLowerCase(Locale.ROOT);
        // See Details.BARE: "Sorry about your flight" names no trouble.
        boolean bare = head == i && !stated && (Details.BARE.contains(lower.replaceFirst("s$", "")) || SAYS_NOTHING_ALONE.contains(lower));
        return new Candidate(head, named, named.startsWith("your "), stated, bare);
    }

    /** The thing from i to its head, with the states before it that are facts ("the broken link") and its owner. */
    private static String named(List<TaggedWord> w, int i, int head) {
        int from = i;
        while (from > 0 && from > i - 2 && STATES.contains(w.get(from - 1).word().toLowerCase(Locale.ROOT))) {
            from--;
        }
        StringBuilder b = new StringBuilder(from > 0 ? owner(w.get(from - 1).word().toLowerCase(Locale.ROOT)) : "the");
        for (int k = from; k <= head; k++) {
            String word = w.get(k).word();
            // A name that is theirs keeps its capitals ("your Luv Voucher"), a sentence's first word not.
            b.append(' ').append(asSaid(word, w.get(k).tag().startsWith("NNP") || k > 0 && Character.isUpperCase(word.charAt(0))));
        }
        return b.toString();
    }

    /** The owner as the brand says it: the customer's "my" is "your", the brand's "your" is "our". */
    private static String owner(String before) {
        return switch (before) {
            case "my", "our" -> "your";
            case "your", "ur" -> "our";
            case "his", "her", "their" -> before;
            default -> "the";
        };
    }

    /** Talk that is a thing after a thing's name: "marketing emails", "phone number", "software update". */
    private static final Set<String> TALK_TAILS = Set.of("email", "emails", "message", "messages", "call", "calls", "number", "numbers",
            "update", "updates", "support", "service", "chat", "info", "information");

    private static boolean compoundTail(List<TaggedWord> w, int i) {
        return w.get(i).tag().startsWith("NN") && TALK_TAILS.contains(w.get(i).word().toLowerCase(Locale.ROOT));
    }

    private static boolean missing(List<TaggedWord> w, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            String lower = w.get(k).word().toLowerCase(Locale.ROOT);
            if (lower.matches("no|not|without|zero|\\d+|two|three|four|five|many|several")) {
                return true;
            }
            if (!w.get(k).tag().startsWith("NN")) {
                return false;
            }
        }
        return false;
    }

    private static boolean thing(List<TaggedWord> w, int i, List<String> brandNames) {
        TaggedWord t = w.get(i);
        String lower = t.word().toLowerCase(Locale.ROOT);
        // A name is a thing when it is theirs: "my Luv Voucher", "my Xbox".
        boolean theirs = i > 0 && w.get(i - 1).word().matches("(?i)my|our") || i > 1 && w.get(i - 2).word().matches("(?i)my|our")
                && Character.isUpperCase(w.get(i - 1).word().charAt(0)) && Character.isUpperCase(t.word().charAt(0));
        return (t.tag().equals("NN") || t.tag().equals("NNS") || theirs && t.tag().startsWith("NNP"))
                && (Character.isLowerCase(t.word().charAt(0)) || theirs) && lower.length() >= 3
                && WORD.matcher(lower).matches() && !NOT_A_THING.contains(lower) && SentimentLexicon.valence(lower) == 0
                && !TROUBLE.matcher(lower).matches() && brandNames.stream().noneMatch(b -> b.toLowerCase(Locale.ROOT).contains(lower))
                // "a piece of plastic", "a pair of shoes": the thing is what follows.
                && !(i + 1 < w.size() && w.get(i + 1).word().equalsIgnoreCase("of"))
                // "fraud protection", "tummy ache": a noun of trouble beside it makes the two one trouble, not a thing.
                && !(i > 0 && w.get(i - 1).tag().startsWith("NN") && SentimentLexicon.valence(w.get(i - 1).word().toLowerCase(Locale.ROOT)) < 0)
                && !(i + 1 < w.size() && w.get(i + 1).tag().startsWith("NN") && SentimentLexicon.valence(w.get(i + 1).word().toLowerCase(Locale.ROOT)) < 0)
                // "thy send", "to text", "dress up": a verb the tagger took for a noun.
                && !(i > 0 && (w.get(i - 1).tag().equals("PRP") || w.get(i - 1).word().matches("(?i)to|thy")))
                && !(i + 1 < w.size() && (w.get(i + 1).tag().equals("RP") || w.get(i + 1).word().matches("(?i)up|out|off")))
                // "church-mouse level": half of a word made with a hyphen.
                && !(i + 1 < w.size() && w.get(i + 1).word().startsWith("-")) && !(i > 0 && w.get(i - 1).word().endsWith("-"))
                // "with no notification", "no support phone number" is sorry there was none, not about it; "2 gates down" counts,
                // it names nothing.
                && !missing(w, i);
    }
}
