package org.careloop.care;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a post says that changes how a reply is worded: a question asked, a booking reference given, a
 * trip of the customer's own, good news, an occasion, a fan's moment, a post too short to say what
 * went wrong. Read from the text alone, so the drafter only composes.
 *
 * <p>Long on purpose: each reading is a short pattern with the posts it was written for, and they are
 * checked against each other (a question is no complaint tag, a reference no flight number); apart,
 * that would be lost.
 */
final class PostSays {

    private static final Pattern PLAYFUL = Pattern.compile("(😂|🤣|😄|😆|😍|🎉|🙌|😎|❤️|💙|💯|👏|🔥|\\blol\\b|\\bhaha\\w*|\\blmao\\b|!{2,}|\\bso excited\\b|can'?t wait)",
            Pattern.CASE_INSENSITIVE);

    /** What people praise: the crew, the service, the flight; not the card a refund went back to. */
    private static final Pattern PRAISED = Pattern.compile(
            "(?i)\\b(crew|staff|team|agents?|attendants?|pilots?|service|flight|lounge|seats?|meals?|food|upgrade|app|check-in|boarding|landing|bags)\\b");

    /**
     * Staff named by role alone: thanked, they are the people to pass it on to; apologised for ("sorry about the agent",
     * "sorry about our crew") the echo says nothing of what happened and reads as blaming them.
     */
    private static final Pattern STAFF_ONLY = Pattern.compile(
            "(?i)(the|your|our) ((gate|ticket|counter|check-in|customer service|ground|flight|cabin|airport|hardworking) )?"
                    + "(agents?|crew|staff|attendants?|employees?|reps?|pilots?|captain|people|team|personnel)");

    /** A booking, order or case reference the customer already gave: the reply does not ask for it again. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(?i:order|booking|reservation|confirmation|case|ref|reference|record locator|pnr|tracking|e-?ticket|ticket)\\s*(?:#|no\\.?|number|code)?\\s*:?\\s*(?=[A-Za-z-]*\\d)[A-Za-z0-9-]{5,}"
                    // Bag tags as printed: "tag numbers 0016 964012".
                    + "|\\b(?i:bag |baggage )?(?i:tag) ?(?i:numbers?|nos?\\.?|#)\\s*:?\\s*\\d{4}"
                    // A record locator is six letters, digits or not: "record locator oaaret".
                    + "|\\b(?i:record locator|pnr|confirmation code|booking code)\\s*(?:#|is)?\\s*:?\\s*[A-Za-z0-9]{6}\\b"
                    // "Confirm # USXLON": six capitals after a confirmation sign are the locator, with or without digits.
                    + "|\\b(?i:confirm(?:ation)?|conf|booking|reservation)\\s*(?:#|no\\.?|number)\\s*:?\\s*[A-Z0-9]{6}\\b"
                    // "Conf EBHSET": the short for confirmation, then six capitals, is a locator without any sign.
                    + "|\\b(?i:conf)\\.?:?\\s+[A-Z0-9]{6}\\b"
                    // A ticket number as airlines print it: thirteen digits.
                    + "|\\b\\d{13}\\b"
                    // A booking code as airlines print it: six capitals and digits, both kinds.
                    // (Not a flight number in its airline's code: "UA3728".)
                    + "|\\b(?!(?:UA|AA|DL|WN|B6|VX|US|AS|NK|F9)\\d{3,4}\\b)(?=[A-Z]*\\d)(?=\\d*[A-Z])[A-Z0-9]{6}\\b");

    /** A question mark, or a sentence that opens as a question does. */
    private static final Pattern ASKS = Pattern.compile("(?i)\\?|(^|[.!]\\s+)(@\\w+\\s+)*(how|what|when|where|why|who|which|is|are|can|could|do|does|"
            + "did|will|would|should|any)\\b(?!\\s+do\\b)");

    /**
     * A question about the customer's own trip ("is there a delay on our connection?", "info on flt 681?"): the answer is in
     * their booking, so the reply asks for it in private instead of promising a public answer.
     */
    private static final Pattern OWN_TRIP = Pattern.compile("(?i)\\b(my|our|his|her|their)\\s+(\\w+\\s+)?(flights?|booking|reservation|tickets?|bags?|luggage|"
            + "suitcase|seats?|connection|connecting flight|trip|itinerary|upgrade|refund|claim|vouchers?|credit|miles|points|confirmation( numbers?| codes?)?)\\b"
            + "|\\b(flight|flt|fl)\\s*#?\\s*[a-z]{0,2}\\d{2,4}\\b|(?-i:\\b(UA|AA|DL|WN|B6|VX|US) ?\\d{2,4}\\b)"
            // Only their record answers these: a case's progress, a delivery, a list they were left off, a check-in that fails,
            // whether to give up on a flight, whether their things make a flight, a trip they hold ("I have 2/25 RNO-DFW").
            + "|\\bcase\\s*#?\\s*\\d{4,}|\\bdelivery status\\b|\\b(standby|upgrade|wait) ?list\\b|\\b(can'?t|cannot|couldn'?t|unable to) check ?in\\b"
            + "|\\bshould (i|we) (start )?(look(ing)? (into|for|at)|book(ing)?|rebook(ing)?|chang(e|ing))\\b.{0,20}\\b(other|another|different|new|later|earlier) flights?\\b"
            + "|\\bwill (it|they|he|she|(my|our) \\w+) make (it|today'?s|the next|the \\w+ flight)\\b|\\bi have\\b.{0,14}\\b(?-i:[A-Z]{3}) ?-(?-i:[A-Z]{3})\\b");

    private static final Pattern TIME_LOST = Pattern.compile("^the (hour|day|([\\d.]+|two|three|four|five|six|seven|eight|nine|ten|twelve)[ -]"
            + "(extra |more |whole |full )?(hours?|hrs?|hr|mins?|minutes?|days?))\\b");

    /** Happy occasions a fan mentions, and how the brand joins in; the first that the post names (a first flight last). */
    private static final List<Map.Entry<Pattern, String>> OCCASIONS = List.of(
            Map.entry(Pattern.compile("(?i)\\b(birthday|bday|b-day)\\b"), "Happy birthday to the birthday star! 🎂"),
            Map.entry(Pattern.compile("(?i)\\banniversary\\b"), "Happy anniversary! 🥂"),
            Map.entry(Pattern.compile("(?i)\\bhoneymoon\\b"), "Congratulations, and have a wonderful honeymoon! 🥂"),
            Map.entry(Pattern.compile("(?i)\\b(wedding|getting married|just married)\\b"), "Congratulations to the happy couple! 💍"),
            Map.entry(Pattern.compile("(?i)\\b(graduation|graduated|graduating)\\b"), "Congratulations to the graduate! 🎓"),
            // The holidays a fan celebrates with the brand: "celebrating Halloween 2017 with @brand".
            Map.entry(Pattern.compile("(?i)\\b(halloween|hallowe'en)\\b"), "Happy Halloween! 🎃"),
            Map.entry(Pattern.compile("(?i)\\b(christmas|xmas)\\b"), "Merry Christmas! 🎄"),
            Map.entry(Pattern.compile("(?i)\\bthanksgiving\\b"), "Happy Thanksgiving! 🦃"),
            Map.entry(Pattern.compile("(?i)\\bnew year'?s?\\b"), "Happy New Year! 🎉"),
            Map.entry(Pattern.compile("(?i)\\b(first (ever )?flight|first time flying)\\b"), "What a way to start flying! ✈️"));

    /** The good news of a customer home again: no trip left to wish well ("Safe travels!"). */
    static final String WELCOME_HOME = "Welcome home!";
    /** What went well, in the customer's thanks, and how the brand is glad of it; the first that the post says. */
    private static final List<Map.Entry<Pattern, String>> GOOD_NEWS = List.of(
            Map.entry(Pattern.compile("(?i)\\b(made it home|home safe(ly)?|back home(?! (tomorrow|tonight|next|on|this|later|soon))|getting (me|us) home|got (me|us) home)\\b"), WELCOME_HOME),
            Map.entry(Pattern.compile("(?i)\\b(safe|safely),? (and )?on time\\b|\\bon time,? (and )?(safe|safely)\\b"), "Safe and on time, so glad to hear it!"),
            Map.entry(Pattern.compile("(?i)\\bgot (me|us) (there|to (my|our) destination)\\b"), "Glad we got you there!"),
            Map.entry(Pattern.compile("(?i)\\bconnections? made\\b|\\bmade (my|our|the|all|both) (\\w+ )?connections?\\b"), "So glad you made your connection!"),
            Map.entry(Pattern.compile("(?i)\\bon[- ]time\\b.{0,40}\\b(despite|in spite of)\\b.{0,30}\\b(weather|storms?|snow|ice|wind|fog)\\b"),
                    "On time despite the weather: that's the team at its best!"),
            Map.entry(Pattern.compile("(?i)\\b(arrived|landed|departed|left|got in|took off) (right |early and )?on time\\b|\\bon[- ]time (arrival|departure|flight)\\b"),
                    "So glad you got there on time!"),
            Map.entry(Pattern.compile("(?i)\\b(i|we) (finally |just )?made it\\b"), "So glad you made it!"),
            Map.entry(Pattern.compile("(?i)\\b(bags?|luggage|suitcases?) (finally |just )?(arrived|came|showed up|made it|turned up|is here|are here)\\b"
                    + "|\\b(got|have|received) (my|our|the) (bags?|luggage|suitcases?)( back)?\\b"), "Glad your bag found its way to you!"),
            Map.entry(Pattern.compile("(?i)\\blanded ((\\d+|an?|one|two|ten|twenty|thirty|forty) (min\\w*|hours?|hrs?) )?(early|ahead of schedule)\\b"),
                    "Landing early is the best kind of surprise!"),
            // "It was amazing, and arrived an hour early": a parcel or a flight, said as the customer said it.
            Map.entry(Pattern.compile("(?i)\\b(arrived|got in) ((\\d+|an?|one|two|ten|twenty|thirty|forty) (min\\w*|hours?|hrs?) )?(early|ahead of schedule)\\b"),
                    "Arriving early is the best kind of surprise!"),
            // "Actually wasn't expecting the MB until next week": a delivery come early.
            Map.entry(Pattern.compile("(?i)\\b(delivered|got here|showed up|turned up) ((a|one|two|\\d+) (days?|weeks?) )?early\\b|"
                    + "\\b(wasn['\u2019]?t|was not|weren['\u2019]?t|were not) expecting (it|them|this|the \\w+|my \\w+|our \\w+) (until|till|til|before)\\b"),
                    "Sooner than expected is the best kind of delivery!"),
            // Still on the way, but it will work out: "looks like I'll get home tonight".
            Map.entry(Pattern.compile("(?i)\\b(i'?ll|we'?ll|i will|we will|gonna|going to) (get|make it|be) home\\b"), "So glad you'll make it home!"),
            Map.entry(Pattern.compile("(?i)\\bsmooth (flight|ride|landing|trip|touchdown)\\b|\\b(flight|landing|ride) was (so |very |super )?smooth\\b|\\b(best|great|perfect) touchdown\\b"),
                    "So glad it was a smooth one!"),
            Map.entry(Pattern.compile("(?i)\\b(felt|feel|made (me|us) feel) (so |very |really )?welcome(d)?\\b"), "So glad you felt welcome!"),
            Map.entry(Pattern.compile("(?i)\\b(everything|it all|things) (worked|turned) out\\b|\\ball (worked|turned) out\\b"), "So glad it all worked out!"),
            Map.entry(Pattern.compile("(?i)\\b(brilliant|great|amazing|excellent|awesome|outstanding|fantastic|wonderful|superb) (customer )?(service|care|support)\\b"),
                    "So glad the team looked after you!"),
            Map.entry(Pattern.compile("(?i)\\b(it|that|this) (finally )?worked\\b|\\bworked (now|this time)\\b"), "Glad it worked!"),
            Map.entry(Pattern.compile("(?i)\\b(got|get|been|were|was|are) (re)?(booked|scheduled|accommodated)\\b|\\bgot (a|my|the) (seat|flight|refund)\\b"), "Glad that's sorted!"),
            Map.entry(Pattern.compile("(?i)\\b(found|got back|returned) (my|our|the) (phone|wallet|laptop|keys|passport|bag|purse|ipad|kindle|glasses|jacket|coat)\\b"
                    + "|\\b(found|returned) it (for|to) (me|us)\\b"), "So glad it turned up!"),
            Map.entry(Pattern.compile("(?i)\\b(taken care of|took care of (it|that|everything|me|us)|all set|all sorted|got it sorted|sorted it out|squared away|"
                    + "resolved|fixed it|got it fixed)\\b"), "Glad that's sorted!"),
            Map.entry(Pattern.compile("(?i)\\bhelped (me|us|my family|our family|my \\w+|our \\w+)( out)?\\b"), "So glad they could help!"),
            Map.entry(Pattern.compile("(?i)(?<!not )(?<!never )(?<!wasn't )\\bon time\\b"), "So glad you got there on time!"),
            Map.entry(Pattern.compile("(?i)\\b(favou?rite|go-?to) airlines?\\b"), "Proud to be your go-to airline!"),
            // "Had to take a few other airlines this week... makes me love y'all more": a regular back with us.
            Map.entry(Pattern.compile("(?i)\\b(other|another|different) (airlines?|carriers?)\\b"), "So glad to have you back with us!"));

    private PostSays() {}

    private static final Pattern HOPEFUL = Pattern.compile("(?i)\\b(fingers crossed|hope (it|we|they|the flight)|hoping|praying|knock on wood)\\b|🤞");

    /** Hoping it works out: "got my fingers crossed it will go". */
    static boolean hopeful(String text) {
        return finds(HOPEFUL, text);
    }

    /** What a customer asks us to do with their trip: "I need to add my child to the reservation". */
    private static final Pattern WANTS = Pattern.compile("(?i)(?:^|[.!?;]\\s+|\\b(?:i|we)\\s+(?:really\\s+|just\\s+)?)(?:need|want|would like|'d like|am trying|'m trying|are trying|have been trying)"
            + " to (add|change|cancel|move|update|correct|fix|book|transfer|upgrade|use|redeem|rebook|find|print|remove|switch|split|link|merge) "
            + "((?:[a-z0-9'/-]+ ){0,5}?[a-z0-9'/-]+)(?=\\s*(?:[.!?,;:(]|$|\\b(?:but|and|please|pls|asap|today|tomorrow|tonight|before|so|because|since|for (?:my|our) trip)\\b))");
    private static final Map<String, String> DOING = Map.ofEntries(Map.entry("add", "adding"), Map.entry("change", "changing"),
            Map.entry("cancel", "cancelling"), Map.entry("move", "moving"), Map.entry("update", "updating"), Map.entry("correct", "correcting"),
            Map.entry("fix", "fixing"), Map.entry("book", "booking"), Map.entry("transfer", "transferring"), Map.entry("upgrade", "upgrading"),
            Map.entry("use", "using"), Map.entry("redeem", "redeeming"), Map.entry("rebook", "rebooking"), Map.entry("find", "finding"),
            Map.entry("print", "printing"), Map.entry("remove", "removing"), Map.entry("switch", "switching"), Map.entry("split", "splitting"),
            Map.entry("link", "linking"), Map.entry("merge", "merging"));
    private static final Pattern NOT_REPEATED = Pattern.compile("(?i).*\\b(" + org.careloop.analysis.Details.SWEAR_WORDS
            + "|you|your|u|ur|it|this|that|them|lol)\\b.*");

    /** The request, from the brand's side ("adding your child to the reservation"), or empty. */
    static String wants(String text) {
        java.util.regex.Matcher m = text == null ? null : WANTS.matcher(text.replaceAll("@\\w+", "").strip());
        if (m == null || !m.find() || NOT_REPEATED.matcher(m.group(2)).matches()) {
            return "";
        }
        List<String> words = new java.util.ArrayList<>(List.of(m.group(2).toLowerCase(Locale.ROOT).split(" ")));
        // "change my flight to (tomorrow)": a preposition left hanging at the end is dropped.
        while (!words.isEmpty() && DANGLING.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        StringBuilder thing = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = OWNED.getOrDefault(words.get(i), words.get(i));
            // "add child to reservation" is said "adding your child to your reservation".
            boolean opens = i == 0 || DANGLING.contains(words.get(i - 1)) && !words.get(i - 1).matches("the|a|an");
            if (opens && !DETERMINED.contains(w) && !w.matches("\\d.*") && !DANGLING.contains(w)) {
                thing.append("your ");
            }
            thing.append(w).append(i + 1 < words.size() ? " " : "");
        }
        return words.isEmpty() ? "" : DOING.get(m.group(1).toLowerCase(Locale.ROOT)) + " " + thing;
    }

    /** "How do I change default document (i.e. index.php) in WebApp?": the how-to asked, to its question mark. */
    private static final Pattern HOW_TO = Pattern.compile("(?i)\\bhow (?:do|can|could|would|should|does) (?:i|we|one|someone|a person) "
            + "((?:[\\p{L}0-9'/\"\u201c\u201d.-]+ ){0,9}?[\\p{L}0-9'/\"\u201c\u201d-]+)\\s*\\?");

    /** The how-to a question asks, from the brand's side ("how to change your seat"), or empty. */
    static String howTo(String text) {
        java.util.regex.Matcher m = text == null ? null : HOW_TO.matcher(text.replaceAll("@\\w+|https?://\\S+", " ").replaceAll("\\s+", " "));
        if (m == null || !m.find() || NOT_REPEATED.matcher(m.group(1)).matches()) {
            return "";
        }
        // A number or a handle may be private ("change my recovery number to 07700-900-123"): never echoed in public.
        if (m.group(1).matches("(?s).*(\\d{3,}|@).*")) {
            return "";
        }
        String asked = m.group(1).replaceAll("(?i)\\b(my|our)\\b", "your").replaceAll("\\b(I|me)\\b", "you");
        // "how do I get through to anyone": a plea, not a how-to; text-speak and a first person left over ("if I'm", "outside
        // the US", "what we were sent") do not go into the brand's mouth.
        return asked.matches("(?i)(get|reach|talk|speak|contact) .*|.*\\b(ur|u|pls|plz|tho)\\b.*|.*\\b(you'm|you was|I'\\w+|us|we|US)\\b.*")
                ? "" : "how to " + asked;
    }

    private static final Set<String> DANGLING = Set.of("to", "for", "on", "in", "at", "from", "with", "into", "onto", "the", "a", "an", "of");
    private static final Set<String> DETERMINED = Set.of("the", "a", "an", "your", "this", "that", "these", "those", "his", "her", "their",
            "all", "both", "some", "one", "two", "three", "another", "each", "every", "it", "them", "you");
    private static final Map<String, String> OWNED = Map.of("my", "your", "our", "your", "me", "you", "us", "you", "mine", "yours");

    /** When a flight leaves or lands, or whether it is late: the flight's status answers it. */
    private static final Pattern ASKS_STATUS = Pattern.compile("(?i)\\b(?:will|are|is) (?:all |any |the |my |our )?(?:flights?|planes?)(?: \\w+){0,4} "
            + "(?:be |get |still )?(?:cancell?ed|delayed|on time|running|going out)\\b(?=[^.!]*\\?)"
            // "what's going on with flight 301 DTW > DFW?": a flight named and asked after.
            + "|\\bwhat(?:'|’)?s? (?:is )?(?:going on|happening|up) with (?:the |my |our )?(?:flight|flt) ?#?(?!(?:at|in|on|to)\\b)(?:[a-z]{2} ?)?\\d{2,4}\\b"
            + "|\\bwhen (?:(?:will|does|is|do|are) )?(?:the|my|our|this|that) (?:flight|plane)s? "
            + "(?:\\w+ ){0,2}(?:leave|depart|take off|board|land|arrive|get in|go)\\b"
            + "|\\b(?:is|are|whether|if) (?:the |my |our |this )?(?:flight|plane)s?(?: #?[a-z]{0,2}\\d{2,4})?(?: from \\w+ to \\w+)? (?:is |still )?"
            + "(?:on time|delayed|cancell?ed|leaving|departing|boarding|taking off)\\b");

    /** A post that quotes another ("RT @brand: ...", "“@brand: ...”") with a few words or emoji of its own and no question. */
    static boolean reactsToQuote(String text) {
        java.util.regex.Matcher q = text == null ? null : QUOTE.matcher(text);
        if (q == null || !q.find() || text.contains("?")) {
            return false;
        }
        String own = (text.substring(0, q.start()) + " " + text.substring(q.end())).replaceAll("https?://\\S+|[“”\"]", " ").strip();
        return own.split("\\s+").length <= 8 && !EXCITED.matcher(own).find();
    }

    /** "yesss", "finally!": a quote cheered, not rolled eyes at. */
    private static final Pattern EXCITED = Pattern.compile("(?i)!|\\b(ye+s+|yay+|wo+h?o+|love|nice|cool|awesome|finally|great|amazing)\\b");

    /** The quoted post, from its opening to its closing quote or the end. */
    private static final Pattern QUOTE = Pattern.compile("(?:" + org.careloop.analysis.SocialText.QUOTED_POST + ")[^”\"]*[”\"]?");

    static boolean asksStatus(String text) {
        return finds(ASKS_STATUS, text);
    }

    static String goodNews(String text) {
        // "the calendar arrived early" is a parcel, not a landing.
        String news = delivered(text);
        if (news.isEmpty()) {
            news = firstSaid(GOOD_NEWS, text);
        }
        if (news.isEmpty()) {
            news = thankedFor(text);
        }
        java.util.regex.Matcher best = text == null || !news.isEmpty() ? null : BEST_EVER.matcher(text);
        return best != null && best.find() && !NO_PLEASURE.matcher(best.group(1)).matches() ? "So glad you enjoyed the " + best.group(1).toLowerCase(Locale.ROOT) + "!" : news;
    }

    /** "the MB arrived a week early", "I'm getting a turntable tomorrow!": a thing on its way or come, and when. */
    private static final Pattern ARRIVED = Pattern.compile("(?i)\\b(?:my|our|the) ((?:[a-z0-9-]+ ){0,2}[a-z0-9-]+) (?:arrived|came|got here|was delivered|were delivered) "
            + "(early|a day early|a week early|ahead of time|already|today|on time|so fast|so quickly|safely)\\b");
    private static final Pattern GETTING = Pattern.compile("(?i)\\b(?:i'?m|we'?re|i am|we are) getting (?:a|an|my|our) (?:new )?((?:[a-z0-9-]+ )?[a-z0-9-]+) "
            + "(?:tomorrow|today|tonight)\\b");

    static String delivered(String text) {
        java.util.regex.Matcher m = text == null ? null : ARRIVED.matcher(text);
        // A flight that lands early and a bag that comes are the airline's own good news, said their own way.
        if (m != null && m.find() && !NO_PLEASURE.matcher(m.group(1)).matches() && !m.group(1).matches("(?i).*\\b(flight|plane|aircraft|bags?|luggage|suitcases?)")) {
            return "So glad your " + m.group(1).toLowerCase(Locale.ROOT) + " arrived " + m.group(2).toLowerCase(Locale.ROOT) + "!";
        }
        m = text == null ? null : GETTING.matcher(text);
        return m != null && m.find() && !NO_PLEASURE.matcher(m.group(1)).matches() ? "Enjoy your new " + m.group(1).toLowerCase(Locale.ROOT) + "!" : "";
    }

    /** "The best airline wifi ever": the thing a fan rates above all others. */
    private static final Pattern BEST_EVER = Pattern.compile("(?i)\\bbest (?:airline |in-?flight |inflight |onboard )?([a-z][a-z-]*(?: [a-z][a-z-]*)?) (?:ever|i'?ve ever had)\\b");

    /** What a customer thanks us for, a thing with its article: "thanks for the free drinks", "thank you for your quick reply". */
    private static final Pattern THANKED_FOR = Pattern.compile("(?i)(?:\\b(?:thanks|thank you|thank u|thx|ty)(?: so much| very much| so so much| a (?:lot|ton|bunch|million)| tons| again| guys| all| y'?all| everyone| folks)?(?: @\\w+)? for"
            // A fan's pleasure said without thanks: "I am all about the cheese and wine pairing", "we loved the new seats".
            + "|\\ball about|\\b(?:i|we) (?:really |just |absolutely )?(?:love|loved|enjoyed|am loving|am enjoying|are loving|are enjoying)"
            // "I'm impressed with the new app": what impressed them.
            + "|\\b(?:i'?m|i am|we'?re|we are|was|were) (?:really |so |very )?impressed (?:with|by))"
            + " (the|your|ur|a|an|such a|such an|all the|all your|my|our) ((?:\\$\\d+(?:\\.\\d\\d)? )?(?:[a-z0-9][a-z0-9'-]* ){0,3}?[a-z0-9][a-z0-9-]*)"
            // Its end: punctuation, an emoji ("my $3 burrito bowl 👻"), a trade mark, or a word that starts what follows.
            + "(?=\\s*(?:[.!?,;:#@)\\[\\u2764\\u2122\\u00ae\\x{1F300}-\\x{1FAFF}]|$)|\\s+(?:today|tonight|this|on|at|in|and|to|from|for|with|during|while|guys|yesterday|last|so|"
            + "of the (?:season|year|day|week|month))\\b)");
    /** A thing by its name, without an article: "I'm impressed with Moto G [3rd Gen] phone so far". */
    private static final Pattern IMPRESSED_BY_NAME = Pattern.compile("\\b(?i:i'?m|i am|we'?re|we are) (?i:really |so |very )?(?i:impressed (?:with|by)) "
            + "([A-Z][A-Za-z0-9-]*(?: [A-Z0-9][A-Za-z0-9-]*){0,2})\\b");
    /** Words that make thanks sarcastic or the thing no pleasure: "thanks for the 3 hour delay". */
    private static final Pattern NO_PLEASURE = Pattern.compile("(?i).*\\b(delay\\w*|cancel\\w*|lost|losing|wait\\w*|hold|nothing|late|stuck|"
            + "fee|fees|charge\\w*|problem\\w*|issue\\w*|trouble|mess|hassle|inconvenience|headache|stress|non|no|not|you|we|i|me|us|it|my|our|your|"
            + "is|are|was|were|be|being|been|to|that|which|who|what|way|time|times|service|experience|reminder|warning|"
            // The brand itself and its people are not a thing enjoyed: "I love the company!".
            + "company|airline|airlines|brand|people|team|staff|crew|guys|opportunity|chance|feedback|survey|"
            // A choice is theirs, not a thing enjoyed: "best decision ever" (to switch to us).
            + "decision|decisions|choice|choices|idea|move|call|investment|purchase|"
            // Kindness is no thing enjoyed: "thanks again for your concern" is a polite close.
            + "concern|concerns|patience|understanding|consideration|apology|apologies|sympathy)\\b.*");
    /** Things a customer found useful rather than enjoyed: they "helped". */
    private static final Set<String> USEFUL = Set.of("help", "info", "information", "update", "updates", "response", "reply", "replies", "answer",
            "answers", "tip", "tips", "assistance", "support", "advice", "follow-up", "heads-up", "clarification", "link", "confirmation", "responses");

    /** The thing thanked for, glad of in the reply ("So glad you enjoyed the free drinks!", "Glad our quick reply helped!"), or empty. */
    static String thankedFor(String text) {
        boolean titled = text != null && titled(text);
        java.util.regex.Matcher byName = text == null ? null : IMPRESSED_BY_NAME.matcher(text);
        if (byName != null && byName.find() && !titled) {
            return "So glad you like the " + byName.group(1) + "!";
        }
        java.util.regex.Matcher m = text == null ? null : THANKED_FOR.matcher(text);
        if (m == null || !m.find() || NO_PLEASURE.matcher(m.group(2)).matches()) {
            return "";
        }
        String article = m.group(1).toLowerCase(Locale.ROOT);
        // "your" is ours, "my" theirs: "I enjoyed my 1st latte of the season" is "your 1st latte".
        String owner = article.matches("your|ur") ? "our" : article.equals("all your") ? "all our" : article.matches("my|our") ? "your"
                : article.startsWith("such ") || article.matches("an?") ? "" : article;
        // A name keeps its capitals ("the Moto G"); shouting and a post in Title Case do not.
        String thing = titled || m.group(2).equals(m.group(2).toUpperCase(Locale.ROOT)) ? m.group(2).toLowerCase(Locale.ROOT) : m.group(2);
        if (owner.isEmpty() && !article.startsWith("such")) {
            // "a great flight" is the one they had: "the great flight".
            owner = "the";
        }
        String last = thing.substring(thing.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        String named = (owner.isEmpty() ? "the" : owner) + " " + thing;
        if (last.matches("help|assistance|support")) {
            return "Glad we could help!";
        }
        return USEFUL.contains(last) ? "Glad " + named + " helped!" : "So glad you enjoyed " + named + "!";
    }

    /** A post where most words start with a capital: its capitals say nothing about names. */
    private static boolean titled(String text) {
        String[] words = HANDLES_AND_LINKS.matcher(text).replaceAll(" ").trim().split("[^\\p{L}]+");
        long capital = java.util.Arrays.stream(words).filter(w -> !w.isEmpty() && Character.isUpperCase(w.charAt(0))).count();
        return capital * 2 > words.length;
    }

    /** A holiday remembered, not celebrated: "home for Christmas last year". */
    private static final Pattern PAST_OCCASION = Pattern.compile("(?i)\\b(last (year|christmas|halloween|thanksgiving|new year)|years? ago)\\b");

    static String occasion(String text) {
        return text != null && PAST_OCCASION.matcher(text).find() ? "" : firstSaid(OCCASIONS, text);
    }

    /** The occasion beside a moment already greeted: a first flight is greeted once ("here's to the first of many"), not twice. */
    static String occasionBesides(String text, String moment) {
        String occasion = occasion(text);
        boolean sameFirstFlight = !moment.isEmpty() && OCCASIONS.get(OCCASIONS.size() - 1).getKey().matcher(text).find()
                && occasion.equals(OCCASIONS.get(OCCASIONS.size() - 1).getValue());
        return sameFirstFlight ? "" : occasion;
    }

    /** What a thing does wrong, told: "nothing happens", "won't turn on", "keeps restarting", "stuck on the logo". */
    private static final Pattern FAULT_TOLD = Pattern.compile("(?i)\\bnothing (?:happens|happened|changed|changes|works)\\b|\\b(?:won'?t|wont|doesn'?t|does not|will not) "
            + "(?:turn on|start|boot|charge|load|work|play|connect|print|open|update)\\b|\\b(?:keeps?|kept) (?:crashing|freezing|restarting|rebooting|"
            + "shutting|turning off|beeping|ejecting|disconnecting|dropping)\\b|\\b(?:beeps?|beeping|black screen|blank screen|blue light|frozen|froze|"
            + "freezes|crash(?:es|ed)|restart(?:s|ed)?|ejects?|ejecting|stuck on|stopped working|not working|glitchy)\\b"
            // A connection's fault: "offline for two days", "internet's been down", "getting 31 Mbps of the 75 I pay for".
            + "|\\b(?:offline|(?:is|are|been|was|still|went) (?:down|out)(?! of)|keeps? (?:going|cutting) (?:down|out|off)|no (?:internet|signal|service|connection)|\\d+ ?mbps|"
            + "(?:keeps?|kept) (?:breaking up|dropping out|cutting out)|drops (?:out |off )?(?:periodically|constantly|every))\\b");

    static boolean describesFault(String text) {
        return finds(FAULT_TOLD, text);
    }

    /** Things people leave behind, as they write them and as a reply names them. */
    // Named as a thing someone has ("my watch", "a set of headphones"), not "watch a film" or "by phone".
    private static final Pattern LOST_ITEM = Pattern.compile("(?i)\\b(?:my|our|his|her|a|an|the|set of|pair of) (?:\\w+ )?(earrings?|ring|necklace|bracelet|"
            + "watch|wallet|purse|iphone|ipad|ipod|tablet|laptop|kindle|passport|glasses|sunglasses|jacket|coat|keys|camera|headphones|earbuds|airpods|"
            + "backpack|charger|phone)\\b");
    private static final Map<String, String> ITEM_NAMES = Map.of("iphone", "iPhone", "ipad", "iPad", "ipod", "iPod", "kindle", "Kindle",
            "airpods", "AirPods");

    /** The things a customer lost, named for the reply ("your headphones and iPod"), or empty. */
    static String lostThing(String text) {
        if (text == null) {
            return "";
        }
        List<String> items = new java.util.ArrayList<>();
        java.util.regex.Matcher m = LOST_ITEM.matcher(text);
        while (m.find() && items.size() < 2) {
            String lower = m.group(1).toLowerCase(Locale.ROOT);
            String item = ITEM_NAMES.getOrDefault(lower, lower);
            if (!items.contains(item)) {
                items.add(item);
            }
        }
        return items.isEmpty() ? "" : "your " + String.join(" and ", items);
    }

    /** A place as a fan names it: "Bogota", "Los Angeles", "LAX". */
    /** Not part of a place: "in Vegas May 2nd". */
    private static final String MONTHS = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
            + "Mon(?:day)?|Tues?(?:day)?|Wed(?:nesday)?|Thu(?:rs)?(?:day)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\\b";
    private static final String PLACE = "(?-i:((?!The |My |Our |Your |This )[A-Z][a-zA-Z]+(?: (?!" + MONTHS + ")[A-Z][a-zA-Z]+)?))";

    /** A customer who says they are muddled, not only asks angrily. */
    private static final Pattern CONFUSED = Pattern.compile("(?i)\\b(confus\\w*|don'?t understand|do not understand|doesn'?t make sense|makes no sense|"
            + "unclear|not clear|not sure (what|how|why|if|whether)|which is it|contradict\\w*)\\b");

    static boolean confused(String text) {
        return finds(CONFUSED, text);
    }

    /** Worry in the customer's own words: only then does a reply say "I know how worrying that is". */
    private static final Pattern WORRIED = Pattern.compile("(?i)\\b(worr(y|ied|ying)|scared|afraid|nervous|anxious|anxiety|panic\\w*|frightened|"
            + "terrified|stress(ed|ful)|what if|will i (make|get|be)|am i going to|hope (i|we) (make|get))\\b");

    static boolean worried(String text) {
        return finds(WORRIED, text);
    }

    /** A death in the customer's family: whatever else the post is about, the reply begins with their loss. */
    private static final Pattern LOSS = Pattern.compile("(?i)\\b(funeral|passed away|pass away|bereavement|memorial service|death in (the|my|our) family|"
            + "(my|our) (mom|mother|dad|father|grandma|grandmother|grandpa|grandfather|brother|sister|son|daughter|husband|wife|uncle|aunt) (just |recently |has |had )?(died|passed))\\b");

    static boolean loss(String text) {
        return finds(LOSS, text);
    }

    private static final String FUNNY_LINE = "funny (?:announcements?|lines?|jokes?|speech|safety (?:video|demo|briefing)|pa|welcome|intro)";

    /** Where a fan is on their trip, and what a person on the team would say to it. */
    private static final List<Map.Entry<Pattern, String>> MOMENTS = List.of(
            Map.entry(Pattern.compile("(?i)\\b(?:arrived?|arriving|landed|made it|just got|finally got|finally here) (?:safely |safe )?(?:in|to|at) " + PLACE),
                    "welcome to $1! ✈️"),
            Map.entry(Pattern.compile("(?i)\\b(?:flying|heading|headed|going|off|on (?:my|our) way|en route|travell?ing) (?:to|2|down to|out to|over to) " + PLACE),
                    "have a wonderful trip to $1! ✈️"),
            Map.entry(Pattern.compile("(?i)\\b(?:thanks?|thank you) for (?:taking|flying|getting|bringing) (?:me|us) (?:to |2 )?" + PLACE),
                    "enjoy $1! ✈️"),
            Map.entry(Pattern.compile("(?i)\\b(?:ready|excited|pumped|psyched|stoked) (?:for|about)\\b[^.!?]{0,40}? in " + PLACE),
                    "have a great time in $1! 🎉"),
            Map.entry(Pattern.compile("(?i)\\b(?:get(?:ting)? me home|heading home|on (?:my|our) way home|flying home|going home)\\b"), "safe travels home! ✈️"),
            // A place they wish we flew from: "really wish you'd fly out of #Fargo", "please come to Boise".
            Map.entry(Pattern.compile("(?i)\\b(?:wish (?:you|u)(?: would|['\u2019]d| guys would) |(?:please|pls|plz) (?:start )?|when will (?:you|u) |hope (?:you|u) (?:will )?)"
                    + "(?:fly|flying|come|coming|start flying|add) (?:out of|from|into|to|2) #?" + PLACE),
                    "we'd love to see $1 on our map one day, and we'll pass your vote on to our network team ✈️"),
            Map.entry(Pattern.compile("(?i)\\b(?:love|like|loving|liked|loved) (?:this|the|your|ur) (?:new )?(graphic|infographic|video|ad|commercial|post|tweet|song|playlist|livery|look|campaign|gif|photo|pic)\\b"),
                    "we're so glad you like the $1! 😄"),
            // A line from the crew that made them laugh; not a crew called "kind, helpful, and funny", thanked as people.
            Map.entry(Pattern.compile("(?i)\\b(?:captain|pilot|crew|flight attendant|f/a)\\b.{0,80}\\b(?:laughed|lol|lmao|haha\\w*|hilarious|" + FUNNY_LINE + "|cracked (?:me|us) up)\\b"
                    + "|\\b(?:laughed|lol|lmao|haha\\w*|hilarious|" + FUNNY_LINE + "|cracked (?:me|us) up)\\b.{0,80}\\b(?:captain|pilot|crew|flight attendant)\\b|#funny(?:captain|pilot|crew)"),
                    "that line made us laugh too 😄"),
            Map.entry(Pattern.compile("(?i)\\b(?:now an?|just became an?|joined|signed up (?:for|as)|new) (?:\\w+ )?(?:\\w+ )?(?:rewards|miles|loyalty|frequent flyer) (?:member|program(?:me)?)\\b"),
                    "welcome to the club! 🎉"),
            Map.entry(Pattern.compile("(?i)\\b(?:view|sunset|sunrise|skyline|clouds)\\b"), "what a view! 😍"),
            Map.entry(Pattern.compile("(?i)\\b(?:shot|photo|pic|picture|pics|photos|snap)\\b"), "what a shot! 📸"),
            Map.entry(Pattern.compile("(?i)\\b(?:favou?rite|go-?to|new go-?to) airlines?\\b"), "we're proud to be your go-to airline! ✈️"),
            Map.entry(Pattern.compile("(?i)\\b(?:i|we) (?:finally |just )?made it\\b"), "so glad you made it! ✈️"),
            // A route they wish we flew: "pls get some direct routes LAS to AUS!".
            Map.entry(Pattern.compile("(?i)\\b(?:direct|nonstop|non-stop)(?: routes?| flights?| service)?(?: from)? (?-i:([A-Z]{3}|[A-Z][a-z]+)) ?(?:to|-|&gt;) ?(?-i:([A-Z]{3}|[A-Z][a-z]+))\\b"),
                    "we'll pass your vote for $1 to $2 on to our network team ✈️"),
            // The aircraft a fan is excited about, by its name: "787!!!", "the new A321neo".
            Map.entry(Pattern.compile("(?i)\\b(787|Dreamliner|A380|A350|A321neo|A321|A320|A319|A220|777|767|757|747|737 MAX|737)\\b"), "the $1 is a beauty, isn't she? ✈️"),
            Map.entry(Pattern.compile("(?i)\\b(?:appl(?:y|ied|ying)|application|interview(?:ed|ing)?)\\b.{0,60}\\b(?:crew|flight attendants?|pilots?|jobs?|careers?|team)\\b"
                    + "|\\b(?:crew|flight attendant|pilot|job|career)\\b.{0,60}\\b(?:appl(?:y|ied|ying)|application|interview(?:ed|ing)?)\\b"),
                    "good luck with your application! ✈️"),
            Map.entry(Pattern.compile("(?i)\\b(?:first (?:ever )?(?:flight|time flying|time on a plane)|never flown before)\\b"), "here's to the first of many! ✈️"),
            // A fan who has won already hears congratulations, not luck: "just found out that I won 3 tickets".
            Map.entry(Pattern.compile("(?i)\\b(?:i|we) (?:just |actually |finally )?won\\b"), "congratulations on the win! 🎉"),
            // A fan hoping to win one of the brand's giveaways.
            Map.entry(org.careloop.analysis.CareAction.CONTEST, "fingers crossed for you! 🤞"),
            // "I can't wait for Tuesday's PS4 release!" is no flight: the countdown, without a plane.
            Map.entry(Pattern.compile("(?i)\\b(?:can'?t|cannot|can not) wait\\b"), "the countdown is on! 🎉"));

    /** The fan's moment as a reply greets it ("welcome to Bogota!"), or empty; never a competitor's or the brand's name as a place. */
    static String moment(String text, List<String> notPlaces) {
        if (text == null) {
            return "";
        }
        for (Map.Entry<Pattern, String> m : MOMENTS) {
            java.util.regex.Matcher found = m.getKey().matcher(text);
            if (found.find()) {
                String place = found.groupCount() > 0 ? found.group(1) : null;
                if (place != null && notPlaces.stream().anyMatch(n -> place.toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT)))) {
                    continue;
                }
                String said = m.getValue();
                for (int g = found.groupCount(); g >= 1; g--) {
                    said = said.replace("$" + g, found.group(g) == null ? "" : found.group(g));
                }
                return said;
            }
        }
        return "";
    }

    /** The answer to the first pattern the text contains, or empty. */
    private static String firstSaid(List<Map.Entry<Pattern, String>> answers, String text) {
        return text == null ? "" : answers.stream().filter(o -> o.getKey().matcher(text).find()).map(Map.Entry::getValue).findFirst().orElse("");
    }

    /** Words that say what went wrong, or ask: a post with one of them is not vague, however short. */
    private static final Pattern SAYS_WHAT = Pattern.compile("(?i)\\?|\\b(not|n't|no|broken|lost|missing|charged|cancel\\w*|delay\\w*|late|rude|"
            + "issues?|problems?|reset|broke|outage|down|stopped|failed|error\\w*|"
            + "wait\\w*|hold|only|never (arrived|came|got|received|showed|answered|called))\\b");

    /** A sentence that asks for help or says there is a problem, and nothing about it: "Any help here?", "I have an issue with my order". */
    private static final Pattern ONLY_ASKS_HELP = Pattern.compile("(?i)\\s*(?:(?:hi|hello|hey|hiya|yo|please|pls|plz|urgent|ok|so)\\b[ ,]*)*"
            + "(?:any help(?: here| please)?|(?:can|could) (?:you|someone|anyone|somebody)(?: guys)? (?:please )?help(?: me| us)?(?: with (?:this|that|it|something))?"
            + "(?: please)?|(?:please |pls )?help(?: me| us)?(?: please| asap| out)?|i (?:would like|want|need|wanna) to (?:speak|talk|chat) (?:to|with) "
            + "(?:a|an|someone|somebody|a real)[\\w ]{0,25}|(?:i'?m|i am|we'?re|we are) having (?:an|a|some) (?:issue|problem|trouble)s?(?: with [\\w -]{1,40})?|"
            + "(?:i|we) (?:have|got|had) (?:an|a|some) (?:issue|problem|question)s?(?: with [\\w -]{1,40})?|i need (?:some )?(?:help|assistance|support)"
            + "(?: with [\\w -]{1,40})?|need (?:some )?help)\\s*");

    private static final Pattern FAULT_WORD = Pattern.compile("(?i)\\b(broken|broke|not|no|\\w+n't|won'?t|can'?t|cannot|errors?|lost|missing|damaged|"
            + "crash\\w*|freez\\w*|stuck|late|delay\\w*|cancel\\w*|charged|wrong|declined|failed|stopped|cracked|leaking|dead)\\b");

    /**
     * Whether the post says what went wrong: "HELP ME. I have a problem with my iPhone 7" and "I would like to speak to a
     * technician" do not, and a ticket asks what is going on.
     */
    static boolean tellsWhatWentWrong(String text) {
        if (text == null) {
            return false;
        }
        String words = text.replace('\u2019', '\'').replaceAll("https?://\\S+|[@#]\\w+|[^\\p{L}\\p{N}\\s'.,!?-]", " ").trim();
        String[] sentences = words.split("[.!?]+");
        // "I need help with a broken blender lid": the help's object says what went wrong.
        return words.isEmpty() || FAULT_WORD.matcher(words).find()
                || !java.util.Arrays.stream(sentences).filter(x -> !x.isBlank()).allMatch(x -> ONLY_ASKS_HELP.matcher(x).matches());
    }

    /** Few words, no number, nothing that says what went wrong: a post that says how it felt, not what happened. */
    static boolean vague(String text) {
        if (text == null) {
            return true;
        }
        String words = text.replaceAll("https?://\\S+|[@#]\\w+", " ").trim();
        return !words.matches("(?s).*\\d.*") && !SAYS_WHAT.matcher(words).find() && (words.isEmpty() || words.split("\\s+").length <= 15);
    }

    /** An idea for the brand: "you should consider a lounge at Austin", "a good start would be...", "why not add...". */
    private static final Pattern SUGGESTS = Pattern.compile("(?i)\\b((you|u|y'?all) (guys |all |folks )?(should|could|need to|ought to) (really )?"
            + "(consider|think about|add|make|offer|bring|open|start|put|focus on|concentrate on|invest in|train|hire|improve|stop|try)|"
            // "you should have wifi" is an idea; "you should have told us" a complaint.
            + "(you|u|y'?all) (guys |all |folks )?(should|could|need to) have (?!been|had|told|known|said|called|let|waited|kept|held|given|sent|done|made)|"
            + "(it )?would be (nice|great|good|awesome|cool) (if|to)|would be a (bonus|plus|nice touch|good idea)|could use (some|a|more|an)|"
            + "a good start would be|why not (add|have|offer|make|bring)|(please|pls) (consider|add|bring)|how about (adding|a|an|more|some|integrat\\w*|build\\w*|creat\\w*|includ\\w*|allow\\w*|add)\\b|"
            // "an idea: monitor mileage members' travel patterns", "start including PTO in your packages and I'm all in".
            + "(an|one|here'?s an|quick|my) (idea|suggestion)(?=\\s*[:!-])|^\\W*(@\\w+\\s*)*start (including|offering|adding|letting|giving|selling)|"
            // A decision about what we offer, questioned: "why did you get rid of the feature", "you no longer fly SFO > PHL", "bring it back".
            + "why (did|would|do) (you|u|y'?all) (guys )?(get rid of|remove|take away|discontinue|drop|stop (offering|selling|serving|carrying|making|flying))(?! (me|us|my|our|him|her|them)\\b)|"
            + "(please|pls|plz) bring (back|it back|them back)|bring back (the|your) |"
            + "(you|u|y'?all) (guys )?no longer (fly|offer|serve|sell|carry|stock|have)|"
            // Something taken off what we offer, told as news: "is no longer serving chorizo", "#chorizo is no more", "discontinued".
            + "(is|are|'s|'re) no longer (serving|offering|selling|carrying|stocking|making|available|on the menu)|(is|are|'s) no more(?! than)|"
            + "discontinu(ed|ing)|(off|from) (the|your) menu)\\b");

    static boolean suggests(String text) {
        return finds(SUGGESTS, text);
    }

    /** What the screen showed, given: a picture's link, a screenshot, an error message, or the words it showed. */
    private static final Pattern SHOWS_SCREEN = Pattern.compile("(?i)https?://t\\.co/|pic\\.twitter\\.com|\\bscreen ?shot|\\berror (message|code)\\b|"
            + "\\b(shows|showing|says|saying|displays|keeps giving me) ['\"\u2018\u201c]");

    static boolean showsScreen(String text) {
        return finds(SHOWS_SCREEN, text);
    }

    /** Something already went wrong for them: "missed my flight. How does standby work?" asks from a bad spot, not a calm one. */
    private static final Pattern MISHAP = Pattern.compile("(?i)\\b(missed (my|our|the|a) (flight|connection|plane)|(was|got|been|were|just) (cancel+ed|delayed)|"
            + "lost (my|our)|crash(ed|es|ing)|error\\w*|broken|stuck|stranded|busy (tone|signal)|just rings|keeps? ringing|"
            + "won'?t (load|work|let)|(doesn'?t|does not|isn'?t|is not|not) (work|working|load|loading)|kicked (me )?(out|off)|declined|damaged|"
            // "Please fix the battery issues in iOS 11!": a fault to fix is no calm request.
            + "(battery|charging|connection|wifi|login|log-in|app|sync|syncing|screen|phone|device|update|software|network|signal|audio|sound) (issues|problems)|"
            + "keeps? (freezing|glitching)|glitch(es|ing|y)|buggy|(please|pls|plz) fix|"
            // Held up by a disruption: "all trains at Lancaster are at a standstill", "will they be running?".
            + "standstill|not running|(be|are|is) (they |it |the trains? |the buses |the \\w+ line )?running(?= ?\\?| (again|today|tomorrow|yet))|"
            + "(cancel+ed|delayed) (again|today|tonight|this morning|this evening))\\b");

    static boolean mishap(String text) {
        return finds(MISHAP, text);
    }

    private static final Pattern MISSED = Pattern.compile("(?i)\\b(?:i|we|just)?\\s*missed (?:my|our|the) (flight|connection|plane)\\b");

    /** What they missed ("your connection"), where a question comes from a missed flight: an answer begins with sorry for it. */
    static String missed(String text) {
        java.util.regex.Matcher m = text == null ? null : MISSED.matcher(text);
        return m != null && m.find() ? "your " + (m.group(1).equalsIgnoreCase("plane") ? "flight" : m.group(1).toLowerCase(java.util.Locale.ROOT)) : "";
    }

    /** An error buying, paying or checking in online: what the screen said and where, not a booking reference they may not have. */
    private static final Pattern ONLINE_ERROR = Pattern.compile("(?i)\\b(error\\w*|crash(ed|es|ing)?|glitch\\w*|kick(s|ed|ing)? (me )?(out|back|to)|"
            + "won'?t (let me|load|go through|accept)|(doesn'?t|does not|didn'?t|did not) (let me|load|go through|accept)|not letting me|"
            + "keeps? (failing|freezing|timing out|crashing)|no ?where (for me )?to (enter|put|add)|"
            + "(can'?t|cannot|can not|unable to) (book|pay|purchase|buy|complete|finish|check ?-?in)|payment (failed|declined|won'?t))\\b");
    private static final Pattern ONLINE = Pattern.compile("(?i)\\b(purchas\\w*|buy(ing)?|book(ing)? (a|the|my|our)? ?(flight|ticket|trip)s?|"
            + "check ?-?out|check(ing)? ?-?in|pay(ing|ment)?|website|site|online|app)\\b|\\.com\\b|https?://");

    static boolean onlineError(String text) {
        return text != null && ONLINE_ERROR.matcher(text).find() && ONLINE.matcher(text).find();
    }

    /** Why they called, said in the post: "on hold ... to rebook my cancelled flight". */
    private static final Pattern CALL_REASON = Pattern.compile("(?i)\\b(cancel\\w*|rebook\\w*|refund\\w*|change (my |our |a |the )?(flight|booking|reservation|ticket)s?|"
            + "status (on|of)|flight status|about (my|our) (flight|booking|reservation|trip|bags?|luggage|refund|ticket|miles)|"
            // The desk they were on hold with says what the call is about ("on hold with international award reservations").
            + "(on hold|holding|waiting) (with|for) (the |your )?(\\w+ ){0,2}(reservations?|bookings?|baggage|refunds?|award|loyalty|miles|ticketing|billing|sales)|"
            + "(install|installation|appointment|technician) (no.?show|didn'?t show|never showed|missed)|no.?show\\b|"
            + "(lost|missing|delayed) (bag|luggage|suitcase)s?|upgrade|name change|seat assignment|"
            + "(might|may|going to|gonna|about to|will) miss (the |my |our |her |his |their )?(flight|connection)|missed (the |my |our |her |his |their )?(flight|connection))\\b");

    static boolean callReason(String text) {
        return text != null && (CALL_REASON.matcher(text).find() || CALL_PURPOSE.matcher(text).find());
    }

    /** A bag said to be lost or never to have come, not merely slow at the carousel. */
    private static final Pattern BAG_LOST = Pattern.compile("(?i)\\b(?:lost|missing|never (?:arrived|came|made it)|didn'?t (?:arrive|come|make it)) (?:my |our |the |her |his )?(?:bags?|luggage|suitcases?)\\b"
            + "|\\b(?:bags?|luggage|suitcases?) (?:is |are |was |were |got |has been |have been )?(?:lost|missing|never (?:arrived|came|made it))\\b");

    /** Bags late at the carousel now, minutes in, with no report filed: there is no file reference yet to ask for. */
    private static final Pattern AT_CLAIM_NOW = Pattern.compile("(?i)\\b(\\d+ ?(min|mins|minutes)\\b|min(ute)? mark|carousel|baggage claim|bag claim)");
    private static final Pattern FILED_OR_DAYS = Pattern.compile("(?i)\\b(days?|weeks?|yesterday|last night|fil(e|ed|ing)|pir|claim (number|#|ref\\w*|form|desk)|"
            + "baggage (office|service)|report(ed)?|reference|delivered|deliver)\\b");

    static boolean bagsAtClaimNow(String text) {
        return text != null && bagMissing(text) && AT_CLAIM_NOW.matcher(text).find() && !FILED_OR_DAYS.matcher(text).find();
    }

    /** A refund asked for and still not come: "refund STILL not received", "waiting on my refund", "no refund yet". */
    private static final Pattern REFUND_PENDING = Pattern.compile("(?i)\\brefund(?:s|ed)?\\b[^.!?]{0,60}\\b(?:still|not (?:yet )?(?:received|come|arrived|been)|"
            + "never|yet|waiting|weeks|months)\\b|\\b(?:still|never|not yet|haven'?t|have not|no)(?: (?:got|gotten|received|seen|had))? "
            + "(?:my |our |a |the |any |that )?refund\\b|\\bwaiting (?:for|on) (?:my|our|a|the|that) refund\\b");

    static boolean refundPending(String text) {
        return finds(REFUND_PENDING, text);
    }

    static boolean bagLost(String text) {
        return finds(BAG_LOST, text);
    }

    private static final Pattern BAG_MISSING = Pattern.compile("(?i)\\b(?:(?:wait\\w*|still) (?:for|on) (?:my |our |the |her |his )?(?:bags?|luggage|suitcases?)\\b(?! to be (?:loaded|put on|brought on|unloaded|offloaded))|"
            + "no (?:bags?|luggage)|without (?:my |our |a |any )?(?:bags?|luggage)|bagless|stillnobags?|baggage claim|carousel|"
            + "(?:bags?|luggage|suitcases?) (?:never|didn'?t|did not|hasn'?t|haven'?t|has not|have not|still|is still|are still|not here|missing|delayed|lost)|"
            + "(?:lost|missing|delayed|where(?:'s| is| are)) (?:my |our |the |her |his )?(?:bags?|luggage|suitcases?)|"
            + "delayed (?:our|my|the) (?:bags?|luggage)|lost (?:my|our) (?:bags?|luggage))");

    private static final Pattern WAITING_ON_US = Pattern.compile("(?i)\\b(no (response|reply|answer)|not? (heard|hearing) back|nobody (has )?(replied|responded|answered)|"
            + "no one (has )?(replied|responded|answered)|still waiting|any luck|any news|any update|haven'?t heard|never heard back|ignored|ignoring|"
            + "(someone|somebody|anyone|anybody)\\b.{0,40}\\b(get back|respond|reply|answer)|"
            + "(responded|replied|answered|messaged|wrote)( to (you|u))? \\d+ (min|mins|minutes|hrs?|hours?|days?) ago|"
            // "It's been about a week now": days gone by on something asked of us.
            + "it(?:'|\u2019)?s been (?:about |over |almost |nearly |more than )?(?:a|an|one|two|three|four|five|six|\\d+) (?:days?|weeks?|months?)"
            // ...and nothing has come of it: the sentence ends there, or says so ("It's been a week since our trip and we
            // loved it" is no wait).
            + "(?: now| already)?(?=\\s*(?:[.!?]|$)| and (?:still|no|nothing)| since (?:i|we) (?:asked|wrote|sent|called|emailed|contacted|applied|filed|requested|reported|messaged)))\\b");

    /** Whether the customer has been waiting on us: "Responded to your DM and no response back". */
    static boolean waitingOnUs(String text) {
        return finds(WAITING_ON_US, text);
    }

    /** "Not a weather delay", "beautiful weather in Sunny California": the weather is what it was not. */
    private static final Pattern FAIR_WEATHER = Pattern.compile("(?i)\\b(not|n't|no|nothing to do with)( a| the)? weather\\b|"
            + "\\b(beautiful|great|perfect|nice|fine|clear|sunny|good|gorgeous) weather\\b|\\bweather (is|was|has been) (beautiful|great|perfect|nice|fine|clear|sunny|good|gorgeous)\\b");
    private static final Pattern WEATHER = Pattern.compile("(?i)\\b(weather|snow\\w*|storms?|stormy|blizzard|icy|ice storm|fog|foggy|hurricane|thunderstorms?)\\b");

    static boolean weather(String text) {
        return text != null && WEATHER.matcher(text).find() && !FAIR_WEATHER.matcher(text).find();
    }

    /** Whether a bag is still not with its owner (a damaged one is found already: it is not traced). */
    static boolean bagMissing(String text) {
        return finds(BAG_MISSING, text);
    }

    private static final String NOT_OBJECT = "(?:because|for|and|but|on|at|with|since|after|to|from|due|so|or|in|now|today|it|this|that|them)\\b";
    /** What the customer was trying to do on the phone ("trying to change my flight"), as a reply says it. */
    private static final Pattern CALL_PURPOSE = Pattern.compile("(?i)\\b(?:trying|tried|try|wanting|want|wanted|needing|need|needed|calling|called|call)"
            // "waiting for a call back to find my luggage" says what the call was for too.
            + "(?: back)? to (change|rebook|cancel|book|confirm|move|switch|upgrade|check on|ask about|find out about|sort out|find|locate|track down|report)"
            + "(?: (?:(my|our|a|the|an) )?((?!" + NOT_OBJECT + ")[a-z]+(?: (?!" + NOT_OBJECT + ")[a-z]+)?))?(?!')\\b");

    static Optional<String> callPurpose(String text) {
        Matcher m = text == null ? null : CALL_PURPOSE.matcher(text);
        if (m == null || !m.find()) {
            return Optional.empty();
        }
        String verb = m.group(1).toLowerCase(Locale.ROOT);
        if (m.group(3) == null) {
            return Optional.of("trying to " + verb);
        }
        String owner = m.group(2) == null || m.group(2).toLowerCase(Locale.ROOT).matches("my|our") ? "your" : m.group(2).toLowerCase(Locale.ROOT);
        return Optional.of("trying to " + verb + " " + owner + " " + m.group(3).toLowerCase(Locale.ROOT));
    }

    static boolean playful(String text) {
        return finds(PLAYFUL, text);
    }

    /** Where the trouble was, by airport code: "you guys suck at JFK tonight", "45 min at EWR". */
    private static final Pattern TROUBLE_AT = Pattern.compile("\\bat (?-i:(?!(?:THE|AND|ALL|YOU|NOT|WTF|LOL|OMG|SMH|TSA|USA|DMS?)\\b)([A-Z]{3}))\\b"
            + "(?:[^.!?]{0,20}?\\b(?i:(tonight|today|this morning|this afternoon|this evening|yesterday|last night)))?");

    /** What a complaint naming only a place is sorry about: "your time at JFK tonight" (where they were, never where they go). */
    static String troubleAt(String text) {
        Matcher m = text == null ? null : TROUBLE_AT.matcher(text);
        return m != null && m.find() ? "your time at " + m.group(1) + (m.group(2) != null ? " " + m.group(2).toLowerCase(Locale.ROOT) : "") : "";
    }

    /** What thanks praise in so many words: "Brilliant customer service", "amazing crew on the way home". */
    private static final Pattern PRAISED_THING = Pattern.compile("(?i)\\b(brilliant|great|excellent|amazing|awesome|outstanding|fantastic|superb|"
            + "wonderful|stellar|exceptional|incredible|lovely|professional|courteous|attentive|friendly|helpful|smooth|quick|speedy|"
            + "first-class|top-notch) (customer service|service|customer care|crew|"
            + "cabin crew|staff|team|flight attendants|attendants|pilots?|landing|flight|job|help|response|responses|representatives|reps|agents)\\b"
            // The whole thing, not the first half of it: "a speedy flight time recovery".
            + "(?!\\s+(?:time|recovery|delay|change|attendants?|crew|team|staff|service|deals?|status|numbers?)\\b)");

    /**
     * The praised thing said the other way round: "The snacks are amazing!", "your crew was so kind", "the pilots did a great job
     * landing in the snow". Only things a brand's people make; "my flight was amazing" is the trip itself, thanked as such.
     */
    private static final Pattern THING_PRAISED = Pattern.compile("(?i)(?:\\b(?:the|your|ur|our) |(?:^|[.!?]\\s+|@\\w+\\s+))((?:cabin |gate |flight |ground )?(?:crew|staff|team|"
            + "flight attendants?|attendants|agents?|pilots?|captain|service|customer service|snacks|food|meals?|drinks|seats|wifi|wi-fi|lounge|"
            + "app|website|site|commercial|ad|video|entertainment|landing|boarding|check-in))\\b (?:(?:is|are|was|were|has been|have been) "
            + "(?:so |really |very |absolutely |truly |just |always |simply |super )?(?:brilliant|great|excellent|amazing|awesome|outstanding|"
            + "fantastic|superb|wonderful|stellar|exceptional|incredible|perfect|lovely|sweet|kind|friendly|helpful|professional|courteous|"
            + "attentive|delicious|tasty|fast|smooth|the best)|did (?:an? )?(?:brilliant|great|excellent|amazing|awesome|fantastic|superb|"
            + "wonderful|stellar|incredible|perfect) job)\\b");

    /** The praised thing, as thanks name it ("the brilliant customer service", "the snacks"), where the post says it in so many words. */
    static String praisedThing(String text) {
        if (text == null) {
            return "";
        }
        // Who did "a great job" says more than the job.
        Matcher m = THING_PRAISED.matcher(text);
        if (m.find()) {
            return "the " + m.group(1).toLowerCase(Locale.ROOT);
        }
        m = PRAISED_THING.matcher(text);
        return m.find() ? "the " + m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2).toLowerCase(Locale.ROOT) : "";
    }

    /** Whether an echo names something people praise (the crew, the service), fit for thanks. */
    static boolean praised(String detail) {
        return PRAISED.matcher(detail).find();
    }

    static boolean staffOnly(String detail) {
        return STAFF_ONLY.matcher(detail).matches();
    }

    /** A flight named by its number: "flight 441", "flt #12", "UA 791", "#AA1516". */
    private static final Pattern FLIGHT_NUMBER = Pattern.compile(
            "(?i)\\b(?:flight|flt|fl)\\.? ?#? ?\\d{1,4}\\b|(?<![\\w#])#?(?-i:UA|AA|DL|WN|B6|VX|US|AS|NK|F9) ?\\d{2,4}\\b");

    /** A sum of money: "$35", "£6.14", "€120", "99 dollars", "40 bucks". */
    private static final Pattern AMOUNT = Pattern.compile("(?i)[$£€]\\s?\\d|\\b\\d+(?:[.,]\\d+)?\\s?(?:dollars|usd|bucks|euros?|eur|pounds|gbp)\\b");

    static boolean namesAmount(String text) {
        return finds(AMOUNT, text);
    }

    static boolean namesFlight(String text) {
        return text != null && (FLIGHT_NUMBER.matcher(text).find() || FLIGHT_CODE_LOWER.matcher(text).find());
    }

    /** "aa223 being ignored": a carrier's code run into the number, in any case. */
    private static final Pattern FLIGHT_CODE_LOWER = Pattern.compile("(?i)(?<![\\w#@])(?:ua|aa|dl|wn|b6|vx|nk|f9|ba)\\d{2,4}\\b");

    /** Capitals that are no airport: shouting, acronyms of companies, networks and time zones. */
    private static final String NOT_AN_AIRPORT = "(?!(?:WTF|LOL|OMG|SMH|FYI|BTW|AND|THE|FOR|NOT|YOU|ALL|ONE|GET|TSA|USA|CEO|DMS|ATM|NYC|UPS|DHL|"
            + "HBO|CVS|BBC|ITV|NFL|NBA|NHL|MLB|PSN|XBL|EST|PST|CST|MST|GMT|UTC|USB|GPS|SMS|APP|FAQ|DVR|HDR|ETA|IMO|TBH|ASAP)\\b)";

    /**
     * Airports by their codes: a route ("EWR-PDX", "JFK to LAX") or a stop ("stuck at ORD", "in DFW", "from BOS"); never
     * in a post written in capitals, where "TO GET" is shouting.
     */
    private static final Pattern AIRPORT = Pattern.compile("(?<![@#\\w])" + NOT_AN_AIRPORT + "[A-Z]{3}(?:[-/>]| to | - )" + NOT_AN_AIRPORT + "[A-Z]{3}\\b"
            + "|\\b(?:at|in|from|to|into|out of|leaving|landed in|via) " + NOT_AN_AIRPORT + "[A-Z]{3}\\b");

    private static final Pattern HANDLES_AND_LINKS = Pattern.compile("@\\w+|https?://\\S+");

    /** A device named by its make or model: "my MacBook Pro", "PS4", "Xbox One", "Galaxy S8". */
    private static final Pattern DEVICE = Pattern.compile("(?i)\\b(iphone|ipad|ipod|macbook|imac|apple watch|pixel \\d|samsung galaxy|galaxy (?:s|note|tab) ?\\d+|"
            + "moto ?[gexz]|nokia|ps[345]|playstation|xbox|nintendo switch|kindle|echo dot|fire tv|roku|chromebook|surface pro|apple tv)(e?s)?\\b");

    static boolean namesDevice(String text) {
        return finds(DEVICE, text);
    }

    /** The app's version told, or the app updated already: "latest version", "v4.2.1", "reinstalled the app". */
    private static final Pattern APP_VERSION = Pattern.compile("(?i)\\b((latest|newest|current|most recent) (version|update)|version \\d|v ?\\d+(\\.\\d+)+|"
            + "(updated|reinstalled|re-installed|deleted and reinstalled|uninstalled and reinstalled) (the |your |my )?app|app is up to date)\\b");

    static boolean namesAppVersion(String text) {
        return finds(APP_VERSION, text);
    }

    /** A device of any kind, by name or by what it is ("my laptop", "the console", "2 echos"). */
    private static final Pattern ANY_DEVICE = Pattern.compile("(?i)\\b(device|phone|smartphone|laptop|tablet|computer|pc|mac|console|tv|television|"
            + "printer|watch|keyboard|mouse|headset|headphones|controller|box|echo|speaker|router|modem|camera|kindle|dvr|remote)(e?s)?\\b");

    static boolean namesAnyDevice(String text) {
        return finds(DEVICE, text) || finds(ANY_DEVICE, text);
    }

    /** A device named down to its model: "iPhone 8 Plus", "Galaxy S8", "Moto G 3rd Gen", "MacBook Pro 2016", "Apple Watch Series 3". */
    private static final Pattern MODEL = Pattern.compile("(?i)\\b(iphone ?(\\d{1,2}|x[sr]?|se)( ?(plus|pro|max|mini))?|galaxy (s|note|tab) ?\\d+|pixel ?\\d"
            + "|moto ?[gexz] ?\\d|moto ?[gexz] \\d(st|nd|rd|th) gen|ipad (pro|air|mini|\\d)|macbook (pro |air )?(\\d{2,4}|retina)"
            + "|series ?\\d (apple ?)?watch|apple watch series ?\\d)\\b");

    /** A device that will not start has no software version to tell. */
    private static final Pattern WONT_START = Pattern.compile("(?i)\\b(won'?t|will not|doesn'?t|does not|can'?t) (turn on|power on|boot|start|charge)|\\bnot charging\\b");

    static boolean namesModel(String text) {
        return text != null && MODEL.matcher(text).find() && !WONT_START.matcher(text).find();
    }

    /** The software named with its version: "Upgrading to Windows 10", "since iOS 11.1", "watchOS4". */
    private static final Pattern SOFTWARE = Pattern.compile("(?i)\\b(windows ?(7|8|8\\.1|10|11|xp|vista)|ios ?\\d{1,2}(\\.\\d+)*|#?ios\\d{3,5}|"
            + "mac ?os( x)? ?(\\d{2}(\\.\\d+)*|sierra|high sierra|mojave|catalina|big sur|monterey|ventura|sonoma)|high sierra|android ?\\d{1,2}(\\.\\d)?|"
            + "android (oreo|nougat|marshmallow|pie)|watch ?os ?\\d(\\.\\d+)*|tvos ?\\d+)\\b");

    /** Whether the post names the software it runs, with its version: only the device model is left to ask. */
    static boolean namesSoftware(String text) {
        return finds(SOFTWARE, text);
    }

    /** The device as the post names it, its model words kept ("MacBook Pro", "Xbox One", "iPhone 7"), or "". */
    static String device(String text) {
        Matcher m = text == null ? null : DEVICE_NAMED.matcher(text);
        if (m == null || !m.find()) {
            return "";
        }
        // Named as its maker writes it: "your PS4", "your iPhone 7", never "your ps4" or "your IPHONE".
        String named = m.group().strip();
        for (String make : MAKES) {
            if (named.regionMatches(true, 0, make, 0, make.length())) {
                named = make + named.substring(make.length());
                break;
            }
        }
        StringBuilder out = new StringBuilder();
        for (String word : named.split(" ")) {
            out.append(out.length() == 0 ? "" : " ").append(MODEL_WORDS.getOrDefault(word.toLowerCase(Locale.ROOT), word));
        }
        return out.toString();
    }

    private static final Map<String, String> MODEL_WORDS = Map.of("pro", "Pro", "air", "Air", "max", "Max", "plus", "Plus", "one", "One",
            "fire", "Fire", "paperwhite", "Paperwhite", "note", "Note", "x", "X", "s", "S");

    private static final List<String> MAKES = List.of("iPhone", "iPad", "iPod", "MacBook", "iMac", "Apple Watch", "Apple TV", "Pixel",
            "Samsung Galaxy", "Galaxy", "Moto", "Nokia", "PS3", "PS4", "PS5", "PlayStation", "Xbox", "Nintendo Switch", "Kindle", "Echo Dot",
            "Fire TV", "Roku", "Chromebook", "Surface Pro");

    private static final Pattern DEVICE_NAMED = Pattern.compile("(?i)\\b(?:iphone(?: ?(?:\\d+|x|xs|xr|se)(?! ?(?:times|x\\b|more|days|hours|mins))"
            + "(?: (?:plus|pro|max))?)?|ipad(?: (?:pro|mini|air))?|macbook(?: (?:pro|air))?|imac|apple watch|pixel \\d+|samsung galaxy|"
            + "galaxy (?:s|note|tab) ?\\d+|moto ?[gexz]|nokia(?: \\w*\\d\\w*)?|ps[345]|"
            + "playstation(?: [345](?! ?(?:times|x\\b|more)))?|xbox(?: one(?! more)(?: [sx])?| 360| series [sx])?|nintendo switch|kindle(?: (?:fire|paperwhite))?|echo dot|fire tv|roku|"
            + "chromebook|surface pro|apple tv)\\b");

    /** Whether the post names an airport by its code. */
    static boolean namesAirport(String text) {
        return text != null && !shouted(text) && AIRPORT.matcher(text).find();
    }

    /** More capitals than small letters, handles and links aside: "WHY IS IT SO HARD TO GET A REFUND". */
    private static boolean shouted(String text) {
        // Three capitals alone may be the codes themselves ("6533 ORD to DCA"): the rest of the post decides.
        String words = HANDLES_AND_LINKS.matcher(text).replaceAll(" ").replaceAll("\\b[A-Z]{3}\\b", " ");
        long upper = words.chars().filter(Character::isUpperCase).count();
        return upper >= 6 && upper > words.chars().filter(Character::isLowerCase).count();
    }

    /**
     * Where it happened, named: an airport by its code ("MIA-LGA check In"), a gate or desk, a city after "in" or "at"
     * ("Gabriela in Miami"): the team is not asked where again.
     */
    private static final Pattern PLACE_NAMED = Pattern.compile("(?<![@#\\w])(?!(?:WTF|LOL|OMG|SMH|FYI|BTW|AND|THE|FOR|NOT|YOU|ASAP|TSA|USA|DMs?|CEO|PIR|KTN|TV)\\b)"
            + "[A-Z]{3}(?:[-/][A-Z]{3})?\\b|(?i:\\bgate ?[a-z]?\\d{1,3}[a-z]?\\b|\\bcheck[- ]?in (?:desk|counter|line)|\\bticket(?:ing)? counter\\b|\\bbaggage (?:claim|office|desk)\\b)"
            + "|\\b(?i:in|at) (?!(?-i:I|The|My|Our|Your)\\b)(?-i:[A-Z][a-z]{2,})(?: (?-i:[A-Z][a-z]+))?\\b");

    static boolean namesPlace(String text) {
        return finds(PLACE_NAMED, text);
    }

    /**
     * A retelling of a wrong beside the time it cost: "you've been booked on the wrong flight", not "you get long hold times".
     * A cancellation is no such wrong: the hours it left them stuck somewhere are what they live now.
     */
    private static final Pattern WRONG_OF_ITS_OWN = Pattern.compile("(?i)\\b(wrong|refused|denied|weren't allowed|wasn't allowed|"
            + "lost|damaged|broken|charged|bumped|missed|downgraded|stolen|rebooked|left behind)\\b");
    private static final Pattern WAITING_WORDS = Pattern.compile("(?i)\\b(wait\\w*|hold|line|queue|phone|taking so long|still)\\b");

    static boolean wrongOfItsOwn(String retold) {
        return retold != null && WRONG_OF_ITS_OWN.matcher(retold).find() && !WAITING_WORDS.matcher(retold).find();
    }

    /** A phone number, an email address or a street address, posted where everyone can read it. */
    // A phone number has nine digits or more: "tell me if the 10.30-11.45 slot is free" and a date are none.
    private static final Pattern PERSONAL = Pattern.compile("(?i)(?<![\\w/])\\+\\d(?:[ ().-]?\\d){8,}(?![\\w/])"
            + "|\\b(phone|mobile|cell|tel|call me|text me|number is|reach me)\\b\\D{0,15}\\d(?:[ ()-]?\\d){8,}"
            + "|(?<![\\w/])\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}(?![\\w/])|\\b[\\w.+-]+@[\\w-]+\\.[\\w.]{2,}\\b|__email__"
            + "|\\b\\d{1,6} (\\w+ ){1,4}(st|street|ave|avenue|blvd|boulevard|rd|road|terr|terrace|dr|drive|ln|lane|way|court|ct|place|pl)\\b");

    /**
     * "My mailing address is 3003 E 107 Terr...": personal details in public, better sent in DM (and the post deleted).
     * Anonymised corpora write an email address as {@code __email__}.
     */
    static boolean personalInPublic(String text) {
        return finds(PERSONAL, text);
    }

    static boolean hasReference(String text) {
        return finds(REFERENCE, text);
    }

    /** "why was my flight cancelled?", "care to elaborate on why CHA to DCA is delayed": the reason for a disruption, asked. */
    private static final Pattern WHY_DISRUPTED = Pattern.compile("(?i)\\b(why|reason|elaborate|explain|what happened|what'?s going on|what'?s up with|what'?s the deal with|what caused|cause of|any info|(are|is) there (any |airport-wide |a )?)\\b"
            + ".{0,80}\\b(cancel\\w*|delay\\w*|divert\\w*|redirect\\w*|re-?rout\\w*|late|return(ed|ing)? to|turn(ed)? (back|around))\\b"
            + "|\\b(cancel\\w*|delay\\w*|divert\\w*|redirect\\w*)\\b.{0,40}\\b(why|reason)\\b");

    /** "My app says on time and the website says it's not": two of our channels tell different stories. */
    private static final Pattern SOURCES_DISAGREE = Pattern.compile("(?i)\\b(app|website|site|status page|text|email|board|screen)s? (says?|shows?|said|showed)\\b"
            + ".{0,60}\\b(app|website|site|status page|text|email|board|screen|agent|gate) (says?|shows?|said|showed)\\b");

    static boolean sourcesDisagree(String text) {
        return finds(SOURCES_DISAGREE, text);
    }

    static boolean whyDisrupted(String text) {
        return finds(WHY_DISRUPTED, text);
    }

    /** Help asked for kindly, with no shouting: "I'm hoping you can help?", "could you please", "thanks in advance". */
    private static final Pattern ASKED_KINDLY = Pattern.compile("(?i)\\b((i'?m |i am |we'?re |we are )?hoping (you|someone) (can|could) help|(could|can|would) you (please|kindly)"
            + "|thanks? (you )?in advance|(i'?d|i would|we'?d|we would) (really |greatly )?appreciate|would it be possible)\\b");

    /** "hello, I'm having an issue with a same day ship order. Can you help me?": greeted, then asked. */
    private static final Pattern GREETED = Pattern.compile("(?i)^\\W*(?:@\\w+\\W+)*(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|dear)\\b");
    private static final Pattern HELP_ASKED = Pattern.compile("(?i)\\b(?:can|could) (?:you|someone|anyone|somebody)(?: guys)? (?:please )?help\\b");

    static boolean askedKindly(String text) {
        if (text == null || text.contains("!!")) {
            return false;
        }
        String plain = text.replace('\u2019', '\'');
        return ASKED_KINDLY.matcher(plain).find() || GREETED.matcher(plain).find() && HELP_ASKED.matcher(plain).find();
    }

    /** "Sorry to bother you again", "just curious why", "out of curiosity": a question asked politely, not a grievance. */
    private static final Pattern POLITE_ASK = Pattern.compile("(?i)\\b(sorry (to|for) (bother|trouble|bug|pester)\\w*|(just|i'?m|i am|i was) (curious|wondering)|out of curiosity)\\b");

    private static final Pattern ASKED_WITHOUT_MARK = Pattern.compile("(?i)\\b(curious|wondering) (why|how|if|whether|what|when|where|which)\\b");

    static boolean politeAsk(String text) {
        return text != null && (text.contains("?") || ASKED_WITHOUT_MARK.matcher(text).find()) && POLITE_ASK.matcher(text).find();
    }

    /**
     * What makes a question a grievance: a trouble, a charge, time lost, a word of anger, a "why", a negation, an exclamation.
     * Only a question with none of them is plain: most questions with a "no" or a "why" in them are complaints asked.
     */
    private static final Pattern GRIEVANCE = Pattern.compile("(?i)\\b(again|ridiculous|unacceptable|terrible|awful|horrible|worst|wtf|ugh|smh|ffs|"
            + "seriously|rude|lost|never|no|not|nothing|nobody|none|cannot|no one|no longer|hours?|hrs|mins?|minutes|delay\\w*|cancel+ed|"
            + "cancel+ation|charged|charges?|overcharged|fees?|refund\\w*|waiting|waited|hold|tarmac|slow|down|trick|point|confus\\w*|"
            + "frustrat\\w*|annoy\\w*|angry|disappoint\\w*|broken|damaged|missing|stuck|stranded|why|what the|or nah|or what|"
            + "what(?:'s| is) (?:going on|happening|up) with)\\b|n't\\b|n’t\\b"
            + "|!|\\?{2,}|[\\x{1F620}\\x{1F621}\\x{1F624}\\x{1F644}\\x{1F92C}\\x{1F612}\\x{1F615}]|:/|:\\(");

    /**
     * A practical question and nothing else ("Quick q - what's the carry-on limit? is a backpack ok or will they make me check one"):
     * its words may read negative ("make me check"), but nobody is upset, and "I understand" would answer a grievance not told.
     */
    static boolean plainAsk(String text) {
        return text != null && text.contains("?") && !GRIEVANCE.matcher(text).find();
    }

    /** Hashtags that complain: "#DoBetter", "#fail", "#passengersLose". */
    private static final Pattern COMPLAINT_TAG = Pattern.compile("(?i)#\\w*(dobetter|fail|fixit|sucks|worst|neveragain|disappoint|unacceptable|lose|ripoff|notcool|badservice)\\w*");

    static boolean complaintTag(String text) {
        return finds(COMPLAINT_TAG, text);
    }

    /** A sad or crying face: "episode 7 & 8 aren't there??? 😭" hears no "good question". */
    private static final Pattern SAD_FACE = Pattern.compile(org.careloop.analysis.SocialText.SAD_FACES + "|😩");

    static boolean sadFace(String text) {
        return finds(SAD_FACE, text);
    }

    static boolean asks(String text) {
        return finds(ASKS, text);
    }

    static boolean ownTrip(String text) {
        return finds(OWN_TRIP, text);
    }

    /** Whether an echo is time the customer lost ("the 2 hours on hold"): apologised for, not looked into. */
    static boolean timeLost(String detail) {
        return TIME_LOST.matcher(detail).find();
    }

    /** Whether the pattern is found in the post (no post, nothing found). */
    private static boolean finds(Pattern pattern, String text) {
        return text != null && pattern.matcher(text).find();
    }
}
