package org.careloop.rules;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.careloop.knowledge.Knowledge;
import org.careloop.knowledge.KnowledgeEntry;
import org.careloop.knowledge.KnowledgeException;
import org.careloop.knowledge.KnowledgeFile;

/**
 * The rules in force: {@code rules.yaml} (read top to bottom, the first matching rule decides),
 * the brand's knowledge in {@code knowledge/*.yaml} and the reply templates. Loading validates everything (keys, values,
 * templates, regular expressions) and reports the file, line and problem, so a care lead can fix a
 * rule without reading code.
 */
public final class RuleBook {

    static final String FILE = "rules.yaml";
    static final String KNOWLEDGE_DIR = "knowledge";
    /** The template of an answer that waits for a person to pick the knowledge entry. */
    public static final String ANSWER_PENDING = "answer-pending";
    /** The template that wraps a knowledge entry's answer. */
    public static final String ANSWER = "answer";

    private final List<Rule> rules;
    private final Knowledge knowledge;
    private final Templates templates;
    private final Settings settings;
    private final String source;

    /**
     * The rule book's own settings.
     *
     * @param vip            handles (lower case, no @) that count as VIPs
     * @param businessHours  when the team is in, for the {@code business-hours} condition
     * @param repeatPosts    posts by the same author within {@code repeatWindow} that make a repeat poster
     * @param newAccountDays an account younger than this is new
     * @param blockedWords   words a reply published without a person must never contain
     * @param topics         what posts are about, in order: the first whose words a post contains is its topic
     * @param brandNames     how customers name the brand (lower case), for the {@code competitor} condition
     * @param competitors    other brands' names and handles (lower case), for the {@code competitor} condition
     * @param travelWords    words that tell a post speaks of a trip (lower case), for topics marked {@code travel}
     * @param elsewhereWords words that tell a post is about something else (an order, a phone, a train), lower case:
     *                       a {@code travel} topic fits a post with one of them only if it speaks of a trip too
     */
    public record Settings(Set<String> vip, BusinessHours businessHours, int repeatPosts, Duration repeatWindow,
                           int newAccountDays, List<String> blockedWords, List<Topic> topics,
                           List<String> brandNames, List<String> competitors, List<String> travelWords, List<String> elsewhereWords) {

        /** The first topic the text names, in the brand's words ("your bag"), or "" for none. */
        public String topic(String text) {
            return topicOf(text).map(Topic::says).orElse("");
        }

        /** The topic's first sharper phrase whose words the text contains ("being cut off after the wait on hold"). */
        public Optional<String> sharper(String text) {
            return topicOf(text).flatMap(t -> sharper(t, text));
        }

        /** The given topic's first sharper phrase whose words the text contains. */
        public Optional<String> sharper(Topic topic, String text) {
            String lower = text == null ? "" : spaced(text.toLowerCase(Locale.ROOT));
            return topic.sharper().stream().filter(p -> p.words().stream().anyMatch(w -> names(lower, w))).findFirst().map(Topic.Phrase::says);
        }

        /** The first major topic (a disruption) whose words the text contains, wherever in the list it stands. */
        public Optional<Topic> majorTopicOf(String text) {
            return majorTopicOf(text, true);
        }

        /** The first disruption the text names, in a post about a trip ({@code trip}) only. */
        public Optional<Topic> majorTopicOf(String text, boolean trip) {
            if (text == null || !trip) {
                return Optional.empty();
            }
            String lower = lowered(text);
            return topics.stream().filter(t -> t.major() && t.words().stream().anyMatch(w -> names(lower, w)) && fits(t, lower)).findFirst();
        }

        /** Whether the post speaks of a trip: one of the {@code travel-words} ("flight", "airport", "luggage"). */
        public boolean speaksOfTravel(String text) {
            String lower = text == null ? "" : lowered(text);
            return travelWords.stream().anyMatch(w -> names(lower, w));
        }

        /**
         * Whether the post is about a trip: it speaks of one, or names a trouble only a trip has (a lost bag, a
         * cancelled flight). A post that does neither ("on hold for two hours", "you're the worst") may be about
         * anything, so a reply to it never assumes a booking.
         */
        public boolean aboutTravel(String text) {
            if (text == null) {
                return false;
            }
            String lower = lowered(text);
            return travelWords.stream().anyMatch(w -> names(lower, w))
                    // "the food was cold" to an airline is about a flight; "a used napkin in my food" alone is not.
                    || topics.stream().anyMatch(t -> t.travel() && t.words().stream().anyMatch(w -> !t.everyday().contains(w) && names(lower, w))
                    && fits(t, lower));
        }

        /**
         * Whether a knowledge entry may answer the post: an answer about trips (meals on board, refunds of fares) never
         * answers a post about something else ("the food and drink policy for the concert?", a refund for this DLC).
         */
        public boolean answers(KnowledgeEntry entry, String post) {
            return !elsewhere(post) || !aboutTravel(entry.topic() + ". " + entry.answer("en").orElse(""));
        }

        /** Whether the post is about something other than a trip and never speaks of one: an order, a phone, a train. */
        public boolean elsewhere(String text) {
            return aboutElsewhere(text == null ? "" : lowered(text));
        }

        private boolean aboutElsewhere(String lower) {
            return elsewhereWords.stream().anyMatch(w -> names(lower, w)) && travelWords.stream().noneMatch(w -> names(lower, w));
        }

        /** A travel topic does not fit a post about something else: "you cancelled my order" is no cancelled flight. */
        private boolean fits(Topic t, String lower) {
            return !t.travel() || !aboutElsewhere(lower);
        }

        /** The first topic whose words the text contains. */
        public Optional<Topic> topicOf(String text) {
            return topicOf(text, true);
        }

        /** The first topic the text names, a trip's topics only in a post about a trip ({@code trip}). */
        public Optional<Topic> topicOf(String text, boolean trip) {
            if (text == null) {
                return Optional.empty();
            }
            String lower = lowered(text);
            return topics.stream().filter(t -> (trip || !t.travel()) && t.words().stream().anyMatch(w -> names(lower, w)) && fits(t, lower)).findFirst();
        }

        /** The text as topic words are looked for in it: lower case, its hashtags' words added, one space between words ("missed  connection"). */
        private static String lowered(String text) {
            String lower = org.careloop.analysis.Details.unconceded((text + hashtagWords(text)).toLowerCase(Locale.ROOT));
            return spaced(WHO_THEY_ARE.matcher(lower).replaceAll(" . "));
        }

        /**
         * Who the customer says they are is not what the post is about: "as a frequent flyer I expected better customer
         * service" is about the service, not their miles.
         */
        private static final java.util.regex.Pattern WHO_THEY_ARE = java.util.regex.Pattern.compile(
                "\\b(?:as an?|i'?m an?|i am an?|being an?|we'?re|we are)\\s+(?:(?:very|loyal|longtime|long-time|long time|regular|frequent|"
                        + "happy|valued|loyal \\w+|business|elite|gold|silver|platinum|diamond|\\w+ preferred)\\s+)*"
                        + "(?:frequent fl[yi]ers?|fl[yi]ers?|customers?|members?|travell?ers?)\\b");

        private static String spaced(String text) {
            return text.replaceAll("\\s+", " ");
        }

        private static final java.util.regex.Pattern CAMEL_TAG = java.util.regex.Pattern.compile("#((?:[A-Z][a-z]+){2,})\\b");

        /** A hashtag written in capitals names its words: "#AwfulCustomerService" says "awful customer service". */
        static String hashtagWords(String text) {
            StringBuilder words = new StringBuilder();
            java.util.regex.Matcher m = CAMEL_TAG.matcher(text);
            while (m.find()) {
                words.append(" . ").append(m.group(1).replaceAll("(?<=[a-z])(?=[A-Z])", " "));
            }
            return words.toString();
        }

        /** Suffixes an English topic word may take and still be the word ("bags", "delayed", "crashing"). */
        private static final List<String> ENDINGS = List.of("", "s", "es", "d", "ed", "ing");

        /**
         * Whether the text has the word as a word: "app" is not in "disappointed" nor "late" in
         * "chocolate". A word written in another script is a stem ("посылк" finds "посылка").
         */
        static boolean names(String lower, String word) {
            boolean stem = word.chars().anyMatch(c -> c > 0x7f);
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
                if (at > 0 && Character.isLetterOrDigit(lower.codePointBefore(at))) {
                    continue;
                }
                if (stem) {
                    return true;
                }
                int end = at + word.length();
                for (String ending : ENDINGS) {
                    int stop = end + ending.length();
                    if (lower.startsWith(ending, end) && (stop == lower.length() || !Character.isLetterOrDigit(lower.codePointAt(stop)))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Opening hours in one time zone. */
    public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to) {

        static final BusinessHours ALWAYS = new BusinessHours(ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX);

        public boolean isOpen(Instant at) {
            ZonedDateTime t = at.atZone(zone);
            LocalTime time = t.toLocalTime();
            return days.contains(t.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
        }
    }

    private RuleBook(List<Rule> rules, Knowledge knowledge, Templates templates, Settings settings, String source) {
        this.rules = List.copyOf(rules);
        this.knowledge = knowledge;
        this.templates = templates;
        this.settings = settings;
        this.source = source;
    }

    /** Loads {@code rules.yaml}, {@code knowledge/} and {@code templates/} from a directory. */
    public static RuleBook load(Path dir) {
        return load(RuleFiles.directory(dir));
    }

    /** The rules packaged with CareLoop (the {@code rules/} directory of the source tree). */
    public static RuleBook loadClasspath() {
        return load(RuleFiles.classpath("rules"));
    }

    public static RuleBook load(RuleFiles files) {
        String text = files.read(FILE).orElseThrow(() -> new RuleException(files.describe(FILE), 0, "is missing"));
        Templates templates = new Templates(files);
        return parse(text, files.describe(FILE), templates, knowledge(files));
    }

    /** Every {@code knowledge/*.yaml}, checked entry by entry; a broken file names itself and the line. */
    static Knowledge knowledge(RuleFiles files) {
        List<KnowledgeEntry> entries = new ArrayList<>();
        try {
            for (String name : files.list(KNOWLEDGE_DIR)) {
                if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    String relative = KNOWLEDGE_DIR + "/" + name;
                    entries.addAll(KnowledgeFile.parse(files.describe(relative), files.read(relative).orElse("")));
                }
            }
            return new Knowledge(entries);
        } catch (KnowledgeException e) {
            throw new RuleException(e.file(), e.line(), e.problem());
        }
    }

    static RuleBook parse(String text, String file, Templates templates, Knowledge knowledge) {
        RulesFile.Read read = RulesFile.read(text, file, templates, knowledge);
        return new RuleBook(read.rules(), knowledge, templates, read.settings(), file);
    }

    /** The first rule that matches decides; when none does, the post is left alone and logged. */
    public Decision decide(Facts facts) {
        return explain(facts).decision();
    }

    /** The entry that answers the post surely, in its language, and may answer it: what a draft would say. */
    public Optional<Knowledge.Match> sureAnswer(String post, String lang) {
        return sureAnswer(knowledge, settings, post, lang);
    }

    /** The entry that answers the post surely, in its language, and may answer it ({@link Settings#answers}). */
    static Optional<Knowledge.Match> sureAnswer(Knowledge knowledge, Settings settings, String post, String lang) {
        return knowledge.sureAnswer(post, lang).filter(m -> settings.answers(m.entry(), post));
    }

    /** The decision with the rule that made it, for dry runs and the console. */
    public Explanation explain(Facts facts) {
        for (Rule r : rules) {
            if (!r.matches(facts)) {
                continue;
            }
            if (!r.answer()) {
                return new Explanation(r, r.decision());
            }
            Decision d = r.decision();
            String lang = Knowledge.replyLanguage(facts.analysis().lang());
            Optional<Knowledge.Match> match = sureAnswer(knowledge, settings, facts.mention().text(), lang);
            if (match.isPresent()) {
                KnowledgeEntry e = match.get().entry();
                return new Explanation(r, new Decision(d.ruleId(), Decision.Action.REPLY, List.of(ANSWER), "Knowledge: " + e.topic()
                        + " (" + e.id() + ", score " + match.get().score() + ")", d.priority(), d.escalate(), d.marketing(), d.autoPublish(), e.id()));
            }
            // Not sure, but one entry is first both by its words and by its meaning: offered as the draft, for a person to approve.
            Optional<Knowledge.Match> offered = knowledge.suggestion(facts.mention().text(), lang)
                    .filter(m -> settings.answers(m.entry(), facts.mention().text()));
            if (offered.isPresent() && offered.get().entry().answer(lang).isPresent()) {
                KnowledgeEntry e = offered.get().entry();
                return new Explanation(r, new Decision(d.ruleId(), Decision.Action.REPLY, List.of(ANSWER), "Knowledge, unsure (a person checks it): " + e.topic()
                        + " (" + e.id() + ", score " + offered.get().score() + ")", d.priority(), d.escalate(), d.marketing(), false, e.id()));
            }
            // The search is not sure, but the post's topic has its answer whatever the words (a thing left on board:
            // the lost and found form): offered as the draft, for a person to approve.
            Optional<KnowledgeEntry> topical = settings.topicOf(facts.mention().text()).map(Topic::answer).flatMap(knowledge::entry)
                    .filter(e -> e.answer(lang).isPresent());
            if (topical.isPresent()) {
                KnowledgeEntry e = topical.get();
                return new Explanation(r, new Decision(d.ruleId(), Decision.Action.REPLY, List.of(ANSWER), "Knowledge by the post's topic (a person checks it): "
                        + e.topic() + " (" + e.id() + ")", d.priority(), d.escalate(), d.marketing(), false, e.id()));
            }
            // No entry answers it surely: a person picks one of the best (the console offers them) or writes the answer.
            return new Explanation(r, new Decision(d.ruleId(), Decision.Action.REPLY, List.of(ANSWER_PENDING),
                    "no confident answer in the knowledge: a person picks or writes it", d.priority(), d.escalate(), d.marketing(), false, null));
        }
        return new Explanation(null, new Decision("none", Decision.Action.IGNORE, null, "no rule matched"));
    }

    /** A decision and its rule (null when no rule matched). */
    public record Explanation(Rule rule, Decision decision) {}

    public List<Rule> rules() {
        return rules;
    }

    public Knowledge knowledge() {
        return knowledge;
    }

    public Templates templates() {
        return templates;
    }

    public Settings settings() {
        return settings;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "RuleBook[" + source + ", " + rules.size() + " rules, " + knowledge.entries().size() + " knowledge entries]";
    }
}
