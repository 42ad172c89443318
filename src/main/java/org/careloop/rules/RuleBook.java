package org.careloop.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Emotion;
import org.careloop.analysis.Intent;
import org.careloop.platform.Mention;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The rules in force: {@code rules.yaml}, read top to bottom, the first matching rule decides.
 * Loading validates everything (keys, actions, templates, regular expressions) and reports the
 * file, line and problem, so a care lead can fix a rule without reading code.
 */
public final class RuleBook {

    static final String FILE = "rules.yaml";
    private static final Set<String> RULE_KEYS = Set.of("id", "when", "then");
    private static final Set<String> WHEN_KEYS = Set.of("lang", "sentiment", "intent", "emotion", "troll", "keywords", "regex");
    private static final Set<String> THEN_KEYS = Set.of("action", "template", "reason");
    private static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");
    private static final Set<String> INTENTS = labels(Intent.Label.values());
    private static final Set<String> EMOTIONS = labels(Emotion.Label.values());

    private static Set<String> labels(Enum<?>[] values) {
        Set<String> out = new java.util.TreeSet<>();
        for (Enum<?> v : values) {
            out.add(v.name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private final List<Rule> rules;
    private final Templates templates;
    private final String source;

    private RuleBook(List<Rule> rules, Templates templates, String source) {
        this.rules = List.copyOf(rules);
        this.templates = templates;
        this.source = source;
    }

    /** Loads {@code rules.yaml} and {@code templates/} from a directory. */
    public static RuleBook load(Path dir) {
        Path file = dir.resolve(FILE);
        Templates templates = Templates.fromDirectory(dir.resolve("templates"));
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString(), templates);
        } catch (IOException e) {
            throw new RuleException(file.toString(), 0, "cannot be read: " + e.getMessage());
        }
    }

    /** The rules packaged with CareLoop (the {@code rules/} directory of the source tree). */
    public static RuleBook loadClasspath() {
        String resource = "rules/" + FILE;
        InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new RuleException("classpath:" + resource, 0, "is missing from the build");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(r, "classpath:" + resource, Templates.fromClasspath("rules/templates"));
        } catch (IOException e) {
            throw new RuleException("classpath:" + resource, 0, "cannot be read: " + e.getMessage());
        }
    }

    static RuleBook parse(Reader reader, String file, Templates templates) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new RuleException(file, e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem());
        }
        if (!(root instanceof MappingNode top)) {
            throw new RuleException(file, 1, "must be a mapping with a 'rules' list");
        }
        Node list = value(top, "rules");
        if (!(list instanceof SequenceNode seq)) {
            throw new RuleException(file, line(top), "needs a 'rules' list");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node n : seq.getValue()) {
            Rule rule = rule(n, file, templates);
            if (!ids.add(rule.id())) {
                throw new RuleException(file, line(n), "rule id '" + rule.id() + "' is used twice");
            }
            rules.add(rule);
        }
        if (rules.isEmpty()) {
            throw new RuleException(file, line(list), "has no rules");
        }
        return new RuleBook(rules, templates, file);
    }

    private static Rule rule(Node n, String file, Templates templates) {
        MappingNode m = mapping(n, file, "a rule");
        checkKeys(m, RULE_KEYS, file, "rule");
        String id = scalar(value(m, "id"), file, line(m), "a rule needs an 'id'");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new RuleException(file, line(value(m, "id")), "rule id '" + id + "' must be lower-case letters, digits and dashes");
        }
        Set<String> langs = Set.of();
        Set<String> sentiments = Set.of();
        Set<String> intents = Set.of();
        Set<String> emotions = Set.of();
        Boolean troll = null;
        List<String> keywords = List.of();
        Pattern regex = null;
        Node whenNode = value(m, "when");
        if (whenNode != null) {
            MappingNode when = mapping(whenNode, file, "'when'");
            checkKeys(when, WHEN_KEYS, file, "condition");
            langs = new LinkedHashSet<>(strings(value(when, "lang"), file));
            sentiments = oneOf(when, "sentiment", SENTIMENTS, file);
            intents = oneOf(when, "intent", INTENTS, file);
            emotions = oneOf(when, "emotion", EMOTIONS, file);
            Node trollNode = value(when, "troll");
            if (trollNode != null) {
                String t = scalar(trollNode, file, line(trollNode), "'troll' must be true or false");
                if (!t.equals("true") && !t.equals("false")) {
                    throw new RuleException(file, line(trollNode), "'troll' must be true or false, not '" + t + "'");
                }
                troll = Boolean.valueOf(t);
            }
            keywords = strings(value(when, "keywords"), file).stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
            Node regexNode = value(when, "regex");
            if (regexNode != null) {
                String r = scalar(regexNode, file, line(regexNode), "'regex' must be text");
                try {
                    regex = Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                } catch (PatternSyntaxException e) {
                    throw new RuleException(file, line(regexNode), "invalid regular expression: " + e.getDescription());
                }
            }
        }
        if (value(m, "then") == null) {
            throw new RuleException(file, line(m), "rule '" + id + "' needs a 'then' with an action");
        }
        MappingNode then = mapping(value(m, "then"), file, "'then'");
        checkKeys(then, THEN_KEYS, file, "action setting");
        String action = scalar(value(then, "action"), file, line(then), "rule '" + id + "' needs an action (reply or ignore)");
        Decision decision = switch (action) {
            case "reply" -> {
                Node t = value(then, "template");
                String template = scalar(t, file, line(then), "a reply needs a 'template'");
                if (!templates.exists(template)) {
                    throw new RuleException(file, line(t), "template '" + template + "' not found (" + templates.expectedPath(template) + ")");
                }
                Node reason = value(then, "reason");
                yield new Decision(id, Decision.Action.REPLY, template, reason == null ? "matched rule " + id : scalar(reason, file, line(reason), ""));
            }
            case "ignore" -> new Decision(id, Decision.Action.IGNORE, null,
                    scalar(value(then, "reason"), file, line(then), "an ignore needs a 'reason' (e.g. spam, troll)"));
            default -> throw new RuleException(file, line(value(then, "action")), "unknown action '" + action + "' (use reply or ignore)");
        };
        return new Rule(id, line(m), langs, sentiments, intents, emotions, troll, keywords, regex, decision);
    }

    /** The first rule that matches decides; when none does, the post is left to the team. */
    public Decision decide(Mention mention, Analysis analysis) {
        for (Rule r : rules) {
            if (r.matches(mention, analysis)) {
                return r.decision();
            }
        }
        return new Decision("none", Decision.Action.IGNORE, null, "no rule matched");
    }

    public List<Rule> rules() {
        return rules;
    }

    public Templates templates() {
        return templates;
    }

    public String source() {
        return source;
    }

    private static MappingNode mapping(Node n, String file, String what) {
        if (n instanceof MappingNode m) {
            return m;
        }
        throw new RuleException(file, n == null ? 0 : line(n), what + " must be a mapping of keys to values");
    }

    private static void checkKeys(MappingNode m, Set<String> allowed, String file, String what) {
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!allowed.contains(key)) {
                throw new RuleException(file, line(t.getKeyNode()), "unknown " + what + " '" + key + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static Node value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(Node n, String file, int line, String missing) {
        if (n == null) {
            throw new RuleException(file, line, missing);
        }
        if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw new RuleException(file, line(n), missing.isEmpty() ? "expected a value" : missing);
        }
        return s.getValue().trim();
    }

    /** A condition whose values must come from a fixed set (sentiment, intent, emotion). */
    private static Set<String> oneOf(MappingNode when, String key, Set<String> allowed, String file) {
        Node n = value(when, key);
        Set<String> values = new LinkedHashSet<>(strings(n, file));
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw new RuleException(file, line(n), "unknown " + key + " '" + v + "' (use " + String.join(", ", allowed) + ")");
            }
        }
        return values;
    }

    /** A single value or a list of values. */
    private static List<String> strings(Node n, String file) {
        if (n == null) {
            return List.of();
        }
        if (n instanceof ScalarNode s) {
            return List.of(s.getValue().trim());
        }
        if (n instanceof SequenceNode seq) {
            List<String> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                out.add(scalar(item, file, line(item), "expected a value"));
            }
            return out;
        }
        throw new RuleException(file, line(n), "expected a value or a list of values");
    }

    private static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    @Override
    public String toString() {
        return "RuleBook[" + source + ", " + rules.size() + " rules]";
    }
}
