package org.careloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import org.careloop.analysis.SocialAnalyzer;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload: a saved edit takes effect, a broken edit is reported and the last good rules stay in force. */
class RulesInForceTest {

    static final SocialAnalyzer ANALYZER = new SocialAnalyzer();

    static void write(Path file, String text, long tick) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        // file systems with coarse timestamps: make every save visibly newer
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + tick * 1000));
    }

    static String decide(RulesInForce rules, String text) {
        Mention m = new Mention(Platform.X, "brand", "1", new Author("1", "jo", "Jo"), text, "en", Instant.now(), "1", null, null, false, false);
        return rules.get().decide(Facts.of(m, ANALYZER.analyze(text, null))).ruleId();
    }

    @Test
    void editsTakeEffectAndBrokenEditsKeepTheLastGoodRules(@TempDir Path dir) throws Exception {
        write(dir.resolve("templates/en/hello.mustache"), "Hello {{name}}!", 1);
        write(dir.resolve("rules.yaml"), "rules:\n  - id: greet\n    then: { action: reply, template: hello }\n", 1);
        RulesInForce rules = new RulesInForce(RuleFiles.directory(dir), Clock.systemUTC());
        assertThat(decide(rules, "hi there")).isEqualTo("greet");
        assertThat(rules.reloadIfChanged()).isFalse();

        write(dir.resolve("rules.yaml"), "rules:\n  - id: drop\n    then: { action: ignore, reason: quiet day }\n", 2);
        assertThat(rules.reloadIfChanged()).isTrue();
        assertThat(decide(rules, "hi there")).isEqualTo("drop");
        assertThat(rules.status().problem()).isNull();

        write(dir.resolve("rules.yaml"), "rules:\n  - id: broken\n    then: { action: reply, template: missing }\n", 3);
        assertThat(rules.reloadIfChanged()).isFalse();
        assertThat(decide(rules, "hi there")).isEqualTo("drop");
        assertThat(rules.status().problem()).isEqualTo(dir.resolve("rules.yaml") + ":3: template 'missing' not found ("
                + dir.resolve("templates/en/missing.mustache") + ")");

        // adding the missing template fixes the rules without touching rules.yaml
        write(dir.resolve("templates/en/missing.mustache"), "Back soon, {{name}}.", 4);
        assertThat(rules.reloadIfChanged()).isTrue();
        assertThat(decide(rules, "hi there")).isEqualTo("broken");
        assertThat(rules.status().problem()).isNull();
        assertThat(rules.status().rules()).isEqualTo(1);
    }
}
