package org.careloop.rules;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reply templates, one Mustache file per template and language: {@code <lang>/<id>.mustache}.
 * A language without its own version of a template falls back to English.
 */
public final class Templates {

    static final String FALLBACK = "en";

    private final Path dir;
    private final String classpathRoot;
    private final Map<String, Optional<Template>> cache = new ConcurrentHashMap<>();
    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue("");

    private Templates(Path dir, String classpathRoot) {
        this.dir = dir;
        this.classpathRoot = classpathRoot;
    }

    public static Templates fromDirectory(Path dir) {
        return new Templates(dir, null);
    }

    public static Templates fromClasspath(String root) {
        return new Templates(null, root);
    }

    /** True when the template has at least its English version. */
    public boolean exists(String id) {
        return find(FALLBACK, id).isPresent();
    }

    String expectedPath(String id) {
        return (dir != null ? dir.toString() : "classpath:" + classpathRoot) + "/" + FALLBACK + "/" + id + ".mustache";
    }

    /**
     * Renders a template in the post's language (or English).
     *
     * @return the text and the language used
     */
    public Rendered render(String id, String lang, Map<String, ?> values) {
        String used = lang != null && find(lang, id).isPresent() ? lang : FALLBACK;
        Template t = find(used, id).orElseThrow(() -> new RuleException(expectedPath(id), 0, "template not found"));
        return new Rendered(t.execute(values).strip(), used);
    }

    public record Rendered(String text, String lang) {}

    private Optional<Template> find(String lang, String id) {
        if (!lang.matches("[a-z]{2,3}") || !id.matches("[a-z0-9][a-z0-9-]*")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(lang + "/" + id, key -> read(key + ".mustache"));
    }

    private Optional<Template> read(String relative) {
        try {
            String text;
            if (dir != null) {
                Path file = dir.resolve(relative);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                text = Files.readString(file, StandardCharsets.UTF_8);
            } else {
                try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(classpathRoot + "/" + relative)) {
                    if (in == null) {
                        return Optional.empty();
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return Optional.of(compiler.compile(text));
        } catch (IOException e) {
            throw new RuleException(relative, 0, "cannot be read: " + e.getMessage());
        } catch (MustacheException e) {
            throw new RuleException(relative, 0, "not a valid template: " + e.getMessage());
        }
    }
}
