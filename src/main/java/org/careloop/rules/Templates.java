package org.careloop.rules;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reply templates, one Mustache file per template and language: {@code templates/<lang>/<id>.mustache}.
 * A file may hold several phrasings of the same reply, separated by a line of three dashes, so
 * that replies never sound canned. A language without its own version falls back to English.
 */
public final class Templates {

    static final String FALLBACK = "en";
    private static final Pattern SEPARATOR = Pattern.compile("(?m)^---\\s*$\\R?");

    private final RuleFiles files;
    private final Map<String, Optional<Phrasings>> cache = new ConcurrentHashMap<>();
    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true);

    Templates(RuleFiles files) {
        this.files = files;
    }

    /** The template's phrasings in one language (compiled). */
    public record Phrasings(String id, String lang, List<Template> variants) {

        /** Renders every phrasing with the same values. */
        public List<String> render(Map<String, ?> values) {
            List<String> out = new ArrayList<>();
            for (Template t : variants) {
                out.add(t.execute(values).strip().replaceAll("[ \\t]{2,}", " "));
            }
            return out;
        }
    }

    /** True when the template has at least its English version. */
    public boolean exists(String id) {
        return find(FALLBACK, id).isPresent();
    }

    String expectedPath(String id) {
        return files.describe(relative(FALLBACK, id));
    }

    /** The phrasings in the post's language, or in English when the language has none. */
    public Phrasings phrasings(String id, String lang) {
        if (lang != null) {
            Optional<Phrasings> own = find(lang, id);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return find(FALLBACK, id).orElseThrow(() -> new RuleException(expectedPath(id), 0, "template not found"));
    }

    /** The phrasings in this exact language, without falling back (for optional pieces like openings). */
    public Optional<Phrasings> exactly(String id, String lang) {
        return lang == null ? Optional.empty() : find(lang, id);
    }

    /** Renders the first phrasing; for places where any phrasing will do (tests, dry runs). */
    public String renderFirst(String id, String lang, Map<String, ?> values) {
        return phrasings(id, lang).render(values).get(0);
    }

    private Optional<Phrasings> find(String lang, String id) {
        if (!lang.matches("[a-z]{2,3}") || !id.matches("[a-z0-9][a-z0-9-]*")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(lang + "/" + id, key -> files.read(relative(lang, id)).map(text -> compile(lang, id, text)));
    }

    private Phrasings compile(String lang, String id, String text) {
        List<Template> variants = new ArrayList<>();
        for (String part : SEPARATOR.split(text)) {
            if (part.isBlank()) {
                continue;
            }
            try {
                variants.add(compiler.compile(part));
            } catch (MustacheException e) {
                throw new RuleException(files.describe(relative(lang, id)), lineOf(text, part), "not a valid template: " + e.getMessage());
            }
        }
        if (variants.isEmpty()) {
            throw new RuleException(files.describe(relative(lang, id)), 1, "is empty");
        }
        return new Phrasings(id, lang, List.copyOf(variants));
    }

    /** Compiles a template now, so a broken one is reported at load, not when a customer is waiting. */
    void check(String lang, String id) {
        find(lang, id);
    }

    private static int lineOf(String text, String part) {
        int at = text.indexOf(part);
        return at < 0 ? 1 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String relative(String lang, String id) {
        return "templates/" + lang + "/" + id + ".mustache";
    }
}
