package org.careloop.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the rule files come from: the {@code rules/} directory a care lead edits (reloaded when it
 * changes), or the copy packaged with CareLoop. Paths are relative, e.g. {@code templates/en/thanks.mustache}.
 */
public interface RuleFiles {

    /** The file's text, or empty when it does not exist. */
    Optional<String> read(String relative);

    /** The names of the files directly in a folder (e.g. {@code knowledge}), sorted; empty when there is none. */
    List<String> list(String folder);

    /** How to name the file in a message a person reads. */
    String describe(String relative);

    /** The rules in {@code careloop.rules.dir} (default ./rules), reloaded when a file changes; without a rules.yaml there, the packaged rules. */
    static RuleFiles fromSettings(org.careloop.config.Settings settings) {
        Path dir = Path.of(settings.get("careloop.rules.dir", "./rules"));
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RuleFiles.class);
        if (Files.isRegularFile(dir.resolve("rules.yaml"))) {
            log.info("Rules from {} (reloaded when a file changes)", dir.toAbsolutePath());
            return directory(dir);
        }
        log.info("No rules in {}: using the rules packaged with CareLoop", dir.toAbsolutePath());
        return classpath("rules");
    }

    /** Changes whenever a file is added, removed or edited; constant for packaged rules. */
    String fingerprint();

    static RuleFiles directory(Path dir) {
        return new RuleFiles() {
            @Override
            public Optional<String> read(String relative) {
                Path file = dir.resolve(relative);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new RuleException(describe(relative), 0, "cannot be read: " + e.getMessage());
                }
            }

            @Override
            public List<String> list(String folder) {
                return names(dir.resolve(folder));
            }

            @Override
            public String describe(String relative) {
                return dir.resolve(relative).toString();
            }

            @Override
            public String fingerprint() {
                // Size and modification time of every file: cheap enough to check every few seconds.
                try (Stream<Path> files = Files.walk(dir)) {
                    StringBuilder b = new StringBuilder();
                    files.filter(Files::isRegularFile).sorted().forEach(f -> {
                        try {
                            b.append(f).append(':').append(Files.size(f)).append(':').append(Files.getLastModifiedTime(f).toMillis()).append(';');
                        } catch (IOException e) {
                            b.append(f).append(":gone;");
                        }
                    });
                    return b.toString();
                } catch (IOException | UncheckedIOException e) {
                    return "unreadable:" + e.getMessage();
                }
            }

            @Override
            public String toString() {
                return dir.toString();
            }
        };
    }

    private static List<String> names(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new RuleException(folder.toString(), 0, "cannot be listed: " + e.getMessage());
        }
    }

    static RuleFiles classpath(String root) {
        return new RuleFiles() {
            @Override
            public Optional<String> read(String relative) {
                try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(root + "/" + relative)) {
                    return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new RuleException(describe(relative), 0, "cannot be read: " + e.getMessage());
                }
            }

            @Override
            public List<String> list(String folder) {
                java.net.URL url = RuleFiles.class.getClassLoader().getResource(root + "/" + folder);
                if (url == null) {
                    return List.of();
                }
                try {
                    java.net.URI uri = url.toURI();
                    if (!"jar".equals(uri.getScheme())) {
                        return names(Path.of(uri));
                    }
                    // Inside the packaged jar: read the folder through the jar's own file system.
                    try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of())) {
                        return names(jar.getPath(root + "/" + folder));
                    } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                        return names(java.nio.file.FileSystems.getFileSystem(uri).getPath(root + "/" + folder));
                    }
                } catch (java.net.URISyntaxException | IOException e) {
                    throw new RuleException(describe(folder), 0, "cannot be listed: " + e.getMessage());
                }
            }

            @Override
            public String describe(String relative) {
                return "classpath:" + root + "/" + relative;
            }

            @Override
            public String fingerprint() {
                return "classpath:" + root;
            }

            @Override
            public String toString() {
                return "classpath:" + root;
            }
        };
    }
}
