package org.careloop.knowledge;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Reads one knowledge file ({@code rules/knowledge/<name>.yaml}) strictly: an unknown key, a
 * missing answer or a language nobody can read is reported with the file and line, so an
 * operator fixes it before it reaches a customer.
 */
public final class KnowledgeFile {

    private static final Set<String> ENTRY_KEYS = Set.of("id", "topic", "link", "questions", "answer");

    private KnowledgeFile() {}

    public static List<KnowledgeEntry> parse(String file, String text) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new KnowledgeException(file, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
                    "not valid YAML: " + e.getProblem());
        }
        if (!(root instanceof MappingNode top)) {
            throw new KnowledgeException(file, 1, "needs an 'entries' list");
        }
        Map<String, Node> topKeys = keys(top, file, Set.of("entries"));
        if (!(topKeys.get("entries") instanceof SequenceNode list)) {
            throw new KnowledgeException(file, line(top), "needs an 'entries' list");
        }
        List<KnowledgeEntry> out = new ArrayList<>();
        for (Node n : list.getValue()) {
            if (!(n instanceof MappingNode m)) {
                throw new KnowledgeException(file, line(n), "each entry is a mapping with id, topic, questions and answer");
            }
            Map<String, Node> k = keys(m, file, ENTRY_KEYS);
            String id = scalar(k.get("id"), file, m, "id");
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new KnowledgeException(file, line(k.get("id")), "entry id '" + id + "' may hold only lower-case letters, digits and dashes");
            }
            String topic = scalar(k.get("topic"), file, m, "topic");
            String link = k.containsKey("link") ? scalar(k.get("link"), file, m, "link") : null;
            if (link != null && !link.matches("https?://\\S+")) {
                throw new KnowledgeException(file, line(k.get("link")), "link '" + link + "' is not a web address");
            }
            Map<String, List<String>> questions = new LinkedHashMap<>();
            for (Map.Entry<String, Node> q : languages(k.get("questions"), file, m, "questions").entrySet()) {
                if (!(q.getValue() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                    throw new KnowledgeException(file, line(q.getValue()), "questions." + q.getKey() + " needs a list of phrasings");
                }
                List<String> phrasings = new ArrayList<>();
                for (Node p : seq.getValue()) {
                    phrasings.add(scalar(p, file, m, "questions." + q.getKey()));
                }
                questions.put(q.getKey(), phrasings);
            }
            Map<String, String> answers = new LinkedHashMap<>();
            for (Map.Entry<String, Node> a : languages(k.get("answer"), file, m, "answer").entrySet()) {
                answers.put(a.getKey(), scalar(a.getValue(), file, m, "answer." + a.getKey()));
            }
            for (String lang : answers.keySet()) {
                if (!questions.containsKey(lang)) {
                    throw new KnowledgeException(file, line(m), "entry '" + id + "' answers in '" + lang + "' but has no questions in it");
                }
            }
            out.add(new KnowledgeEntry(id, topic, link, questions, answers, file, line(m)));
        }
        return out;
    }

    private static Map<String, Node> languages(Node n, String file, MappingNode entry, String key) {
        if (n == null) {
            throw new KnowledgeException(file, line(entry), "entry needs '" + key + "'");
        }
        if (!(n instanceof MappingNode m)) {
            throw new KnowledgeException(file, line(n), "'" + key + "' is a mapping from language (en, ru, fa...) to text");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String lang = scalar(t.getKeyNode(), file, m, key);
            if (!Knowledge.LANGUAGES.contains(lang)) {
                throw new KnowledgeException(file, line(t.getKeyNode()), "'" + key + "' has language '" + lang + "'; use one of "
                        + new java.util.TreeSet<>(Knowledge.LANGUAGES));
            }
            out.put(lang, t.getValueNode());
        }
        if (out.isEmpty()) {
            throw new KnowledgeException(file, line(n), "'" + key + "' is empty");
        }
        return out;
    }

    private static Map<String, Node> keys(MappingNode m, String file, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!allowed.contains(key)) {
                throw new KnowledgeException(file, line(t.getKeyNode()), "unknown key '" + key + "'; expected one of " + new java.util.TreeSet<>(allowed));
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    private static String scalar(Node n, String file, Node parent, String key) {
        if (n == null) {
            throw new KnowledgeException(file, line(parent), "entry needs '" + key + "'");
        }
        if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw new KnowledgeException(file, line(n), "'" + key + "' needs text");
        }
        return s.getValue().strip();
    }

    private static int line(Node n) {
        return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }
}
