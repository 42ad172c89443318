package org.careloop.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.careloop.analysis.CareAction;
import org.careloop.analysis.Emotion;
import org.careloop.analysis.Intent;
import org.careloop.platform.Platform;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import static org.careloop.rules.YamlNodes.*;

/**
 * Reads {@code rules.yaml}: its settings, topics and rules, each value checked, and every problem
 * reported with the file and line, so a care lead can fix a rule without reading code.
 *
 * <p>Long on purpose: every check of the file, each naming the file, line and problem, is in one place.
 */
final class RulesFile {

    private static final Set<String> TOP_KEYS = Set.of("rules", "vip", "business-hours", "repeat-poster", "new-account-days",
            "blocked-words", "topics", "brand-names", "competitors", "travel-words", "elsewhere-words");
    private static final Set<String> RULE_KEYS = Set.of("id", "when", "then");
    private static final Set<String> WHEN_KEYS = Set.of("platform", "account", "lang", "sentiment", "intent", "emotion", "troll",
            "offensive", "troll-score", "confidence", "keywords", "regex", "author", "business-hours", "care-action", "urgent", "competitor", "knowledge", "thread");
    private static final Set<String> AUTHOR_KEYS = Set.of("vip", "repeat", "new-account");
    private static final Set<String> THREAD_KEYS = Set.of("earlier", "brand-replied", "brand-said", "case-open");
    private static final Set<String> THEN_KEYS = Set.of("action", "template", "reason", "priority", "escalate", "marketing",
            "auto-publish");
    private static final Set<String> ACTIONS = Set.of("reply", "answer", "ticket", "ignore", "hide");
    private static final Set<String> PLATFORMS = labels(Platform.values());
    private static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");
    private static final Set<String> INTENTS = labels(Intent.Label.values());
    private static final Set<String> EMOTIONS = labels(Emotion.Label.values());
    private static final Set<String> PRIORITIES = labels(Decision.Priority.values());
    private static final Set<String> CARE_ACTIONS = labels(CareAction.Label.values());

    private RulesFile() {}

    /** What the file holds: its rules, in order, and the rule book's settings. */
    record Read(List<Rule> rules, RuleBook.Settings settings) {}

    /** @param knowledge the entries a topic's {@code answer} may name and the {@code knowledge} condition searches */
    static Read read(String text, String file, Templates templates, org.careloop.knowledge.Knowledge knowledge) {
        MappingNode top = root(text, file, "rules");
        checkKeys(top, TOP_KEYS, file, "setting");
        RuleBook.Settings settings = settings(top, file, knowledge.entries().stream().map(org.careloop.knowledge.KnowledgeEntry::id)
                .collect(java.util.stream.Collectors.toSet()));
        Node list = value(top, "rules");
        if (!(list instanceof SequenceNode seq)) {
            throw new RuleException(file, line(top), "needs a 'rules' list");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node n : seq.getValue()) {
            Rule rule = rule(n, file, templates, settings, knowledge);
            if (!ids.add(rule.id())) {
                throw new RuleException(file, line(n), "rule id '" + rule.id() + "' is used twice");
            }
            rules.add(rule);
        }
        if (rules.isEmpty()) {
            throw new RuleException(file, line(list), "has no rules");
        }
        return new Read(rules, settings);
    }

    private static RuleBook.Settings settings(MappingNode top, String file, Set<String> knowledge) {
        Set<String> vip = new LinkedHashSet<>();
        for (String h : strings(value(top, "vip"), file)) {
            vip.add(h.replaceFirst("^@", "").toLowerCase(Locale.ROOT));
        }
        RuleBook.BusinessHours hours = RuleBook.BusinessHours.ALWAYS;
        Node bh = value(top, "business-hours");
        if (bh != null) {
            hours = businessHours(mapping(bh, file, "'business-hours'"), file);
        }
        int repeatPosts = 3;
        Duration repeatWindow = Duration.ofHours(24);
        Node rp = value(top, "repeat-poster");
        if (rp != null) {
            MappingNode m = mapping(rp, file, "'repeat-poster'");
            checkKeys(m, Set.of("posts", "within-hours"), file, "repeat-poster setting");
            repeatPosts = positiveInt(value(m, "posts"), file, repeatPosts);
            repeatWindow = Duration.ofHours(positiveInt(value(m, "within-hours"), file, 24));
        }
        int newAccountDays = positiveInt(value(top, "new-account-days"), file, 30);
        List<String> blocked = strings(value(top, "blocked-words"), file).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        List<Topic> topics = new ArrayList<>();
        Node t = value(top, "topics");
        if (t != null) {
            for (NodeTuple tuple : mapping(t, file, "'topics'").getValue()) {
                topics.add(topic(tuple, file, knowledge));
            }
        }
        List<String> brandNames = strings(value(top, "brand-names"), file).stream().map(w -> w.toLowerCase(Locale.ROOT).replaceFirst("^@", "")).toList();
        List<String> competitors = strings(value(top, "competitors"), file).stream().map(w -> w.toLowerCase(Locale.ROOT).replaceFirst("^@", "")).toList();
        List<String> travelWords = strings(value(top, "travel-words"), file).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        List<String> elsewhereWords = strings(value(top, "elsewhere-words"), file).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        return new RuleBook.Settings(Set.copyOf(vip), hours, repeatPosts, repeatWindow, newAccountDays, blocked, topics, brandNames, competitors,
                travelWords, elsewhereWords);
    }

    /**
     * A topic written {@code key: { says: "...", words: [...] }}, or in short {@code "your bag": [...]},
     * whose key is then its last word.
     */
    private static Topic topic(NodeTuple tuple, String file, Set<String> knowledge) {
        String name = scalar(tuple.getKeyNode(), file, line(tuple.getKeyNode()), "a topic needs a name");
        Node v = tuple.getValueNode();
        if (v instanceof MappingNode m) {
            checkKeys(m, Set.of("says", "words", "sharper", "major", "answer", "of-flight", "travel", "everyday"), file, "topic setting");
            String says = scalar(value(m, "says"), file, line(m), "topic '" + name + "' needs 'says': how a reply names it");
            List<String> words = strings(value(m, "words"), file);
            if (words.isEmpty()) {
                throw new RuleException(file, line(m), "topic '" + name + "' needs 'words': the words that reveal it");
            }
            List<Topic.Phrase> sharper = new ArrayList<>();
            Node s = value(m, "sharper");
            if (s != null) {
                if (!(s instanceof SequenceNode list)) {
                    throw new RuleException(file, line(s), "topic '" + name + "': 'sharper' is a list of { says: \"...\", words: [...] }");
                }
                for (Node item : list.getValue()) {
                    MappingNode p = mapping(item, file, "each of topic '" + name + "''s 'sharper'");
                    checkKeys(p, Set.of("says", "words"), file, "sharper phrase setting");
                    String phrase = scalar(value(p, "says"), file, line(p), "a sharper phrase of topic '" + name + "' needs 'says'");
                    List<String> reveal = strings(value(p, "words"), file);
                    if (reveal.isEmpty()) {
                        throw new RuleException(file, line(p), "a sharper phrase of topic '" + name + "' needs 'words': the words that reveal it");
                    }
                    sharper.add(new Topic.Phrase(phrase, reveal.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList()));
                }
            }
            boolean isMajor = flag(m, "major", name, file);
            boolean travel = flag(m, "travel", name, file);
            Node a = value(m, "answer");
            String answer = a == null ? null : scalar(a, file, line(a), "topic '" + name + "': 'answer' names a knowledge entry by its id");
            if (answer != null && !knowledge.contains(answer)) {
                throw new RuleException(file, line(a), "topic '" + name + "': 'answer' names knowledge entry '" + answer
                        + "', which is in no file of knowledge/");
            }
            Node of = value(m, "of-flight");
            String ofFlight = of == null ? null : scalar(of, file, line(of), "topic '" + name + "': 'of-flight' names it before a flight, as in \"the cancellation of\"");
            List<String> lower = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
            Node e = value(m, "everyday");
            List<String> everyday = e == null ? List.of() : strings(e, file).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
            for (String w : everyday) {
                if (!lower.contains(w)) {
                    throw new RuleException(file, line(e), "topic '" + name + "': everyday word '" + w + "' is not one of its 'words'");
                }
            }
            return new Topic(name, says, lower, sharper, isMajor, answer, ofFlight, travel, everyday);
        }
        return new Topic(name.substring(name.lastIndexOf(' ') + 1), name, strings(v, file).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
    }

    /** A topic's true-or-false setting, false when absent. */
    private static boolean flag(MappingNode m, String key, String topic, String file) {
        Node n = value(m, key);
        String v = n == null ? "false" : scalar(n, file, line(n), "topic '" + topic + "': '" + key + "' is true or false");
        if (!v.equals("true") && !v.equals("false")) {
            throw new RuleException(file, line(n), "topic '" + topic + "': '" + key + "' is true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    private static RuleBook.BusinessHours businessHours(MappingNode m, String file) {
        checkKeys(m, Set.of("zone", "days", "from", "to"), file, "business-hours setting");
        ZoneId zone;
        Node z = value(m, "zone");
        try {
            zone = z == null ? ZoneId.of("UTC") : ZoneId.of(scalar(z, file, line(m), ""));
        } catch (RuntimeException e) {
            throw new RuleException(file, line(z), "unknown time zone '" + ((ScalarNode) z).getValue() + "' (use e.g. Europe/London)");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : strings(value(m, "days"), file)) {
            days.add(day(d, file, line(value(m, "days"))));
        }
        if (days.isEmpty()) {
            days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        LocalTime from = time(value(m, "from"), file, LocalTime.of(9, 0));
        LocalTime to = time(value(m, "to"), file, LocalTime.of(17, 0));
        if (!to.isAfter(from)) {
            throw new RuleException(file, line(m), "business hours end (" + to + ") must be after they start (" + from + ")");
        }
        return new RuleBook.BusinessHours(zone, days, from, to);
    }

    private static DayOfWeek day(String d, String file, int line) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(d.toLowerCase(Locale.ROOT)) && d.length() >= 3) {
                return day;
            }
        }
        throw new RuleException(file, line, "unknown day '" + d + "' (use mon, tue, wed, thu, fri, sat, sun)");
    }

    private static LocalTime time(Node n, String file, LocalTime otherwise) {
        if (n == null) {
            return otherwise;
        }
        String s = scalar(n, file, line(n), "");
        try {
            return LocalTime.parse(s.length() == 4 ? "0" + s : s);
        } catch (DateTimeParseException e) {
            throw new RuleException(file, line(n), "'" + s + "' is not a time of day (use HH:MM, e.g. 09:00)");
        }
    }

    private static Rule rule(Node n, String file, Templates templates, RuleBook.Settings settings, org.careloop.knowledge.Knowledge knowledge) {
        MappingNode m = mapping(n, file, "a rule");
        checkKeys(m, RULE_KEYS, file, "rule key");
        String id = scalar(value(m, "id"), file, line(m), "a rule needs an 'id'");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new RuleException(file, line(value(m, "id")), "rule id '" + id + "' must be lower-case letters, digits and dashes");
        }
        List<Rule.Condition> conditions = new ArrayList<>();
        Node whenNode = value(m, "when");
        if (whenNode != null) {
            MappingNode when = mapping(whenNode, file, "'when'");
            checkKeys(when, WHEN_KEYS, file, "condition");
            for (NodeTuple t : when.getValue()) {
                conditions.add(condition(((ScalarNode) t.getKeyNode()).getValue(), t.getValueNode(), file, settings, knowledge));
            }
        }
        if (value(m, "then") == null) {
            throw new RuleException(file, line(m), "rule '" + id + "' needs a 'then' with an action");
        }
        MappingNode then = mapping(value(m, "then"), file, "'then'");
        checkKeys(then, THEN_KEYS, file, "action setting");
        Node actionNode = value(then, "action");
        String action = scalar(actionNode, file, line(then), "rule '" + id + "' needs an action (" + String.join(", ", new TreeSet<>(ACTIONS)) + ")");
        if (!ACTIONS.contains(action)) {
            throw new RuleException(file, line(actionNode), "unknown action '" + action + "' (use " + String.join(", ", new TreeSet<>(ACTIONS)) + ")");
        }
        Decision.Priority priority = Decision.Priority.NORMAL;
        Node p = value(then, "priority");
        if (p != null) {
            priority = Decision.Priority.valueOf(oneOf(p, "priority", PRIORITIES, file).iterator().next().toUpperCase(Locale.ROOT));
        }
        boolean escalate = bool(value(then, "escalate"), file, "escalate", false);
        boolean marketing = bool(value(then, "marketing"), file, "marketing", false);
        boolean autoPublish = bool(value(then, "auto-publish"), file, "auto-publish", true);
        Node reasonNode = value(then, "reason");
        String reason = reasonNode == null ? null : scalar(reasonNode, file, line(reasonNode), "'reason' needs words");
        List<String> variants = List.of();
        Node t = value(then, "template");
        if (action.equals("reply") || action.equals("ticket")) {
            variants = strings(t, file);
            if (variants.isEmpty()) {
                throw new RuleException(file, line(then), "a " + action + " needs a 'template' (or a list of templates to compare)");
            }
            for (String v : variants) {
                if (!templates.exists(v)) {
                    throw new RuleException(file, line(t), "template '" + v + "' not found (" + templates.expectedPath(v) + ")");
                }
            }
        } else if (t != null) {
            throw new RuleException(file, line(t), "a '" + action + "' rule takes no 'template'"
                    + (action.equals("answer") ? " (the knowledge entry's answer is used)" : ""));
        }
        if (action.equals("answer") && (!templates.exists(RuleBook.ANSWER) || !templates.exists(RuleBook.ANSWER_PENDING))) {
            throw new RuleException(file, line(then), "an answer needs the templates '" + RuleBook.ANSWER + "' and '" + RuleBook.ANSWER_PENDING + "' ("
                    + templates.expectedPath(RuleBook.ANSWER) + ")");
        }
        if ((action.equals("ignore") || action.equals("hide")) && reason == null) {
            throw new RuleException(file, line(then), "an " + action + " needs a 'reason' (e.g. spam, troll)");
        }
        Decision.Action kind = switch (action) {
            case "ignore" -> Decision.Action.IGNORE;
            case "hide" -> Decision.Action.HIDE;
            case "ticket" -> Decision.Action.TICKET;
            default -> Decision.Action.REPLY;
        };
        Decision decision = new Decision(id, kind, variants, reason == null ? "matched rule " + id : reason, priority, escalate,
                marketing, autoPublish, null);
        return new Rule(id, line(m), List.copyOf(conditions), decision, action.equals("answer"));
    }

    private static Rule.Condition condition(String key, Node n, String file, RuleBook.Settings settings, org.careloop.knowledge.Knowledge knowledge) {
        return switch (key) {
            case "platform" -> {
                Set<String> v = oneOf(n, key, PLATFORMS, file);
                yield c(key, v, f -> v.contains(f.mention().platform().id()));
            }
            case "account" -> {
                Set<String> v = new LinkedHashSet<>(strings(n, file));
                yield c(key, v, f -> v.contains(f.mention().account()));
            }
            case "lang" -> {
                Set<String> v = new LinkedHashSet<>(strings(n, file));
                yield c(key, v, f -> v.contains(f.analysis().lang()));
            }
            case "sentiment" -> {
                Set<String> v = oneOf(n, key, SENTIMENTS, file);
                yield c(key, v, f -> v.contains(f.analysis().sentiment().label().id()));
            }
            case "intent" -> {
                Set<String> v = oneOf(n, key, INTENTS, file);
                yield c(key, v, f -> v.contains(f.analysis().intent().label().id()));
            }
            case "emotion" -> {
                Set<String> v = oneOf(n, key, EMOTIONS, file);
                yield c(key, v, f -> v.contains(f.analysis().emotion().label().id()));
            }
            case "troll" -> {
                boolean v = bool(n, file, key, false);
                yield c(key, v, f -> f.analysis().troll().label() == v);
            }
            case "offensive" -> {
                boolean v = bool(n, file, key, false);
                yield c(key, v, f -> f.analysis().offensive().label() == v);
            }
            case "troll-score" -> {
                double min = fraction(n, file, key);
                yield c(key, "at least " + min, f -> f.analysis().troll().score() >= min);
            }
            case "confidence" -> {
                double min = fraction(n, file, key);
                yield c(key, "intent confidence at least " + min, f -> f.analysis().intent().confidence() >= min);
            }
            case "keywords" -> {
                List<String> words = strings(n, file).stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
                yield c(key, words, f -> f.mention().text() != null
                        && words.stream().anyMatch(f.mention().text().toLowerCase(Locale.ROOT)::contains));
            }
            case "regex" -> {
                Pattern pattern = pattern(n, file, "'regex'");
                // Phones type curly apostrophes ("i’ll send you a DM"); rules are written with straight ones.
                yield c(key, pattern.pattern(), f -> f.mention().text() != null
                        && pattern.matcher(f.mention().text().replace('\u2019', '\'').replace('\u2018', '\'')).find());
            }
            case "care-action" -> {
                Set<String> v = oneOf(n, key, CARE_ACTIONS, file);
                yield c(key, v, f -> v.contains(f.analysis().care().label().id()));
            }
            case "urgent" -> {
                boolean v = bool(n, file, key, true);
                yield c(key, v, f -> f.analysis().care().urgent() == v);
            }
            case "competitor" -> {
                boolean v = bool(n, file, key, true);
                Competitors competitors = new Competitors(settings);
                yield c(key, v, f -> competitors.onlyAbout(f.mention().text()) == v);
            }
            case "knowledge" -> {
                boolean v = bool(n, file, key, true);
                // The same search an answer rule makes: an entry answers the post surely, in its language.
                yield c(key, v, f -> RuleBook.sureAnswer(knowledge, settings, f.mention().text(),
                        org.careloop.knowledge.Knowledge.replyLanguage(f.analysis().lang())).isPresent() == v);
            }
            case "author" -> author(mapping(n, file, "'author'"), file, settings);
            case "thread" -> thread(mapping(n, file, "'thread'"), file);
            case "business-hours" -> {
                boolean v = bool(n, file, key, true);
                RuleBook.BusinessHours hours = settings.businessHours();
                yield c(key, v, f -> hours.isOpen(f.now()) == v);
            }
            default -> throw new RuleException(file, line(n), "unknown condition '" + key + "'");
        };
    }

    /** Author conditions: all given must hold. */
    private static Rule.Condition author(MappingNode m, String file, RuleBook.Settings settings) {
        checkKeys(m, AUTHOR_KEYS, file, "author condition");
        Flags flags = new Flags(m, file);
        flags.add("vip", f -> settings.vip().contains(handle(f)));
        int posts = settings.repeatPosts();
        // recentPosts counts the author's other posts, so this one makes the n-th
        flags.add("repeat", f -> f.recentPosts() + 1 >= posts);
        Duration young = Duration.ofDays(settings.newAccountDays());
        flags.add("new-account", f -> {
            Instant since = f.mention().author().since();
            return since != null && Duration.between(since, f.now()).compareTo(young) < 0;
        });
        return flags.condition("author");
    }

    /** Thread conditions, on what came before the post in its conversation: all given must hold. */
    private static Rule.Condition thread(MappingNode m, String file) {
        checkKeys(m, THREAD_KEYS, file, "thread condition");
        Flags flags = new Flags(m, file);
        flags.add("earlier", f -> !f.conversation().turns().isEmpty());
        flags.add("brand-replied", f -> f.conversation().brandReplied());
        flags.add("case-open", f -> f.conversation().caseOpen());
        Node said = value(m, "brand-said");
        if (said != null) {
            Pattern pattern = pattern(said, file, "'brand-said'");
            flags.tests.add(f -> f.conversation().lastBrandReply().filter(t -> pattern.matcher(t).find()).isPresent());
            flags.words.add("brand-said " + pattern.pattern());
        }
        return flags.condition("thread");
    }

    /** The true/false keys of a condition's mapping ({@code vip: true}), each a test that must hold, all named for the console. */
    private static final class Flags {
        private final MappingNode m;
        private final String file;
        final List<Predicate<Facts>> tests = new ArrayList<>();
        final List<String> words = new ArrayList<>();

        Flags(MappingNode m, String file) {
            this.m = m;
            this.file = file;
        }

        /** When the mapping has {@code key}, the post must be {@code holds} exactly as the key's true or false says. */
        void add(String key, Predicate<Facts> holds) {
            Node n = value(m, key);
            if (n != null) {
                boolean v = bool(n, file, key, true);
                tests.add(f -> holds.test(f) == v);
                words.add(key + " " + v);
            }
        }

        Rule.Condition condition(String name) {
            return new Rule.Condition(name, String.join(", ", words), f -> tests.stream().allMatch(t -> t.test(f)));
        }
    }

    private static Pattern pattern(Node n, String file, String what) {
        String r = scalar(n, file, line(n), what + " must be text");
        try {
            return Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new RuleException(file, line(n), "invalid regular expression: " + e.getDescription());
        }
    }

    /**
     * A post about another brand only: it names a competitor and never us, beyond the handle that
     * routed it here. The names are compiled once, when the rules load, not for every post.
     */
    static final class Competitors {

        private static final Pattern LEADING = Pattern.compile("^(\\s*[.]?@\\w+)+");
        private static final Pattern SECOND_PERSON = Pattern.compile("\\b(you|your|u|ur|y'?all|you guys)\\b");

        private final List<String> ourHandles;
        private final List<String> theirHandles;
        private final List<Pattern> ourNames;
        private final List<Pattern> theirNames;

        Competitors(RuleBook.Settings settings) {
            ourHandles = settings.brandNames().stream().map(b -> "@" + b.replace(" ", "")).toList();
            theirHandles = settings.competitors().stream().map(c -> "@" + c.replace(" ", "")).toList();
            ourNames = settings.brandNames().stream().map(Competitors::named).toList();
            theirNames = settings.competitors().stream().map(Competitors::named).toList();
        }

        private static Pattern named(String name) {
            return Pattern.compile("(^|[^\\w@])@?" + Pattern.quote(name) + "\\b");
        }

        boolean onlyAbout(String text) {
            if (text == null || theirNames.isEmpty()) {
                return false;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            java.util.regex.Matcher lead = LEADING.matcher(lower);
            String leading = lead.find() ? lead.group() : "";
            // Addressed to us and to no competitor: a customer telling us about them ("family on Southwest, not with you") is ours.
            if (ourHandles.stream().anyMatch(leading::contains) && theirHandles.stream().noneMatch(leading::contains)) {
                return false;
            }
            // Leading handles only address the post; what it is about is in the words after them.
            String body = lower.substring(leading.length());
            boolean other = theirNames.stream().anyMatch(p -> p.matcher(body).find());
            boolean ours = ourNames.stream().anyMatch(p -> p.matcher(body).find()) || SECOND_PERSON.matcher(body).find();
            return other && !ours;
        }
    }

    private static String handle(Facts f) {
        String h = f.mention().author().handle();
        return h == null ? "" : h.toLowerCase(Locale.ROOT);
    }

    private static Rule.Condition c(String key, Object value, Predicate<Facts> test) {
        String words = value instanceof Set<?> s ? String.join(", ", s.stream().map(String::valueOf).toList())
                : value instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : String.valueOf(value);
        return new Rule.Condition(key, words, test);
    }
}
