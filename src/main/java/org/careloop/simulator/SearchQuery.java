package org.careloop.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of X's search query language the simulator understands: words and "quoted phrases"
 * (all must match), {@code OR} between terms, {@code -term} to exclude, {@code from:handle},
 * {@code @handle}, {@code is:retweet} and {@code is:reply} (with their negations).
 */
final class SearchQuery {

    private static final Pattern TOKEN = Pattern.compile("-?\"[^\"]*\"|\\S+");

    /** One term; {@code alternatives} holds the OR group of which this is the first. */
    private record Term(boolean negated, String kind, String value) {}

    /** A conjunction of OR groups. */
    private final List<List<Term>> groups = new ArrayList<>();

    SearchQuery(String query) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(query == null ? "" : query);
        while (m.find()) {
            tokens.add(m.group());
        }
        boolean or = false;
        for (String token : tokens) {
            if (token.equals("OR")) {
                or = true;
                continue;
            }
            Term term = parse(token);
            if (or && !groups.isEmpty()) {
                groups.get(groups.size() - 1).add(term);
            } else {
                List<Term> group = new ArrayList<>();
                group.add(term);
                groups.add(group);
            }
            or = false;
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("The query is empty");
        }
    }

    private static Term parse(String token) {
        boolean neg = token.startsWith("-");
        String t = neg ? token.substring(1) : token;
        if (t.startsWith("\"") && t.endsWith("\"") && t.length() >= 2) {
            return new Term(neg, "text", t.substring(1, t.length() - 1).toLowerCase(Locale.ROOT));
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String op = t.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = t.substring(colon + 1).toLowerCase(Locale.ROOT);
            if (op.equals("from") || op.equals("is") || op.equals("lang")) {
                return new Term(neg, op, value);
            }
        }
        return new Term(neg, "text", t.toLowerCase(Locale.ROOT));
    }

    boolean matches(XWorld.Post post, XWorld.User author) {
        String text = post.text().toLowerCase(Locale.ROOT);
        for (List<Term> group : groups) {
            if (group.stream().noneMatch(term -> term.negated() != holds(term, post, author, text))) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Term term, XWorld.Post post, XWorld.User author, String text) {
        return switch (term.kind()) {
            case "from" -> author != null && author.username().equalsIgnoreCase(term.value());
            case "lang" -> term.value().equalsIgnoreCase(post.lang());
            case "is" -> switch (term.value()) {
                case "retweet" -> post.retweetOfId() != null;
                case "reply" -> post.inReplyToId() != null;
                case "quote" -> post.quoteOfId() != null;
                default -> false;
            };
            default -> containsWord(text, term.value());
        };
    }

    /** Like X: a term matches whole words (and @handles, #tags), not parts of words. */
    private static boolean containsWord(String text, String term) {
        int from = 0;
        while (true) {
            int i = text.indexOf(term, from);
            if (i < 0) {
                return false;
            }
            int end = i + term.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) || term.startsWith("@") || term.startsWith("#");
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = i + 1;
        }
    }
}
