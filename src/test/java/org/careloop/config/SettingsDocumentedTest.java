package org.careloop.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting the code reads by name has its default and meaning in {@code application.properties}
 * and a row in the README's configuration table: a setting added without them fails here.
 */
class SettingsDocumentedTest {

    /** A setting read by its full name: {@code settings.getDuration("careloop.outbox.interval", ...)}. */
    private static final Pattern READ = Pattern.compile("\\.(?:get|getInt|getLong|getDouble|getBoolean|getDuration|getList|has)\\(\"(careloop\\.[a-z0-9.-]+[a-z0-9])\"");

    static Set<String> keysRead() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = READ.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void everySettingReadHasItsDefaultAndItsRow() throws IOException {
        Set<String> keys = keysRead();
        assertThat(keys).as("the scan finds the settings").hasSizeGreaterThan(50).contains("careloop.outbox.interval", "careloop.db.url");
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        String readme = Files.readString(Path.of("README.md"));
        Set<String> undocumented = new TreeSet<>();
        Set<String> noRow = new TreeSet<>();
        for (String key : keys) {
            if (!Pattern.compile("(?m)^#? ?" + Pattern.quote(key) + "=").matcher(properties).find()) {
                undocumented.add(key);
            }
            if (!readme.contains("| `" + key + "` |")) {
                noRow.add(key);
            }
        }
        assertThat(undocumented).as("read in code, missing from application.properties").isEmpty();
        assertThat(noRow).as("read in code, missing from the README's configuration table").isEmpty();
    }
}
