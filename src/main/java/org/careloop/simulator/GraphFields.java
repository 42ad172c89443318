package org.careloop.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Graph API {@code fields} selection: {@code id,message,from{id,name},comments.limit(10){id,text}}.
 * Each field may carry modifiers after a dot (read, and only {@code limit} used) and its own
 * selection in braces, for a nested object or edge.
 */
record GraphFields(Map<String, GraphFields> fields, Map<String, Integer> limits) {

    static final GraphFields NONE = new GraphFields(Map.of(), Map.of());

    /** The selection asked for, or {@code defaults} when the request names none. */
    static GraphFields parse(String spec, String defaults) {
        String s = spec == null || spec.isBlank() ? defaults : spec;
        if (s == null || s.isBlank()) {
            return NONE;
        }
        int[] pos = {0};
        GraphFields out = list(s.replace(" ", ""), pos);
        if (pos[0] != s.replace(" ", "").length()) {
            throw new IllegalArgumentException("Syntax error in fields: unexpected '" + s.charAt(pos[0]) + "' at character " + pos[0]);
        }
        return out;
    }

    private static GraphFields list(String s, int[] pos) {
        Map<String, GraphFields> fields = new LinkedHashMap<>();
        Map<String, Integer> limits = new LinkedHashMap<>();
        while (pos[0] < s.length() && s.charAt(pos[0]) != '}') {
            int start = pos[0];
            while (pos[0] < s.length() && "{},.".indexOf(s.charAt(pos[0])) < 0) {
                pos[0]++;
            }
            String name = s.substring(start, pos[0]);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Syntax error in fields at character " + start);
            }
            while (pos[0] < s.length() && s.charAt(pos[0]) == '.') {
                int open = s.indexOf('(', pos[0]);
                int close = s.indexOf(')', pos[0]);
                if (open < 0 || close < open) {
                    throw new IllegalArgumentException("Syntax error in fields: modifier of '" + name + "' needs (value)");
                }
                if (s.substring(pos[0] + 1, open).equals("limit")) {
                    limits.put(name, Integer.parseInt(s.substring(open + 1, close)));
                }
                pos[0] = close + 1;
            }
            GraphFields sub = NONE;
            if (pos[0] < s.length() && s.charAt(pos[0]) == '{') {
                pos[0]++;
                sub = list(s, pos);
                if (pos[0] >= s.length() || s.charAt(pos[0]) != '}') {
                    throw new IllegalArgumentException("Syntax error in fields: '{' after '" + name + "' is not closed");
                }
                pos[0]++;
            }
            fields.put(name, sub);
            if (pos[0] < s.length() && s.charAt(pos[0]) == ',') {
                pos[0]++;
            }
        }
        return new GraphFields(Map.copyOf(fields), Map.copyOf(limits));
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The selection inside {@code name{...}}, or {@code defaults} when it has none. */
    GraphFields sub(String name, String defaults) {
        GraphFields f = fields.get(name);
        return f == null || f.fields().isEmpty() ? parse(null, defaults) : f;
    }

    int limit(String name, int dflt) {
        return limits.getOrDefault(name, dflt);
    }

    Set<String> names() {
        return fields.keySet();
    }
}
