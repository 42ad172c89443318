package org.careloop.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a customer lost, as a reply names it: "the 2 hours on the tarmac", "the 45 minutes on hold",
 * "the 3-hour delay", "the 2.5 hours at ORD". It is what they are most upset about, so it is the first
 * detail a reply echoes.
 */
final class TimeLost {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private TimeLost() {}

    /** Time the customer lost, and where: "2 hours on the tarmac", "an hour on hold", "a 3 hour delay". */
    private static final Pattern SPENT = Pattern.compile(
            "\\b(?:(\\d{1,2}|an?|one|two|three) ?(?:hours?|hrs?|hr|h)\\s*(?:and\\s*)?(?=\\d))?"
                    + "(\\d{1,2}(?:\\.5)?|an?|one|two|three|four|five|six|seven|eight|nine|ten)\\+?\\s*-?\\s*(hours?|hrs?|minutes?|mins?)\\s+"
                    + "(on hold|(?:sitting |stuck |waiting )?(?:on (?:the )?(?:tarmac|runway|plane|phone)|(?:at|in) (?:the |this )?(?:gate|line|baggage claim|airport|terminal)"
                    + "|(?:at|in) (?-i:[A-Z]{3}))|delay(?:ed)?|late)\\b", FLAGS);
    /** The place first, then the time: "stuck on the tarmac for over 2 hours", "sitting at ORD for 3 hrs". */
    private static final Pattern STUCK_FOR = Pattern.compile(
            "\\b(?:stuck|sitting|sat|waiting|waited|held|trapped|been|standing|stood) (on (?:the )?(?:tarmac|runway|plane|phone)|(?:at|in) (?:the )?(?:gate|airport|terminal|line|queue)|(?:at|in) (?-i:[A-Z]{3})|here)"
                    + " (?:for )?(?:over |almost |nearly |more than |about |another )?(\\d{1,2}(?:\\.5)?|an?|one|two|three|four|five|six)\\+?\\s*-?\\s*(hours?|hrs?|minutes|mins?)\\b",
            FLAGS);
    private static final Pattern HELD = Pattern.compile(
            "\\bon hold (?:with [\\w' ]{1,40}? )?(?:for )?(?:over |almost |nearly )?(\\d{1,2}(?:\\.5)?|an?|one|two|three|four|five)\\+?\\s*(hours?|hrs?|minutes|mins?)\\b"
                    // "1 hour and 14 min", "an hour 15": the minutes too.
                    + "(?:\\s*(?:and\\s*)?(\\d{1,2})\\s*(?:minutes|mins?|min)?\\b)?", FLAGS);

    /** Time named as lost: "2hrs of personal time wasted", "wasted 3 hours", "lost a whole day". */
    private static final Pattern WASTED = Pattern.compile(
            "\\b(?:(?:wasted|lost) (?:over |almost |nearly |more than |about |another )?(\\d{1,2}(?:\\.5)?|an?|one|two|three|four|five|six)\\+?\\s*(hours?|hrs?|minutes|mins?)"
                    + "|(\\d{1,2}(?:\\.5)?|an?|one|two|three|four|five|six)\\+?\\s*(hours?|hrs?|minutes|mins?) of (?:my |our |personal |valuable |precious )*(?:time|life|day|vacation) (?:wasted|lost|gone))\\b",
            FLAGS);
    /** A wait for the bags: "wait for an hour for our bags", "45 min wait for luggage". */
    private static final Pattern BAG_WAIT = Pattern.compile(
            "\\b(?:wait(?:ed|ing)? (?:for |over |almost |nearly |more than |about )?(\\d{1,2}(?:\\.5)?|an?|one|two|three)\\+?\\s*(hours?|hrs?|minutes|mins?) (?:so far |now |already )?(?:for|on) (?:my |our |the )?(?:bags?|luggage|suitcases?)"
                    + "|(\\d{1,2}(?:\\.5)?|an?|one|two|three)\\+?\\s*-?\\s*(hours?|hrs?|minutes|mins?|min) wait (?:for|on) (?:my |our |the )?(?:bags?|luggage|suitcases?))\\b",
            FLAGS);

    /** A wait on the phone or in a queue: "25 min phn wait", "120 min wait time on phone", "on phone with rep for over 30 min". */
    private static final Pattern PHONE_WAIT = Pattern.compile(
            "\\b(?:(\\d{1,3}(?:\\.5)?|an?|one|two|three)\\+?\\s*-?\\s*(hours?|hrs?|hr|minutes|mins?|min) (?:(?:phone |phn |hold )wait(?: time)?|wait(?: time)? on (?:the )?(?:phone|phn|hold))"
                    + "|on (?:the )?(?:phone|phn)(?: with [\\w' ]{1,30}?)? for (?:over |almost |nearly |more than |about )?(\\d{1,3}(?:\\.5)?|an?|one|two|three)\\+?\\s*(hours?|hrs?|hr|minutes|mins?|min))\\b",
            FLAGS);
    /** A wait before anyone answers: "I have to wait more than 2 hours before I can speak to someone on the phone". */
    private static final Pattern WAIT_TO_REACH = Pattern.compile(
            "\\bwait (?:for )?(?:over |almost |nearly |more than |about |at least )?(\\d{1,3}(?:\\.5)?|an?|one|two|three|four|five|six)\\+?\\s*(hours?|hrs?|hr|minutes|mins?|min)"
                    + " (?:before|to|until) (?:i|we|you)?\\s*(?:can |could )?(?:speak|talk|get through|reach|get hold|get a hold|get ahold)\\b", FLAGS);
    /** A wait named by its length and, perhaps, its place: "a two hour wait on the tarmac", "3 hr wait". */
    private static final Pattern BARE_WAIT = Pattern.compile(
            "\\b(\\d{1,3}(?:\\.5)?|an?|one|two|three|four|five|six)\\+?\\s*-?\\s*(hours?|hrs?|hr|minutes|mins?|min) wait(?: time)?"
                    + "(?: (?:on|at) (?:the )?(tarmac|tar-?mat|runway|plane|gate|airport))?\\b",
            FLAGS);
    /** "There is a wait for 35 minutes", "a wait of over 2 hours". */
    private static final Pattern WAIT_OF = Pattern.compile(
            "\\ba wait (?:of|for) (?:over |almost |nearly |more than |about )?(\\d{1,3}|an?|one|two|three|four|five|six)\\+?\\s*(hours?|hrs?|minutes|mins?)\\b", FLAGS);
    /** "I sat waiting for a re-scheduled flight for 10 hours": the wait, whatever it was for. */
    private static final Pattern WAITED_FOR = Pattern.compile(
            "\\b(?:waiting|waited|sat|sitting) (?:for|on) [\\w' -]{3,40}? for (?:over |almost |nearly |more than |about )?(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (hours|hrs)\\b",
            FLAGS);
    /** A wait with no place named: "waiting 55 minutes", "waited 2 hours", "12 hours and counting", "1 hour 15 minutes and still nothing",
     * "24 hrs later still not home". */
    private static final Pattern WAITING = Pattern.compile(
            "\\b(?:(?:(?:been )?wait(?:ed|ing)|(?:had|have|has) to wait) (?:for )?(?:over |almost |nearly |more than |about |another )?(\\d{1,3}(?:\\.5)?|an?|one|two|three|four|five|six|(?<=wait )another(?= hour))\\+?\\s*(hours?|hrs?|hr|minutes|mins?|min)"
                    + "|(?:(\\d{1,2}|an?|one|two|three) ?(?:hours?|hrs?|hr|h)\\s*(?:and\\s*)?(?=\\d))?(\\d{1,2}(?:\\.5)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\\+?\\s*(?:more )?(hours?|hrs?|hr|minutes|mins?|min)"
                    + " (?:now\\b|later,? (?:and )?still\\b|(?:and|&amp;|&) (?:counting|still (?:nothing|no\\b|waiting|here|no one|nobody)|(?:barely |have |haven't |has |hasn't |not )?moved)))\\b",
            FLAGS);

    /** A delay named verb first: "delayed over 2 hours", "delayed by 45 mins". */
    private static final Pattern DELAYED = Pattern.compile(
            "\\bdelayed (?:by |for )?(?:over |almost |nearly |more than |another )?(\\d{1,2}(?:\\.5)?|an?|one|two|three|four|five|six)\\+?\\s*(hours?|hrs?|minutes|mins?)\\b",
            FLAGS);

    /** A post that opens with the time it has cost: "@brand 2 hours and 7 minutes. Still in the queue?" */
    private static final Pattern OPENS_WITH = Pattern.compile(
            "^(?:\\s*@\\w+)*\\s*(\\d{1,2}|an?|one|two|three) ?(?:hours?|hrs?|hr)\\s*(?:and\\s*)?(\\d{1,2}) ?(?:minutes|mins?|min)\\b(?=\\s*(?:[.!?…]|$))", FLAGS);

    /** Hours spent trying to reach us, or on the road: "trying for 4 hours to get hold of someone", "15 hours of traveling". */
    private static final Pattern TRYING = Pattern.compile(
            "\\b(?:been )?trying (?:for )?(?:over |almost |nearly |more than |about )?(\\d{1,2}(?:\\.5)?|an?|one|two|three|four|five|six)\\+?\\s*(hours?|hrs?|minutes|mins?) to "
                    + "(?:get (?:hold of|through to|a hold of|ahold of)|reach|call|contact|talk to|speak (?:to|with))\\b", FLAGS);
    /** What took too long: "it should take 45 mins to board a plane", "took 2 hours to get our bags". */
    private static final Pattern TOOK = Pattern.compile(
            "\\b(?:took|takes|take|taking|it'?s taken|has taken)\\s+(?:us |me )?(?:over |almost |nearly |more than |about )?(\\d{1,3}(?:\\.5)?|an?|one|two|three|four|five|six)\\+?\\s*(hours?|hrs?|hr|minutes|mins?|min)"
                    + " to (board|deplane|get off|get (?:our|my|the) (?:bags?|luggage)|check in|get through security|get (?:a )?(?:reply|response|answer))\\b", FLAGS);
    private static final Pattern TRAVELLING = Pattern.compile(
            "\\b(\\d{1,2}(?:\\.5)?|two|three|four|five|six|seven|eight|nine|ten|twelve)\\+?\\s*(hours|hrs) of (travel(?:l?ing)?|flying|transit)\\b", FLAGS);

    /** The road instead of the flight: "have to take a 7 hour drive now", "a 5-hour bus ride". */
    private static final Pattern DRIVE = Pattern.compile(
            "\\b(\\d{1,2}(?:\\.5)?|two|three|four|five|six|seven|eight|nine|ten|twelve)\\+?\\s*-?\\s*(hours?|hrs?|hr) (drive|bus ride|train ride|car ride)\\b", FLAGS);

    /** Trouble counted over a stretch of time: "another delay in the past 32 hours". */
    private static final Pattern PAST = Pattern.compile(
            "\\b(?:in|for|over|during) the (past|last) (\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve)\\+?\\s*(hours|hrs|days)\\b", FLAGS);

    /** Days or hours spent on the trouble: "wasted 2 days now", "spent three extra days traveling", "spent three hours talking to". */
    private static final Pattern SPENT_ON = Pattern.compile(
            "\\b(spent|wasted|lost) (?:over |almost |nearly |more than |about |another )?(\\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\\+? "
                    + "(extra |more |whole |full )?(hours|hrs|days)( (?:now|so far))?(?: (travel(?:l?ing)?|on the phone|on hold|talking|calling|trying|waiting|in airports?))?\\b", FLAGS);
    /** Days a trip took: "16 days for one flight". */
    private static final Pattern DAYS_FOR = Pattern.compile("\\b(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) days (?:for|to get|to fix|to rebook|to refund|waiting)\\b", FLAGS);

    private static final Pattern CLOCK_HOURS = Pattern.compile("\\b(\\d{1,2}):([0-5]\\d) ?(hours?|hrs?)\\b", FLAGS);

    /** The time lost as the reply can name it ("the 2 hours on the tarmac", "the 3-hour delay"), or empty. */
    static Optional<String> in(String raw) {
        // "2:30 hrs delayed" is two and a half hours, never "30 hours".
        String text = CLOCK_HOURS.matcher(raw).replaceAll(c -> c.group(2).equals("30") ? c.group(1) + ".5 " + c.group(3)
                : c.group(2).equals("00") ? c.group(1) + " " + c.group(3) : c.group(1) + " hours and " + c.group(2) + " minutes");
        Matcher m = SPENT.matcher(text);
        Matcher delayed = DELAYED.matcher(text);
        // "Delayed over 2 hours at MCO" is the delay, not the time at MCO; "delayed an hour and arriving 8 hrs late": the 8 hours.
        if (delayed.find() && !(m.find() && (m.start() < delayed.start() || later(m) && minutes(m.group(2), m.group(3)) > minutes(delayed.group(1), delayed.group(2))))) {
            return Optional.of("the " + amount(delayed.group(1), delayed.group(2), true) + " delay");
        }
        Matcher opens = OPENS_WITH.matcher(text);
        if (opens.find()) {
            return Optional.of("the " + amount(opens.group(1), "hours", false) + " and " + amount(opens.group(2), "minutes", false) + " you've been waiting");
        }
        if (m.find(0)) {
            String where = m.group(4).replaceFirst("^(?i)(sitting|stuck|waiting) ", "");
            where = where.matches(".* [A-Z]{3}") ? where.substring(0, where.length() - 3).toLowerCase(Locale.ROOT) + where.substring(where.length() - 3)
                    : where.toLowerCase(Locale.ROOT);
            // "1 hr 32 mins on hold" is the hours and the minutes; a delay is named by its hours.
            boolean hoursToo = m.group(1) != null;
            if (where.startsWith("delay") || where.equals("late")) {
                return Optional.of("the " + (hoursToo ? amount(m.group(1), "hours", true) : amount(m.group(2), m.group(3), true)) + " delay");
            }
            where = where.replaceFirst("^(at|in) this ", "$1 the ");
            String spent = hoursToo ? amount(m.group(1), "hours", false) + " and " + amount(m.group(2), m.group(3), false)
                    : amount(m.group(2), m.group(3), false);
            return Optional.of("the " + spent + " " + where.replaceFirst("^(on|at|in) (?!the |hold|[A-Z]{3}\\b)", "$1 the "));
        }
        m = TRYING.matcher(text);
        if (m.find()) {
            return Optional.of("the " + amount(m.group(1), m.group(2), false) + " you've spent trying to reach us");
        }
        m = SPENT_ON.matcher(text);
        if (m.find()) {
            String amount = amount(m.group(2), m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT), m.group(4), false);
            String doing = m.group(6) == null ? "" : " " + m.group(6).toLowerCase(Locale.ROOT).replaceFirst("^travel(l?ing)?$", "travelling")
                    .replaceFirst("^talking$", "talking to us").replaceFirst("^calling$", "calling us").replaceFirst("^trying$", "trying to sort it out");
            return Optional.of("the " + amount + (m.group(1).equalsIgnoreCase("spent") ? " you've spent" + (doing.isEmpty() ? " on this" : doing) : " you lost"));
        }
        m = DAYS_FOR.matcher(text);
        if (m.find()) {
            return Optional.of("the " + m.group(1).toLowerCase(Locale.ROOT) + " days this has taken");
        }
        m = PAST.matcher(text);
        if (m.find()) {
            String unit = m.group(3).toLowerCase(Locale.ROOT).startsWith("d") ? "days" : "hours";
            return Optional.of("the " + m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2).toLowerCase(Locale.ROOT) + " " + unit);
        }
        m = TOOK.matcher(text);
        if (m.find()) {
            String what = m.group(3).toLowerCase(Locale.ROOT).replaceFirst("^get (our|my|the) (bags?|luggage)$", "get your bags")
                    .replaceFirst("^get (a )?(reply|response|answer)$", "get an answer");
            return Optional.of("the " + amount(m.group(1), m.group(2), false) + " it took to " + what);
        }
        m = TRAVELLING.matcher(text);
        if (m.find()) {
            return Optional.of("the " + amount(m.group(1), m.group(2), false) + " of travelling");
        }
        m = DRIVE.matcher(text);
        if (m.find()) {
            return Optional.of("the " + amount(m.group(1), m.group(2), true) + " " + m.group(3).toLowerCase(Locale.ROOT));
        }
        m = STUCK_FOR.matcher(text);
        if (m.find()) {
            String where = m.group(1).replaceFirst("^(?i)(on|at|in) (?!the |line\\b|queue\\b|[A-Z]{3}\\b)", "$1 the ");
            // Lower case but for an airport's code: "On The Tarmac" is "on the tarmac", "at ORD" stays.
            String code = where.matches(".* [A-Z]{3}") ? where.substring(where.length() - 3) : "";
            where = where.substring(0, where.length() - code.length()).toLowerCase(Locale.ROOT) + code;
            return Optional.of("the " + amount(m.group(2), m.group(3), false) + " " + (where.equals("here") ? "you've been waiting" : where));
        }
        m = BAG_WAIT.matcher(text);
        if (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(3);
            String unit = m.group(1) != null ? m.group(2) : m.group(4);
            return Optional.of("the " + amount(n, unit, true) + " wait for your bags");
        }
        m = WASTED.matcher(text);
        if (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(3);
            String unit = m.group(1) != null ? m.group(2) : m.group(4);
            return Optional.of("the " + amount(n, unit, false) + " you lost");
        }
        m = HELD.matcher(text);
        if (m.find()) {
            boolean minutesToo = m.group(3) != null && m.group(2).toLowerCase(Locale.ROOT).startsWith("h");
            // As "1 hr 32 mins on hold" reads: "the hour and 32 minutes on hold".
            return Optional.of("the " + (minutesToo ? amount(m.group(1), "hours", false) + " and " + amount(m.group(3), "minutes", false)
                    : amount(m.group(1), m.group(2), false)) + " on hold");
        }
        m = DELAYED.matcher(text);
        if (m.find()) {
            return Optional.of("the " + amount(m.group(1), m.group(2), true) + " delay");
        }
        m = PHONE_WAIT.matcher(text);
        if (m.find()) {
            return Optional.of(m.group(1) != null ? "the " + amount(m.group(1), m.group(2), true) + " wait on the phone"
                    : "the " + amount(m.group(3), m.group(4), false) + " on the phone");
        }
        m = WAIT_TO_REACH.matcher(text);
        if (m.find()) {
            return Optional.of("the " + amount(m.group(1), m.group(2), true) + " wait to reach someone");
        }
        m = BARE_WAIT.matcher(text);
        if (m.find()) {
            String place = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT).startsWith("tar") ? " on the tarmac"
                    : m.group(3).equalsIgnoreCase("plane") || m.group(3).equalsIgnoreCase("runway") ? " on the " + m.group(3).toLowerCase(Locale.ROOT)
                    : " at the " + m.group(3).toLowerCase(Locale.ROOT);
            return Optional.of("the " + amount(m.group(1), m.group(2), true) + " wait" + place);
        }
        m = WAIT_OF.matcher(text);
        if (m.find()) {
            return Optional.of("the " + amount(m.group(1), m.group(2), true) + " wait");
        }
        m = WAITED_FOR.matcher(text);
        if (m.find()) {
            return Optional.of("the " + amount(m.group(1), m.group(2), false) + " you waited");
        }
        m = WAITING.matcher(text);
        if (m.find()) {
            if (m.group(1) != null) {
                // "had to wait another hour": the hour on top of the wait already had.
                return Optional.of(m.group(1).equalsIgnoreCase("another") ? "the extra hour's wait" : "the " + amount(m.group(1), m.group(2), true) + " wait");
            }
            // "12 hours and counting" is time still being lost: "the 12 hours you've been waiting".
            String spent = m.group(3) != null ? amount(m.group(3), "hours", false) + " and " + amount(m.group(4), m.group(5), false)
                    : amount(m.group(4), m.group(5), false);
            return Optional.of("the " + spent + " you've been waiting");
        }
        return Optional.empty();
    }

    private static boolean isOne(String number) {
        return number.matches("(?i)an?|one|1");
    }

    private static boolean later(Matcher spent) {
        String where = spent.group(4).toLowerCase(Locale.ROOT);
        return where.equals("late") || where.startsWith("delay");
    }

    /** The minutes a spelled amount stands for ("an hour" 60, "2.5 hrs" 150); 0 when it is no number. */
    private static double minutes(String number, String unit) {
        String n = number.toLowerCase(Locale.ROOT);
        int word = List.of("a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten").indexOf(n.equals("an") ? "a" : n);
        double value = word >= 0 ? Math.max(word, 1) : n.matches("\\d+(\\.5)?") ? Double.parseDouble(n) : 0;
        return unit.toLowerCase(Locale.ROOT).startsWith("h") ? value * 60 : value;
    }

    private static String amount(String number, String unit, boolean modifier) {
        return amount(number, "", unit, modifier);
    }

    /** "2 hours", "an hour", "45 minutes", "three extra days" ({@code qualifier} "extra "); as a modifier "3-hour", "45-minute". */
    private static String amount(String number, String qualifier, String unit, boolean modifier) {
        String n = number.toLowerCase(Locale.ROOT);
        String u = unit.toLowerCase(Locale.ROOT);
        String word = u.startsWith("h") ? "hour" : u.startsWith("d") ? "day" : "minute";
        n = n.equals("twelve") ? "12" : n;
        boolean one = isOne(n);
        if (modifier) {
            return one ? qualifier + word + "-long" : n + "-" + qualifier + word;
        }
        return one ? qualifier + word : n + " " + qualifier + word + "s";
    }
}
