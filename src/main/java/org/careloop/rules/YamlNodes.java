package org.careloop.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reading snakeyaml's nodes with errors a care lead can act on: each names the file, the line and what is wrong. */
final class YamlNodes {

    private YamlNodes() {}


    static MappingNode root(String text, String file, String listKey) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new RuleException(file, e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem());
        }
        if (!(root instanceof MappingNode top)) {
            throw new RuleException(file, 1, "must be a mapping with a '" + listKey + "' list");
        }
        return top;
    }

    static MappingNode mapping(Node n, String file, String what) {
        if (n instanceof MappingNode m) {
            return m;
        }
        throw new RuleException(file, n == null ? 0 : line(n), what + " must be a mapping of keys to values");
    }

    static void checkKeys(MappingNode m, Set<String> allowed, String file, String what) {
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!allowed.contains(key)) {
                throw new RuleException(file, line(t.getKeyNode()), "unknown " + what + " '" + key + "' (allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    static Node value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    static String scalar(Node n, String file, int line, String missing) {
        if (n == null) {
            throw new RuleException(file, line, missing);
        }
        if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw new RuleException(file, line(n), missing.isEmpty() ? "expected a value" : missing);
        }
        return s.getValue().trim();
    }

    static boolean bool(Node n, String file, String key, boolean otherwise) {
        if (n == null) {
            return otherwise;
        }
        String t = scalar(n, file, line(n), "'" + key + "' must be true or false");
        if (!t.equals("true") && !t.equals("false")) {
            throw new RuleException(file, line(n), "'" + key + "' must be true or false, not '" + t + "'");
        }
        return Boolean.parseBoolean(t);
    }

    static double fraction(Node n, String file, String key) {
        String t = scalar(n, file, line(n), "'" + key + "' needs a number from 0 to 1");
        try {
            double v = Double.parseDouble(t);
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new RuleException(file, line(n), "'" + key + "' needs a number from 0 to 1, not '" + t + "'");
    }

    static int positiveInt(Node n, String file, int otherwise) {
        if (n == null) {
            return otherwise;
        }
        String t = scalar(n, file, line(n), "expected a whole number");
        try {
            int v = Integer.parseInt(t);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new RuleException(file, line(n), "expected a whole number above 0, not '" + t + "'");
    }

    /** A condition whose values must come from a fixed set (platform, sentiment, intent, emotion). */
    static Set<String> oneOf(Node n, String key, Set<String> allowed, String file) {
        Set<String> values = new LinkedHashSet<>(strings(n, file));
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw new RuleException(file, line(n), "unknown " + key + " '" + v + "' (use " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return values;
    }

    /** A single value or a list of values. */
    static List<String> strings(Node n, String file) {
        if (n == null) {
            return List.of();
        }
        if (n instanceof ScalarNode s) {
            return s.getValue().isBlank() ? List.of() : List.of(s.getValue().trim());
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

    static Set<String> labels(Enum<?>[] values) {
        Set<String> out = new TreeSet<>();
        for (Enum<?> v : values) {
            out.add(v.name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }
}
