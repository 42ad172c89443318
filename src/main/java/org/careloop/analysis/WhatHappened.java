package org.careloop.analysis;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What happened to the customer, retold from the brand's side: "my bag is still in CLT" becomes
 * "your bag is still in CLT", "I was charged twice" becomes "you were charged twice", so a reply
 * can say "I'm sorry your bag is still in CLT". A care agent restates the problem; a noun phrase
 * alone ("your bag") reads like a form letter.
 *
 * <p>Only a clause whose subject is the customer or their thing ("I", "we", "my flight", "the
 * app") and that says something went wrong is retold; opinions, wishes, threats, questions and
 * anything with swearing or an insult in it are not, because the brand would be repeating them.
 *
 * <p>Long on purpose: the rules for retelling a clause (which subjects, which verbs, which words are never
 * repeated) only make sense read together.
 */
final class WhatHappened {

    /** Longer than this it stops being a restatement and becomes a quote. */
    private static final int MAX_WORDS = 13;
    private static final int MIN_WORDS = 3;

    /** What a person did to a customer; who did it is never retold (see {@link #trimmed}). */
    private static final String VIOLENCE = "assaulted|attacked|harassed|abused|groped|threatened|punched|robbed|mugged";
    /** Words that say something went wrong: a clause without one is no problem to be sorry about. */
    private static final Pattern TROUBLE = Pattern.compile("(?i)(not|n't|never|no|nobody|nothing|none|cancel\\w*|delay\\w*|lost|missing|"
            + "stuck|stranded|missed|charged|nowhere|overcharged|broke|broken|damaged|late|later|waiting|waited|wait|hold|hung up|wrong|rude|refused|denied|"
            + "overbooked|bumped|left|forgot|forgotten|failed|fails|crashed|crashing|declined|rejected|sitting|sat|lost|stolen|destroyed|"
            + "ruined|dirty|cold|leaking|spilled|diverted|downgraded|removed|kicked|cut|twice|vanished|disappeared|"
            + "locked|blocked|ignored|hung|disconnected|disconnects|dropped|errors?|down|empty|gone|closed|sick|hurt|injured|ill|"
            // What goes wrong with a thing: "my PS4 died", "my phone keeps freezing", "the boots split".
            + "slower|froze|frozen|freez\\w*|split|disconnecting|crashes|cracked|shattered|glitch\\w*|buffering|lagging|wiped|deleted|erased|hacked|"
            // "my laptop shuts off at 15%", "my phone dies at 30%".
            + "shuts|shutting|dies|died|reboots|rebooting|restarts|restarting|overheat\\w*|drains|draining|blank|greyed|grayed|unresponsive|"
            // What is wrong with food or goods: "the sandwich was stale", "the box arrived torn".
            + "stale|soggy|raw|undercooked|overcooked|burnt|mouldy|moldy|expired|rotten|spoiled|inedible|torn|ripped|stained|smelly|filthy|sticky|"
            // What a person did to them: "I was just assaulted by a delivery person".
            + VIOLENCE + ")");
    private static final Pattern CUSTOMER_DOING = Pattern.compile(
            "(?i)waiting|sitting|standing|trying|missing|calling|circling|searching|stuck|stranded|spending|sleeping|getting");
    /** Text-speak numbers ("waiting 4 my bags", "get 2 the airport") garble a retelling. */
    private static final Pattern TEXT_SPEAK = Pattern.compile("(?i).*\\b[24] (?!(hours?|hrs?|h|min\\w*|days?|weeks?|people|bags?|times|pm|am|of|more|other)\\b)[a-z].*");
    private static final Pattern DURATION = Pattern.compile(
            "(?i)\\bfor (over |more than |almost |nearly |about |another )?(an?|\\d+(\\.\\d)?|one|two|three|four|five|six|several) \\+?(hours?|hrs?|minutes|mins?|days|weeks)\\b");
    private static final Pattern NEGATION = Pattern.compile("(?i)not|n't|never|no|none|nothing|nobody");
    private static final Pattern NOT_COME = Pattern.compile("(?i)get|got|receive|received|arrive|arrived|show|showed|showing|work|works|worked|working|load|loads|loading|"
            + "download|downloaded|deliver|delivered|come|came|turn|switch|start|started|open|opens|play|plays|playing|connect|connected|connecting|"
            // What a device or an app does when it works: "the audio is not syncing", "my printer won't print".
            + "sync|syncing|synced|print|printing|charge|charging|respond|responding|update|updating|record|recording|send|sending|save|saving|"
            + "install|installing|boot|booting|stream|streaming|go|going");
    /** Views and plans anywhere in a clause: "I suppose", "gonna", "sick of". */
    private static final Pattern HEDGED = Pattern.compile("(?i).*\\b(suppose|guess|think|thought|hope|promise|gon|wan|sick of|tired of|"
            // "I have never been on a flight where...": a life's experience compared, not what happened.
            + "never (been|seen|had|experienced|flown|met|heard)|"
            + "enjoy\\w*|lousy|crappy|curse\\w*|ha(ha)+h?|lol\\w*|make (this|it|that) (stuff )?up)\\b.*");
    /** A feeling or a wish, not an event: "I hate", "I want", "I think". */
    private static final Set<String> OPINION = Set.of("think", "thought", "hate", "love", "loved", "like", "liked", "feel", "felt", "want",
            "wanted", "wish", "hope", "guess", "believe", "know", "knew", "swear", "bet", "mean", "need", "needed", "would", "will", "wo",
            "should", "could", "shall", "might", "may", "'ll", "'d", "must", "appreciate", "understand", "see", "expect", "expected", "suppose",
            "doubt", "prefer", "demand", "deserve", "try", "trying", "gonna", "wanna", "going", "plan", "planning", "hear", "say",
            "said", "told", "tell", "heard", "thinking", "hoping", "wondering", "loving", "hating", "miss", "promise", "enjoy", "enjoying",
            "asking", "asked", "requesting", "requested");
    /** Between the subject and the word that says what happened: "have been", "is still", "didn't". */
    private static final Set<String> AUXILIARIES = Set.of("have", "has", "had", "'ve", "'s", "'d", "be", "been", "being", "do", "does",
            "did", "am", "'m", "is", "are", "'re", "was", "were", "n't", "not");
    /** "got cancelled": get as the passive's helper; "didn't get the refund" keeps it as the verb. */
    private static final Set<String> GET = Set.of("get", "got", "gets", "getting", "gotten");
    /** Words the brand never repeats in public. */
    private static final Pattern UNREPEATABLE = Pattern.compile(
            "(?i)(" + Details.SWEAR_WORDS + "|idiot\\w*|incompetent|worst|suck\\w*|"
                    + "pathetic|ridiculous|joke|useless|awful|terrible|horrible|disgusting|disgrace\\w*|ass|asses|ass(?:hole|hat|wipe|clown)s?|wtf|omg|lol|smh|"
                    + "lmao|ugh|rufkm|trash|garbage|clowns?|liars?|lying|scam\\w*|thieves|steal\\w*|sue|lawyer|kill\\w*|screw\\w*|"
                    + "die|dead|hate|pissed|lame|dumb|moron\\w*|bs|ffs|jeez|seriously|literally|honestly|unbelievable|unacceptable|"
                    + "shame\\w*|embarrass\\w*|greedy|nightmare|hostage|disaster|fail|failing|epic|sorry|heart|heartbroken|handle|complain\\w*|rumou?rs?|"
                    // "someone-awesome": sarcasm tacked on with a hyphen.
                    + "[a-z]+-(awesome|great|nice|lovely|fun|cool|fantastic|brilliant|perfect|wonderful))");
    /** People whose "won't" is their choice, not a thing's failure: "my wife won't fly with you again". */
    private static final Set<String> PEOPLE = Set.of("wife", "husband", "son", "daughter", "kid", "kids", "child", "children", "mom", "mum", "dad",
            "mother", "father", "friend", "friends", "family", "boyfriend", "girlfriend", "partner", "boss", "parents", "brother", "sister", "he", "she",
            "they", "agent", "agents", "staff", "driver", "manager", "people", "nobody", "anyone", "someone");
    /** Where a clause may begin: the sentence's start, or after one of these. */
    private static final Set<String> OPENERS = Set.of(",", "and", "but", "so", "now", "then", "because", "cause", "since", "yet", "plus",
            "still", "-", "--", ":", "after", "when", "while", "although", "though", "finally", "today", "tonight", "yesterday", "again");
    /** Where a clause ends: the next clause, an aside, a tag. */
    private static final Set<String> CLOSERS = Set.of(",", "but", "so", "because", "cause", "-", "--", ":", "(", "-lrb-", "and", "yet", "plus",
            "which", "lol", "smh", "though", "&", "...", "..", "…", "when", "while", "if", "unless", "as", "thanks", "thx", "please", "pls",
            "plz", "help", "anyone", "hashtag", "bc", "b/c", "cuz", "bcuz", "coz",
            // "my products hasn't arrived how does your company resolve this": a question starts after the trouble.
            "how", "why", "where");
    /** A sentence's end. */
    private static final Set<String> ENDS = Set.of(".", "!", "?", ";", "...", "..", "…");
    private static final Set<String> FIRST_PERSON = Set.of("i", "we");
    /** The brand's things a customer may say fail, retold as ours ("our app keeps crashing"). */
    private static final Set<String> OUR_THINGS = Set.of("app", "website", "site", "system", "systems", "page", "link", "links", "wifi", "wi-fi",
            "chat", "server", "servers", "kiosk", "kiosks", "checkout", "login", "portal", "emails", "notifications", "alerts", "phones", "lines");
    private static final Set<String> RUN_ON = Set.of("i", "we", "he", "she", "they", "it");
    static final Set<String> FIRST_OWNER = Set.of("my", "our");
    private static final Set<String> DETERMINERS = Set.of("the", "this", "that", "these", "those");
    /** A word fit to echo in the brand's mouth: letters, numbers, a code like LGA or a contraction. */
    private static final Pattern CLEAN = Pattern.compile("[A-Za-z][A-Za-z'-]*|\\d+(?:[.:,]\\d+)?(?:am|pm|hrs?|h|mins?|%)?|n't|'[a-z]{1,2}|\\$\\d+(?:\\.\\d\\d)?|"
            + "\\d+(?:st|nd|rd|th)|#?\\d+|%|"
            // A product's name with its number: "my PS4", "the A9", "iOS11".
            + "[A-Za-z]{1,6}\\d{1,4}[A-Za-z]{0,3}");

    private final Supplier<MaxentTagger> tagger;
    private final Set<String> careNouns;

    WhatHappened(Supplier<MaxentTagger> tagger, Set<String> careNouns) {
        this.tagger = tagger;
        this.careNouns = careNouns;
    }

    /** "still no bag", "no response yet": what has not come, said as a care agent would. */
    private static final Pattern STILL_NO = Pattern.compile(
            "(?i)\\b(still )?(no|haven'?t (had|got|received) (a|an|any|my|our)?) ?(sign of )?(my |our |the )?"
                    + "(bags?|luggage|suitcases?|refund|response|reply|answer|call ?back|update|confirmation|email|receipts?|invoice|voucher|credit|"
                    + "reimbursement|compensation|boarding pass)\\b(?! (is|are|was|were|fee|charge))");

    /** Whether the post says a refund or compensation was refused ("No refund because it doesn't qualify"). */
    static boolean refused(String text) {
        return text != null && REFUSED.matcher(text.replace('\u2019', '\'')).find();
    }

    private static final Pattern REFUSED = Pattern.compile("(?i)\\b(?:(?:refund|claim|request|compensation|reimbursement)s? (?:was|were|got|has been|have been|is) "
            + "(?:denied|declined|refused|rejected)|(?:denied|declined|refused|rejected) (?:my|the|a|our) (?:refund|claim|request|compensation|reimbursement)"
            + "|(?:does|did|do)(?:n'?t| not) qualify|not eligible|ineligible|(?:won'?t|will not|wouldn'?t|would not) (?:give|refund|issue|pay)"
            + "|no (?:refund|compensation|credit) (?:because|since|due))\\b");

    /**
     * Kept off a flight, said without a subject or with the brand's: "wouldn't let me on 3:05pm flight",
     * "they refused to let us board". It is the grievance, whatever the post says after it.
     */
    private static final Pattern KEPT_OFF = Pattern.compile("(?i)\\b(?:wouldn'?t|would not|didn'?t|did not|won'?t|will not|refused to) let (?:me|us) "
            + "(?:on|onto|board)\\b(?: (?:the |my |our |a |an )?((?:\\d{1,2}(?::\\d\\d)? ?(?:am|pm)?|earlier|later|next|first|connecting|standby) ?(?:flight|plane)))?");
    /** "Not auto-rebooked", "I wasn't rebooked": a cancellation's second failing. */
    private static final Pattern NOT_REBOOKED = Pattern.compile(
            "(?i)\\b(?:not|never|wasn'?t|weren'?t|haven'?t been|hasn'?t been|was not|were not|have not been) (?:auto-?|automatically )?re-?booked\\b");
    private static final Pattern CANCELLED = Pattern.compile("(?i)\\bcancel+(?:ed|led)\\b");
    /** "Password reset email is incredibly slow to arrive": a thing that keeps them waiting, named without "my". */
    private static final Pattern SLOW_TO = Pattern.compile("(?i)\\b(my |the |our )?((?:[a-z]+ ){0,2}(?:email|e-mail|refund|app|site|website|page|"
            + "confirmation|call ?back|reply|response|boarding pass|receipt))s? (?:is|are|has been|was|have been) (?:incredibly |really |very |so |super |extremely |painfully )?"
            + "slow(?: to (arrive|load|come|process|respond))?\\b");

    private static final Pattern FACT = Pattern.compile("(?i)\\bthe fact that ((?:my|our) [^.!?]{3,120}?) (?:is|was) (?:so |just |kind of |pretty |really |very |beyond )?"
            + "(?:ridiculous|unacceptable|annoying|frustrating|crazy|insane|absurd|a joke|infuriating|disgraceful|disgusting|pathetic)\\b");
    private static final Pattern NOT_LETTING = Pattern.compile("(?i)(?<!\\bnot )\\b(?:trying|tried|try) to ((?:[a-z]+ ){0,5}?[a-z]+) (?:and|but) (?:it'?s|its|it is|it) "
            + "(?:not letting|won'?t let|wouldn'?t let|doesn'?t let|didn'?t let|will not let|does not let) (?:me|us)\\b( [a-z]+)?");
    private static final Pattern UNMARKED = Pattern.compile("(?i)\\b(are|is|was|were|does|do|did|has|have|had|could|would|should)nt\\b");
    private static final Pattern WHY_DOES = Pattern.compile("(?i)\\b(?:why|how come) (?:does|do) ((?:my|our) [^?.!]{3,80}?)\\s*(?:[^\\w\\s?.!]\\s*)*\\?+");

    /** The best retelling, or empty when nothing in the post says plainly what went wrong. */
    Optional<String> find(String plain) {
        Optional<String> kept = keptOff(plain);
        if (kept.isPresent()) {
            return kept;
        }
        // "why does my phone keep freezing?" says what happens as plainly as "my phone keeps freezing";
        // "arent working" is "aren't working", as the tagger knows it.
        // "the fact that my laptop keeps shutting off is ridiculous" says as much as "my laptop keeps shutting off".
        String stated = UNMARKED.matcher(FACT.matcher(WHY_DOES.matcher(plain).replaceAll("$1.")).replaceAll("$1.")).replaceAll("$1n't");
        // "our system lost your booking" concedes what the brand did to the customer's thing before it knows: not ours to say.
        Optional<String> clause = clause(stated).map(WhatHappened::trimmed).filter(told -> !garbled(told, plain))
                .filter(told -> !(told.startsWith("our ") && told.matches("(?s).*\\byour\\b.*")));
        if (clause.isPresent()) {
            // "My flight was cancelled two weeks ago and I still haven't received my refund": what went wrong then is past,
            // what is still missing is the complaint now.
            return DATED_PAST.matcher(clause.get()).find() ? stillNo(plain).or(() -> clause) : clause;
        }
        // "trying to redeem a free tuesday code and its not letting me": what it won't let them do.
        // Not where the brand is the object ("trying to call you"), they were not trying, or it names another step ("won't let me pick a seat").
        java.util.regex.Matcher barred = NOT_LETTING.matcher(plain);
        if (barred.find() && (barred.group(2) == null || barred.group(2).strip().matches("(?i)\\w+ing|and|but|so|because|since|at|in|on|with|from|for|to|now|"
                + "again|anymore|either|though|even|this|it|that")) && java.util.Arrays.stream(barred.group(1).split(" ")).noneMatch(word -> UNREPEATABLE.matcher(word).matches()
                || word.toLowerCase(Locale.ROOT).matches("i|we|my|our|you|your|u|ur|y'all|yall|guys|us|me"))) {
            return Optional.of("it won't let you " + barred.group(1));
        }
        java.util.regex.Matcher slow = SLOW_TO.matcher(plain);
        if (slow.find() && java.util.Arrays.stream(slow.group(2).split(" ")).noneMatch(word -> UNREPEATABLE.matcher(word).matches())) {
            boolean theirs = slow.group(1) != null && FIRST_OWNER.contains(slow.group(1).strip().toLowerCase(Locale.ROOT));
            return Optional.of((theirs ? "your " : "the ") + slow.group(2).toLowerCase(Locale.ROOT) + " is taking so long"
                    + (slow.group(3) == null ? "" : " to " + slow.group(3).toLowerCase(Locale.ROOT)));
        }
        return stillNo(plain);
    }

    /** A retelling dated in the past: "two weeks ago", "last month", "yesterday". */
    private static final Pattern DATED_PAST = Pattern.compile("(?i)\\b(ago|last (week|month|year)|yesterday)\\b");

    /** What has still not come ("there's still no sign of your refund"), or empty. */
    private static Optional<String> stillNo(String plain) {
        java.util.regex.Matcher m = STILL_NO.matcher(plain);
        // "No refund because it doesn't qualify": a refund refused is no refund on its way.
        if (!m.find() || REFUSED.matcher(plain).find()) {
            return Optional.empty();
        }
        String thing = m.group(7).toLowerCase(Locale.ROOT).replace("callback", "call back");
        boolean yours = thing.matches("bags?|luggage|suitcases?|refund|confirmation|receipts?|invoice|voucher|credit|reimbursement|compensation|boarding pass");
        return Optional.of(yours ? "there's still no sign of your " + thing : "you still haven't had " + (thing.matches("[aeiou].*") ? "an " : "a ") + thing);
    }

    /**
     * A retelling trimmed of what the brand should not repeat. Who harmed them is left out (see {@link #VIOLENCE}).
     * "my laptop shuts off at 15% battery every time" is sorry that it shuts off at 15%: how often a thing fails is the customer's to
     * say. Told of the customer ("you get stuck here every time") it blames their habit, and is left for {@link #garbled} to refuse.
     */
    static String trimmed(String told) {
        // "you were assaulted by one of our gate agents": who did it is for a person to establish, not for the brand to say.
        told = told.replaceFirst("\\b(" + VIOLENCE + ")\\b.*$", "$1").replaceFirst("\\s+even$", "");
        if (told.startsWith("you ")) {
            return told;
        }
        // "my router doesn't always connect" keeps its "always".
        return told.replaceAll("\\s+(?:every ?time|all the time|every single time)$", "").replaceAll("(?<!n't|not|never)\\s+always\\b", "");
    }


    /** Kept off a flight, or not rebooked after a cancellation: the grievance a reply names first. */
    private static Optional<String> keptOff(String plain) {
        java.util.regex.Matcher m = KEPT_OFF.matcher(plain);
        if (m.find()) {
            return Optional.of(m.group(1) == null ? "you weren't allowed to board" : "you weren't allowed on the " + m.group(1).toLowerCase(Locale.ROOT));
        }
        if (NOT_REBOOKED.matcher(plain).find()) {
            return Optional.of(CANCELLED.matcher(plain).find() ? "your flight was cancelled and you weren't rebooked" : "you weren't rebooked");
        }
        return Optional.empty();
    }

    /**
     * Retellings that read wrong in the brand's mouth: "you" on both sides of a verb ("you can not provide you": the customer's "us"
     * turned into the brand's "you"), "was been", a reported verb run into a modal ("agents announce can't"), or a
     * word the customer ran together ("surgeryHELP").
     */
    private static final Pattern GARBLED = Pattern.compile("(?i)\\byou (?:\\w+ ){1,3}you\\b|\\b(was|were|is|are) been\\b|\\byou (?:\\w+ )?am\\b|"
            + "\\b(announce|announced|say|said|says|tell|told|claim|claimed|state|stated)s? (can'?t|cannot|can|won'?t|will)\\b|"
            // A clause whose object went missing: "you dealt with in Orlando", "you paid for hasn't worked".
            + "\\b(with|to|at|in|on|for) (in|at|on|to)\\b|"
            + "\\b(with|to|at|in|on|for|about) (has|have|had|is|was|were|are|does|did)(n'?t)?\\b|"
            // What a sign or an announcement says is not what happened: "the gate announcement states delay due to maintenance".
            + "^[\\w' ]{0,40}?\\b(states|says|announces|reads)\\b|"
            // A cancellation the customer wanted is no failure to be sorry for: "you tried to cancel your return flight".
            + "^you (tried|wanted|needed|want|need|were trying|are trying|had) to cancel\\b|"
            // Two verbs for one subject, a relative clause that lost its noun: "you have reserved for tomorrow has been cancelled".
            + "^you (have|had|'ve) \\w+ed\\b.{0,40}\\b(has|have|was|were) (been|\\w+ed)\\b|"
            // What keeps happening, told back, blames the customer's habit: "sorry you get stuck here every time".
            + "\\b(every ?time|always|all the time)\\b|"
            // A clause about a thing's own clause reads as a quote: "your luggage that also looked to be left in the snow".
            + "\\b\\w+ (that|which) (also |still |just )?\\w+ed\\b|"
            // A rule is no mishap to be sorry for: "the bulkhead seats can not have bags on the floor".
            + "^(the|a|an|those|these) [\\w' ]{1,30}?\\b(can not|cannot|can't|cant|may not|must not) (have|be|take|carry|hold)\\b");
    private static final Pattern RUN_TOGETHER = Pattern.compile("\\b[a-z]{3,}[A-Z]{2,}\\w*");

    /**
     * "you can't guarantee them a flight" told back is the brand's failing put in the customer's mouth, unless they said "I can't";
     * "can't get through" with no subject is the customer's own.
     */
    private static final Pattern YOU_CANNOT = Pattern.compile("(?i)^you (can'?t|cannot|can not|won'?t|couldn'?t|could not|will not) "
            + "(guarantee|provide|offer|give|tell|help|rebook|refund|answer|accommodate|seat|put|fly|send|confirm|promise|find (us|me|them|him|her))\\b");
    private static final Pattern I_CANNOT = Pattern.compile("(?i)\\b(i|we|i'?ve|we'?ve)\\b.{0,20}\\b(can'?t|cannot|can not|won'?t|couldn'?t|could not|will not)\\b");

    /**
     * "sorry you can't wait 2 hours": what the customer cannot do, told back, sounds as if the fault were theirs; only a
     * failure to get at something of ours ("you can't get through", "you can't log in") is retold.
     */
    private static final Pattern THEIR_OWN_CANNOT = Pattern.compile("(?i)\\byou (can'?t|cannot|can not|couldn'?t|could not) (?!(get|reach|log|sign|check|access|"
            + "find|book|board|print|use|change|cancel|see|load|open|select|pick|add|upgrade|pay|download|connect|hear|speak|talk|contact|call|make|receive|fly|leave|go|travel|return|"
            // "Can't order online": what we sell, out of reach.
            + "order|redeem|stream|install|update)\\b)");
    /** Text-speak a reply would parrot: "sorry you found tkt on floor". */
    private static final Pattern SHORTHAND = Pattern.compile("(?i)\\b(tkt|tix|pls|plz|ur|b4|thru|ppl|w/o|acct|resv|bc|cuz|smth|sth|govt|amt|bf|gf|hubs|rn|tmrw|tmw|2nite|2day)\\b");
    /** A problem denied is no problem: "I'm not missing one", "the box is not mine". */
    private static final Pattern DENIED = Pattern.compile("(?i)\\b(not|n't|never) (missing|mine|ours|lost|broken|damaged)\\b");
    /** A feeling acted out is no event: "trying not to scream", "about to cry". */
    private static final Pattern ACTED_OUT = Pattern.compile("(?i)\\b(scream\\w*|cry|crying|yell\\w*|lose (my|our) (mind|minds|cool|temper)|losing (my|our) (mind|minds))\\b");

    static boolean garbled(String told, String plain) {
        if (THEIR_OWN_CANNOT.matcher(told).find() || SHORTHAND.matcher(told).find() || ACTED_OUT.matcher(told).find()
                || DENIED.matcher(told).find()) {
            return true;
        }
        if (GARBLED.matcher(told).find() || YOU_CANNOT.matcher(told).find() && !I_CANNOT.matcher(plain).find()) {
            return true;
        }
        java.util.regex.Matcher m = RUN_TOGETHER.matcher(plain);
        while (m.find()) {
            if (told.toLowerCase(Locale.ROOT).contains(m.group().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> clause(String plain) {
        List<CoreLabel> tokens = PTBTokenizer.newPTBTokenizer(new StringReader(plain), false, true).tokenize();
        // PTBTokenizer's default factory gives CoreLabels that carry the text between tokens ("before").
        String best = null;
        int bestScore = 0;
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || ends(tokens.get(i).word())) {
                List<CoreLabel> sentence = tokens.subList(start, Math.min(i + 1, tokens.size()));
                boolean question = i < tokens.size() && tokens.get(i).word().contains("?");
                // "can't get through to anyone on the phone - advice?": only the last part asks.
                if (question) {
                    int cut = lastBreak(sentence);
                    if (cut > 2) {
                        sentence = sentence.subList(0, cut);
                        question = false;
                    }
                }
                // "why is the audio not syncing with the shows?", "why tf does my internet keep going down": asked, but said as plainly
                // as "the audio isn't syncing with the shows".
                boolean statement = !question && sentence.size() > 1;
                // Tagged once: the question's reordering and the statement's reading share the tags.
                List<TaggedWord> tagged = sentence.size() > 3 || statement ? tagger.get().tagSentence(sentence) : null;
                List<TaggedWord> stated = sentence.size() > 3 ? stated(tagged) : null;
                Candidate c = stated != null ? best(stated, true) : statement ? best(tagged, false) : null;
                if (c != null && c.score > bestScore) {
                    bestScore = c.score;
                    best = c.text;
                }
                start = i + 1;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A sentence's end, shouted too: "3 times!!!!", "really?!". */
    private static boolean ends(String word) {
        return ENDS.contains(word) || word.matches("[!?.]{2,}");
    }

    /** Where the last part of a sentence begins (a dash, a colon, a comma), or -1. */
    private static int lastBreak(List<CoreLabel> sentence) {
        for (int k = sentence.size() - 2; k > 0; k--) {
            if (Set.of("-", "--", ":", ",").contains(sentence.get(k).word())) {
                return k;
            }
        }
        return -1;
    }

    private record Candidate(String text, int score) {}

    /**
     * A clause whose subject is "it" or "they", retold with the customer's thing the sentence named
     * just before ("my order ... and it's not arrived" is "your order's not arrived"); null when there is
     * no such thing, or more than one.
     */
    private Candidate itsThing(List<TaggedWord> w, int i) {
        String first = w.get(i).word().toLowerCase(Locale.ROOT);
        if (i == 0 || !first.equals("it") && !first.equals("they")) {
            return null;
        }
        int owner = -1;
        int head = -1;
        for (int k = 0; k < i; k++) {
            if (FIRST_OWNER.contains(w.get(k).word().toLowerCase(Locale.ROOT))) {
                int h = nounPhrase(w, k + 1, Math.min(i, k + 4)).head();
                if (h >= 0 && careNouns.contains(w.get(h).word().toLowerCase(Locale.ROOT))) {
                    if (owner >= 0 && !w.get(head).word().equalsIgnoreCase(w.get(h).word())) {
                        return null; // two things: which one "it" is, is a guess
                    }
                    owner = k;
                    head = h;
                }
            }
        }
        if (head < 0 || first.equals("they") != w.get(head).tag().equals("NNS")) {
            return null;
        }
        List<TaggedWord> told = new ArrayList<>(w.subList(owner, head + 1));
        told.addAll(w.subList(i + 1, w.size()));
        int verb = subjectEnd(told, 0, false);
        return verb < 0 ? null : candidate(told, 0, verb, clauseEnd(told, verb), "");
    }

    /** Emphasis a customer adds and a retelling leaves out: "Dasher literally just drove right by my house". */
    private static final Set<String> FILLERS = Set.of("literally", "seriously", "honestly", "actually", "basically", "legit");

    /** Asking words a "why" may carry: "why tf", "why on earth", "why the hell". */
    private static final Set<String> ASKING_EXTRA = Set.of("tf", "on", "earth", "the", "hell", "exactly");
    /** The verbs a "why" question turns on. */
    private static final Set<String> QUESTION_AUX = Set.of("is", "are", "was", "were", "does", "do", "did", "has", "have", "ca", "can", "wo", "will",
            "could");
    /** "why did I get charged twice" is "I got charged twice": the past tenses a "did" question asks about most. */
    private static final java.util.Map<String, String> PAST = java.util.Map.ofEntries(java.util.Map.entry("get", "got"),
            java.util.Map.entry("lose", "lost"), java.util.Map.entry("take", "took"), java.util.Map.entry("send", "sent"),
            java.util.Map.entry("leave", "left"), java.util.Map.entry("pay", "paid"), java.util.Map.entry("go", "went"),
            java.util.Map.entry("miss", "missed"), java.util.Map.entry("stop", "stopped"), java.util.Map.entry("break", "broke"),
            java.util.Map.entry("charge", "charged"), java.util.Map.entry("cancel", "cancelled"), java.util.Map.entry("crash", "crashed"));
    /** Where a "why" question's subject may begin. */
    private static final Set<String> ASKED_SUBJECT = Set.of("my", "our", "the", "this", "i", "we", "your");

    /**
     * A "why" question about the customer's trouble put as a statement ("why won't my app load" is "my app won't load", "why does
     * my phone keep freezing" "my phone keep freezing", agreed later), or null when the sentence is no such question.
     */
    private List<TaggedWord> stated(List<TaggedWord> w) {
        int k = 0;
        while (k < w.size() && w.get(k).word().matches("(?i)handle|so|but|and|hey|ok|okay|,|:|-")) {
            k++;
        }
        if (k + 3 >= w.size()) {
            return null;
        }
        // "how come my bag didn't make the connection" asks in a statement's order.
        if (w.get(k).word().equalsIgnoreCase("how") && w.get(k + 1).word().equalsIgnoreCase("come")) {
            return ASKED_SUBJECT.contains(w.get(k + 2).word().toLowerCase(Locale.ROOT)) ? endStated(new ArrayList<>(w.subList(k + 2, w.size()))) : null;
        } else if (!w.get(k).word().equalsIgnoreCase("why")) {
            return null;
        }
        k++;
        while (k + 1 < w.size() && (ASKING_EXTRA.contains(w.get(k).word().toLowerCase(Locale.ROOT))
                && !w.get(k).word().equalsIgnoreCase("the") || w.get(k).word().equalsIgnoreCase("the") && w.get(k + 1).word().equalsIgnoreCase("hell"))) {
            k++;
        }
        if (k + 2 >= w.size() || !QUESTION_AUX.contains(w.get(k).word().toLowerCase(Locale.ROOT))) {
            return null;
        }
        TaggedWord aux = w.get(k++);
        TaggedWord not = null;
        if (w.get(k).word().matches("(?i)n't|not")) {
            not = w.get(k++);
        }
        int subject = k;
        String first = w.get(k).word().toLowerCase(Locale.ROOT);
        if (!ASKED_SUBJECT.contains(first)) {
            return null;
        }
        k++;
        if (!FIRST_PERSON.contains(first)) {
            int head = -1;
            while (k < w.size() && k < subject + 5 && (w.get(k).tag().startsWith("NN") || w.get(k).tag().startsWith("JJ") || w.get(k).tag().equals("CD")
                    || w.get(k).tag().equals("POS"))) {
                if (w.get(k).tag().startsWith("NN")) {
                    head = k;
                }
                k++;
            }
            if (head < 0) {
                return null;
            }
            // "why won't my app load the boarding pass": after a modal or "do" a verb must follow; the tagger read it as a noun.
            boolean verbFollows = !aux.word().matches("(?i)is|are|was|were|has|have");
            if (verbFollows && head == k - 1 && head > subject + 1 && (k >= w.size() || !w.get(k).tag().startsWith("VB") && !w.get(k).word().matches("(?i)n't|not"))
                    && w.get(head).tag().equals("NN")) {
                w = new ArrayList<>(w);
                w.set(head, new TaggedWord(w.get(head).word(), "VB"));
                k = head;
            }
        }
        int rest = k;
        if (not == null && rest < w.size() && w.get(rest).word().matches("(?i)not|n't")) {
            not = w.get(rest++);
        }
        boolean doSupport = aux.word().matches("(?i)does|do|did");
        // "why did my order get cancelled" needs a past tense this cannot form; "why didn't it" and "why does it" can.
        if (rest >= w.size()) {
            return null;
        }
        if (doSupport && not == null && aux.word().equalsIgnoreCase("did")) {
            String past = PAST.get(w.get(rest).word().toLowerCase(Locale.ROOT));
            if (past == null) {
                return null;
            }
            List<TaggedWord> told = new ArrayList<>(w.subList(subject, k));
            told.add(new TaggedWord(past, "VBD"));
            told.addAll(w.subList(rest + 1, w.size()));
            return endStated(told);
        }
        List<TaggedWord> told = new ArrayList<>(w.subList(subject, k));
        if (!doSupport || not != null) {
            told.add(aux);
        }
        if (not != null) {
            told.add(not.word().equalsIgnoreCase("not") && !aux.word().matches("(?i)ca|wo") ? not : new TaggedWord("n't", "RB"));
        }
        told.addAll(w.subList(rest, w.size()));
        return endStated(told);
    }

    /** The question mark a statement does without. */
    private static List<TaggedWord> endStated(List<TaggedWord> told) {
        told.replaceAll(t -> t.word().matches("[?!]*\\?[?!]*") ? new TaggedWord(".", ".") : t);
        return told;
    }

    /** @param asked a question put as a statement: its subject ("the audio") may be any thing, the question named it */
    private Candidate best(List<TaggedWord> tagged, boolean asked) {
        List<TaggedWord> w = new ArrayList<>(tagged);
        w.removeIf(t -> t.tag().startsWith("RB") && FILLERS.contains(t.word().toLowerCase(Locale.ROOT)));
        Candidate best = null;
        for (int i = 0; i < w.size(); i++) {
            String prev = i == 0 ? "" : w.get(i - 1).word().toLowerCase(Locale.ROOT);
            // "4 help desks told me the flight had already left": whoever told them, wherever they are named.
            Candidate heard = hearsay(w, i);
            if (heard != null && (best == null || heard.score > best.score)) {
                best = heard;
            }
            if (i > 0 && !OPENERS.contains(prev) && !runOnStart(w, i)) {
                continue;
            }
            // "sorry we don't deliver to your area!": the brand's own notice, quoted.
            if (prev.equals("sorry") || prev.equals("apologies")) {
                continue;
            }
            // "warm the plane so the flight isn't delayed": after a wish or an instruction, "so" opens a purpose, not what happened.
            if (prev.equals("so") && w.subList(0, i).stream().anyMatch(t -> t.tag().equals("MD") || t.tag().equals("TO") || t.tag().equals("VB"))) {
                continue;
            }
            Candidate passive = BrandDidIt.retold(w, i).map(t -> candidate(t.words(), 0, t.verb(), t.end(), "")).orElse(null);
            if (passive != null && (best == null || passive.score > best.score)) {
                best = passive;
            }
            // "my order was due today and it's not arrived": "it" is the customer's thing named before.
            Candidate resolved = itsThing(w, i);
            if (resolved != null && (best == null || resolved.score > best.score)) {
                best = resolved;
            }
            int verb = subjectEnd(w, i, asked && i == 0);
            // "my laptop that I haven't even had for two years keeps shutting off": the thing, without what the customer adds about it.
            List<TaggedWord> unqualified = verb < 0 ? withoutRelative(w, i) : null;
            if (unqualified != null) {
                int v = subjectEnd(unqualified, i, false);
                Candidate c = v < 0 ? null : candidate(unqualified, i, v, clauseEnd(unqualified, v), "");
                if (c != null && (best == null || c.score > best.score)) {
                    best = c;
                }
                continue;
            }
            // "After waiting in all day, ...": a clause of time is the background, and its implied subject its tense too.
            String implied = verb < 0 && !Set.of("after", "when", "while", "since", "before").contains(prev) ? impliedSubject(w, i) : "";
            if (verb < 0 && implied.isEmpty()) {
                continue;
            }
            if (verb < 0) {
                verb = i;
            }
            int end = clauseEnd(w, verb);
            Candidate c = candidate(w, i, verb, end, implied);
            // "My DVR is fucking up and won't let me record hocus pocus", "I purchased the map pack but didn't get my supply
            // drops": where the first verb says nothing to retell, a later one of the same subject may.
            if (c == null && implied.isEmpty()) {
                c = laterVerb(w, i, verb, end);
            }
            if (c != null && (best == null || c.score > best.score)) {
                best = c;
            }
        }
        return best;
    }

    private static final Pattern SHOUTED = Pattern.compile("\\b[A-Z]{3,}\\b");

    /**
     * The words with a relative clause after the customer's thing left out ("my laptop [that I haven't even had for two
     * years] keeps shutting off", "these sausages [I purchased from you] taste awful"), or null where there is none: the
     * thing's noun is followed by "that" or "which" and "I" or "we", or by "I" or "we" and a verb, and a verb of its own
     * follows the clause's within ten words.
     */
    private List<TaggedWord> withoutRelative(List<TaggedWord> w, int i) {
        String first = w.get(i).word().toLowerCase(Locale.ROOT);
        if (!FIRST_OWNER.contains(first) && !DETERMINERS.contains(first)) {
            return null;
        }
        Phrase thing = nounPhrase(w, i + 1, Math.min(w.size(), i + 4));
        int j = thing.end();
        int head = thing.head();
        if (head < 0 || !careNouns.contains(w.get(head).word().toLowerCase(Locale.ROOT)) || j + 2 >= w.size()) {
            return null;
        }
        int k = j;
        if (w.get(k).word().matches("(?i)that|which")) {
            k++;
        }
        if (!FIRST_PERSON.contains(w.get(k).word().toLowerCase(Locale.ROOT)) || !w.get(k + 1).tag().startsWith("VB")
                // "the bag I thought was lost turned up": the next verb is what they thought, not what the thing did.
                || w.get(k + 1).word().matches("(?i)think|thought|believe|believed|assume|assumed|figured|guess|guessed|said|say|heard|hear|"
                        + "know|knew|was|were|hoped|hope|expected|expect|felt|feel|told|swore|swear")) {
            return null;
        }
        // Past the clause's verb to the next finite verb that no helper leads to ("have n't even had" is one verb,
        // "checked never showed up" two), its adverbs kept ("never showed up").
        for (int m = k + 2; m < w.size() && m <= j + 10; m++) {
            String word = w.get(m).word().toLowerCase(Locale.ROOT);
            if (ends(word) || CLOSERS.contains(word)) {
                return null;
            }
            int before = m - 1;
            while (before > k && w.get(before).tag().startsWith("RB")) {
                before--;
            }
            if (w.get(m).tag().matches("VBZ|VBD|VBP|MD") && !w.get(before).tag().startsWith("PRP") && !w.get(before).tag().equals("TO")
                    && !AUXILIARIES.contains(w.get(before).word().toLowerCase(Locale.ROOT))) {
                List<TaggedWord> out = new ArrayList<>(w.subList(0, head + 1));
                out.addAll(w.subList(before + 1, w.size()));
                return out;
            }
        }
        return null;
    }

    /** Nouns and adjectives from {@code from} up to {@code end} (exclusive): the last noun's index, or -1, and where they stop. */
    private record Phrase(int head, int end) {}

    private static Phrase nounPhrase(List<TaggedWord> w, int from, int end) {
        int j = from;
        int head = -1;
        while (j < end && (w.get(j).tag().startsWith("NN") || w.get(j).tag().startsWith("JJ"))) {
            if (w.get(j).tag().startsWith("NN")) {
                head = j;
            }
            j++;
        }
        return new Phrase(head, j);
    }

    /** The subject's later verb after "and" or "but" in the same sentence, retold with the subject, or null. */
    private Candidate laterVerb(List<TaggedWord> w, int subject, int verb, int end) {
        // "I wish I could've slept 2 hours more and let my friend know": a later verb under a wish or a modal is no event.
        if (w.subList(subject, end + 1).stream().anyMatch(t -> t.tag().equals("MD") || OPINION.contains(t.word().toLowerCase(Locale.ROOT)))) {
            return null;
        }
        for (int k = end + 1; k + 1 < w.size(); k++) {
            String word = w.get(k).word().toLowerCase(Locale.ROOT);
            if (ends(word)) {
                return null;
            }
            if (!word.equals("and") && !word.equals("but")) {
                continue;
            }
            int next = k + 1;
            while (next < w.size() && w.get(next).tag().startsWith("RB") && next < k + 3) {
                next++;
            }
            if (next >= w.size() || !(w.get(next).tag().startsWith("VB") || w.get(next).tag().equals("MD"))) {
                continue;
            }
            List<TaggedWord> told = new ArrayList<>(w.subList(subject, verb));
            told.addAll(w.subList(k + 1, w.size()));
            int laterVerb = verb - subject;
            Candidate c = candidate(told, 0, laterVerb, clauseEnd(told, laterVerb), "");
            // "...still haven't left the ground BAD SERVICE": shouting run on into the clause is no retelling; the thing's own
            // name in capitals ("my DVR") is no shouting.
            String subjectWords = String.join(" ", w.subList(subject, verb).stream().map(TaggedWord::word).toList());
            if (c != null && SHOUTED.matcher(c.text()).results().allMatch(r -> subjectWords.contains(r.group()))) {
                return c;
            }
        }
        return null;
    }

    /** Who may tell a customer something: "they said", "the agent told me", "I was told". */
    private static final Pattern TELLER = Pattern.compile("(?i)they|he|she|agents?|staff|reps?|someone|somebody|desks?|counter|crew|attendants?|"
            + "people|representatives?|employees?");

    /**
     * What the customer was told that went wrong, retold as "you were told ...": "they said they
     * can't help me and it's out of their hands" is "you were told they can't help you". Only a
     * refusal or a problem is retold; a promise ("told me it would be there by 8") is not ours to repeat.
     */
    private Candidate hearsay(List<TaggedWord> w, int i) {
        String first = w.get(i).word().toLowerCase(Locale.ROOT);
        int j;
        if (FIRST_PERSON.contains(first) && i + 2 < w.size() && w.get(i + 1).word().matches("(?i)was|were|got|'ve|have")) {
            j = i + 2;
            if (w.get(j).word().matches("(?i)been") && j + 1 < w.size()) {
                j++;
            }
            if (!w.get(j).word().equalsIgnoreCase("told")) {
                return null;
            }
            j++;
        } else if (TELLER.matcher(first).matches() && i + 1 < w.size() && w.get(i + 1).word().matches("(?i)said|says|told|tells")) {
            j = i + 2;
            if (w.get(i + 1).word().matches("(?i)told|tells")) {
                if (j >= w.size() || !w.get(j).word().matches("(?i)me|us")) {
                    return null;
                }
                j++;
            }
        } else {
            return null;
        }
        if (j < w.size() && w.get(j).word().equalsIgnoreCase("that")) {
            j++;
        }
        if (j + 2 >= w.size()) {
            return null;
        }
        int verb = -1;
        for (int k = j; k < Math.min(w.size(), j + 4); k++) {
            if (w.get(k).tag().startsWith("VB") || w.get(k).tag().equals("MD")) {
                verb = k;
                break;
            }
        }
        // "said cancel on the PA": what was said needs its own subject (or "to").
        if (verb <= j) {
            return null;
        }
        int end = clauseEnd(w, verb);
        int words = end - j + 1;
        if (words < MIN_WORDS || words > 10) {
            return null;
        }
        boolean refused = false;
        for (int k = j; k <= end; k++) {
            String lower = w.get(k).word().toLowerCase(Locale.ROOT);
            if (!CLEAN.matcher(w.get(k).word()).matches() || UNREPEATABLE.matcher(lower).matches() || HEDGED.matcher(lower).matches()) {
                return null;
            }
            // "would be there by 8", "will call back": a promise, not what went wrong.
            if (w.get(k).tag().equals("MD") && !(k + 1 <= end && w.get(k + 1).word().matches("(?i)n't|not"))) {
                return null;
            }
            refused |= TROUBLE.matcher(lower).matches();
        }
        if (!refused || Set.of("DT", "IN", "CC", "TO", "PRP$", "WDT", "WRB", "MD").contains(w.get(end).tag()) || w.get(end).word().equals("n't")) {
            return null;
        }
        String told = Retelling.retell(w, j, end, verb, "");
        return told == null ? null : new Candidate("you were told " + told, 5);
    }

    /** Where a clause that follows no opener may begin: "I" or "my" after a phrase it does not belong to ("due to gate agents I missed..."). */
    private static final Set<String> EMBEDDING = Set.of("if", "that", "what", "whether", "unless", "until", "where", "how", "why", "which", "who");

    private static boolean runOnStart(List<TaggedWord> w, int i) {
        String word = w.get(i).word().toLowerCase(Locale.ROOT);
        String prev = w.get(i - 1).word().toLowerCase(Locale.ROOT);
        String prevTag = w.get(i - 1).tag();
        if (EMBEDDING.contains(prev)) {
            return false;
        }
        // "I" and "we" are a subject, unless a question puts them after the verb ("am I still charged");
        // "my" after a verb, a preposition or "to" is the object's ("I want my account closed", "to my gate").
        return FIRST_PERSON.contains(word) && !prevTag.startsWith("VB") && !prevTag.equals("MD")
                || FIRST_OWNER.contains(word) && !prevTag.equals("IN") && !prevTag.equals("TO") && !prevTag.startsWith("VB") && !prevTag.equals("MD");
    }

    /** The index of the first verb after a subject that starts at i ("I", "we", "my bag", "the app"), or -1. */
    private int subjectEnd(List<TaggedWord> w, int i, boolean anyThing) {
        String first = w.get(i).word().toLowerCase(Locale.ROOT);
        int j;
        if (FIRST_PERSON.contains(first)) {
            j = i + 1;
        } else if (FIRST_OWNER.contains(first) || DETERMINERS.contains(first)) {
            j = i + 1;
            int head = -1;
            // "our checked bag": a participle before a noun describes it.
            while (j < w.size() && j < i + 5 && (w.get(j).tag().startsWith("NN") || w.get(j).tag().startsWith("JJ") || w.get(j).tag().equals("CD")
                    || w.get(j).tag().equals("POS") || w.get(j).word().equals("-")
                    || w.get(j).tag().matches("VBN|VBG") && j + 1 < w.size() && w.get(j + 1).tag().startsWith("NN"))) {
                if (w.get(j).tag().startsWith("NN")) {
                    head = j;
                }
                j++;
            }
            if (head < 0 || DETERMINERS.contains(first) && !anyThing && !careNouns.contains(w.get(head).word().toLowerCase(Locale.ROOT))) {
                return -1;
            }
        } else if (first.equals("your") || first.equals("ur")) {
            // "your website is always down", "your app keeps crashing on login": the brand's own thing, retold as ours; never
            // its people ("your agents were rude" is not the brand's to concede before it knows).
            Phrase thing = nounPhrase(w, i + 1, Math.min(w.size(), i + 3));
            j = thing.end();
            int head = thing.head();
            if (head < 0 || !OUR_THINGS.contains(w.get(head).word().toLowerCase(Locale.ROOT))) {
                return -1;
            }
        } else if (w.get(i).tag().startsWith("NN") && !w.get(i).tag().startsWith("NNP")) {
            // "Gate agents were rude", "bags still not here": a care thing named bare, retold as "the gate agents".
            j = i;
            int head = -1;
            while (j < w.size() && j < i + 3 && w.get(j).tag().startsWith("NN") && !w.get(j).tag().startsWith("NNP")) {
                head = j;
                j++;
            }
            if (head < 0 || !careNouns.contains(w.get(head).word().toLowerCase(Locale.ROOT))) {
                return -1;
            }
        } else {
            return -1;
        }
        // "I still haven't", "my bag never arrived": adverbs may stand before the verb.
        while (j < w.size() && w.get(j).tag().startsWith("RB") && j < i + 7) {
            j++;
        }
        return j < w.size() && (w.get(j).tag().startsWith("VB") || w.get(j).tag().equals("MD")) ? j : -1;
    }

    /** The last index of the clause whose verb is at {@code verb}. */
    static int clauseEnd(List<TaggedWord> w, int verb) {
        int k = verb + 1;
        while (k < w.size()) {
            String word = w.get(k).word().toLowerCase(Locale.ROOT);
            // A run-on ("I was denied boarding it sat at the gate"): a new subject starts a new clause.
            if (k > verb + 1 && RUN_ON.contains(word) && !Set.of("IN", "TO").contains(w.get(k - 1).tag()) && !w.get(k - 1).tag().startsWith("VB")) {
                break;
            }
            // "my internet keeps going down this is bullshit": "this is" starts the customer's verdict on it.
            if (k > verb + 1 && word.equals("this") && k + 1 < w.size() && w.get(k + 1).word().matches("(?i)is|was|'s")) {
                break;
            }
            // "can't help me": "help" after a modal or a "not" is the verb, not a cry for help.
            boolean verbHelp = word.equals("help") && w.get(k - 1).word().matches("(?i)n't|not|to|ca|can|could|would|will|wo")
                    // "no idea how to help": the idea's object, not a question after the trouble.
                    || word.equals("how") && w.get(k - 1).word().matches("(?i)idea|clue|know|knows|knew") && k + 1 < w.size() && w.get(k + 1).word().equals("to");
            if (ends(word) || CLOSERS.contains(word) && !verbHelp && !(word.equals("and") && k + 1 < w.size() && w.get(k + 1).tag().startsWith("VB"))) {
                break;
            }
            k++;
        }
        return k - 1;
    }

    /**
     * Twitter leaves the customer out ("Been on hold for 2 hours", "Still waiting on my refund",
     * "Can't check in"): the subject those forms can only mean, or empty. A bare past tense
     * ("Cancelled my flight") could be either side's doing and is left alone.
     */
    private static String impliedSubject(List<TaggedWord> w, int i) {
        String word = w.get(i).word().toLowerCase(Locale.ROOT);
        String next = i + 1 < w.size() ? w.get(i + 1).word().toLowerCase(Locale.ROOT) : "";
        if (word.equals("been")) {
            return "you've";
        }
        // Only what a customer does while things go wrong: "Cancelling flights 45 minutes before takeoff" is the airline's doing.
        // "for still getting me to DC": somebody doing something for the customer, with them as its object, is no plight of theirs.
        String object = word.equals("still") ? (i + 2 < w.size() ? w.get(i + 2).word().toLowerCase(Locale.ROOT) : "") : next;
        if ((word.equals("still") && CUSTOMER_DOING.matcher(next).matches() || CUSTOMER_DOING.matcher(word).matches()) && !object.matches("me|us")) {
            return "you're";
        }
        // "Can't wait to fly again" is joy.
        String after = i + 2 < w.size() ? w.get(i + 2).word().toLowerCase(Locale.ROOT) : "";
        if (((word.equals("ca") || word.equals("could")) && next.equals("n't") || word.equals("can") && next.equals("not")) && !after.equals("wait")) {
            return "you";
        }
        return "";
    }

    private Candidate candidate(List<TaggedWord> w, int start, int verb, int end, String implied) {
        int words = end - start + 1;
        if (words < MIN_WORDS || words > MAX_WORDS) {
            return null;
        }
        String firstWord = implied.isEmpty() ? w.get(start).word().toLowerCase(Locale.ROOT) : "i";
        // Past the auxiliaries to the word that says what happened: "I have been waiting", "my bag is still in CLT".
        int main = verb;
        while (main <= end && (AUXILIARIES.contains(w.get(main).word().toLowerCase(Locale.ROOT)) || w.get(main).tag().startsWith("RB")
                || w.get(main).word().matches("(?i)wo|will|would") && main + 1 <= end && w.get(main + 1).word().matches("(?i)n't|not")
                        && !FIRST_PERSON.contains(firstWord) && w.subList(start, main).stream().noneMatch(t -> PEOPLE.contains(t.word().toLowerCase(Locale.ROOT)))
                || GET.contains(w.get(main).word().toLowerCase(Locale.ROOT)) && main + 1 <= end && w.get(main + 1).tag().equals("VBN"))) {
            main++;
        }
        if (main > end) {
            return null;
        }
        String said = w.get(main).word().toLowerCase(Locale.ROOT);
        String saidTag = w.get(main).tag();
        // "I get extended hold times in bad weather": what usually happens, said to concede it.
        if (GET.contains(said) && saidTag.equals("VBP")) {
            return null;
        }
        // "I think", "I want", "we were told", "my seat is great": a view, a wish or hearsay, not an event.
        // "I'm not a caffeine drinker", "I have a sick relative": what someone is or has, not what happened.
        if (OPINION.contains(said) || saidTag.startsWith("JJ") && !TROUBLE.matcher(said).matches()
                || (saidTag.equals("DT") || saidTag.equals("PRP$") || saidTag.startsWith("NN") || saidTag.equals("CD")) && main > verb
                && w.subList(verb, main).stream().allMatch(t -> AUXILIARIES.contains(t.word().toLowerCase(Locale.ROOT)) || t.tag().startsWith("RB"))
                && !w.subList(verb, main).stream().anyMatch(t -> t.word().toLowerCase(Locale.ROOT).matches("did|do|does"))) {
            return null;
        }
        // "I'm never using Acme again", "we won't be flying again": a threat to leave, not something that happened.
        boolean negated = w.subList(verb, main).stream().anyMatch(t -> t.word().matches("(?i)never|not|n't"));
        // A thing that is not working again ("my texts aren't working again") is trouble, not a threat.
        if (negated && (saidTag.equals("VBG") || saidTag.equals("VB")) && FIRST_PERSON.contains(firstWord)
                && w.subList(main, end + 1).stream().anyMatch(t -> t.word().equalsIgnoreCase("again"))) {
            return null;
        }
        int score = 0;
        boolean trouble = false;
        boolean negationOnly = true;
        int care = 0;
        for (int k = start; k <= end; k++) {
            String word = w.get(k).word();
            String lower = word.toLowerCase(Locale.ROOT);
            if (!CLEAN.matcher(word).matches() || UNREPEATABLE.matcher(lower).matches()) {
                return null;
            }
            // Modal wishes and plans anywhere ("my bag should have", "we would like") are not events.
            // "My app won't load", "the card wouldn't go through": a thing that refuses to work is trouble, a person's "won't" a threat.
            boolean refuses = lower.matches("wo|will|would") && k + 1 <= end && w.get(k + 1).word().matches("(?i)n't|not")
                    && !FIRST_PERSON.contains(firstWord) && w.subList(start, k).stream().noneMatch(t -> PEOPLE.contains(t.word().toLowerCase(Locale.ROOT)));
            if (w.get(k).tag().equals("MD") && !lower.matches("ca|can|could") && !refuses) {
                return null;
            }
            // "I can send a screenshot" offers, "I can't check in" is the trouble.
            if (lower.matches("can|could") && !(k + 1 <= end && w.get(k + 1).word().matches("n't|not"))) {
                return null;
            }
            // "stopped working" is the thing's trouble; "I stopped ordering" the customer's choice.
            if (lower.matches("stopped|stops|quit") && k < end && w.get(k + 1).word().matches("(?i)working|responding|loading|charging|syncing|playing|updating")) {
                trouble = true;
                negationOnly = false;
            }
            // "I cancelled my order", "we cancelled our trip": the customer's own choice, not what went wrong (the charge after it is).
            boolean ownChoice = k == main && lower.startsWith("cancel") && FIRST_PERSON.contains(firstWord)
                    && w.subList(verb, main).stream().noneMatch(t -> t.word().matches("(?i)was|were|got|get|gets|been|be|is|are|am|'m|'re"));
            // "I flew you Sat morning": Saturday, not sitting.
            if (TROUBLE.matcher(lower).matches() && !word.equals("Sat") && !ownChoice) {
                trouble = true;
                negationOnly &= NEGATION.matcher(lower).matches();
            }
            if (careNouns.contains(lower)) {
                care++;
            }
            if (w.get(k).tag().equals("CD") || w.get(k).tag().startsWith("NNP") && k > start) {
                score++;
            }
        }
        String last = w.get(end).tag();
        boolean named = w.subList(start, end + 1).stream().anyMatch(t -> t.tag().startsWith("NN") || t.tag().equals("CD"));
        // "you've received no", "you missed it": cut short, or about nothing the customer can recognise.
        // "you didn't make any changes": a "not" alone says something went wrong only about a care matter.
        String joined = String.join(" ", w.subList(start, end + 1).stream().map(TaggedWord::word).toList());
        // "we've been on the runway for over an hour": the time is the trouble.
        if (!trouble && DURATION.matcher(joined).find()) {
            trouble = true;
            negationOnly = false;
        }
        // "I didn't get the VC", "the delivery didn't show up": a "not" on a thing that never came or does not work is trouble whatever the thing.
        boolean neverCame = negationOnly && (NOT_COME.matcher(said).matches() && w.subList(verb, main).stream().anyMatch(t -> NEGATION.matcher(t.word()).matches())
                // "I ordered chips and queso and I got no chips": what came without it.
                || java.util.stream.IntStream.range(main, end).anyMatch(k -> w.get(k).word().matches("(?i)got|received")
                        && w.get(k + 1).word().matches("(?i)no|none")));
        // "I don't have your service": what someone has not got is a state, not what went wrong.
        boolean notHaving = false;
        for (int k = verb; k <= Math.min(main, end) && negationOnly; k++) {
            boolean nextIsVerb = k + 1 <= end && (w.get(k + 1).tag().startsWith("VB") || w.get(k + 1).word().matches("(?i)been|got|gotten|n't|not"));
            notHaving |= w.get(k).word().matches("(?i)have|has|own|owns|use|uses|need|needs") && !nextIsVerb;
        }
        if (!trouble || notHaving || negationOnly && care == 0 && !neverCame || !named || TEXT_SPEAK.matcher(joined).matches() || Set.of("DT", "IN", "CC", "TO", "PRP$", "WDT", "WRB").contains(last)
                || HEDGED.matcher(joined).matches()) {
            return null;
        }
        score += 4 + Math.min(care, 2) * 2;
        if (FIRST_OWNER.contains(firstWord)) {
            score += 2;
        }
        // Shorter retellings read better; long ones crowd the reply.
        score -= Math.max(0, words - 9) / 2;
        String text = Retelling.retell(w, start, end, verb, implied);
        return text == null ? null : new Candidate(text, score);
    }
}
