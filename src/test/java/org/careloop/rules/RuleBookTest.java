package org.careloop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Sentiment;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleBookTest {

    static final RuleBook DEMO = RuleBook.load(Path.of("rules"));

    static Mention post(String text) {
        return new Mention(Platform.X, "brand", "1", new Author("9", "jana", "Jana K"), text, null, Instant.now(), "1", null, null, false, false);
    }

    static Analysis analysis(String lang, Sentiment.Label label) {
        return new Analysis(lang, new Sentiment(label, 0, 0.9), List.of());
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair how many checked bags are included on economy?|neutral|faq-baggage",
            "@acmeair when does online check-in open for international flights?|neutral|faq-check-in",
            "@acmeair can I bring my cat in the cabin?|neutral|faq-pets",
            "@acmeair can I change my seat after booking?|neutral|faq-seat-change",
            "@acmeair my bag didn't arrive in Boston|negative|problem",
            "@acmeair still waiting on my refund|negative|problem",
            "@acmeair 100x GUARANTEED crypto signals, DM me now|positive|spam",
            "lol imagine flying @acmeair in 2026|negative|bait",
            "Huge thanks to the crew on @acmeair 221 today|positive|praise",
            "@acmeair 3 hours on the tarmac, worst airline ever|negative|complaint",
            "Is the Porto flight daily from December too?|neutral|question",
            "Flying Acme Air tomorrow|neutral|acknowledge"})
    void demoRulesDecideAsACareLeadWould(String text, String sentiment, String rule) {
        Decision d = DEMO.decide(post(text), analysis("en", Sentiment.Label.valueOf(sentiment.toUpperCase())));
        assertThat(d.ruleId()).isEqualTo(rule);
    }

    @Test
    void ignoreDecisionsCarryTheirReason() {
        Decision d = DEMO.decide(post("click here bit.ly/x"), analysis("en", Sentiment.Label.NEUTRAL));
        assertThat(d.action()).isEqualTo(Decision.Action.IGNORE);
        assertThat(d.reason()).startsWith("spam");
    }

    @Test
    void packagedRulesAreTheSameAsTheSourceRules() {
        assertThat(RuleBook.loadClasspath().rules()).extracting(Rule::id).isEqualTo(DEMO.rules().stream().map(Rule::id).toList());
    }

    @Test
    void brokenYamlNamesFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("rules.yaml"), "rules:\n  - id: a\n    when: { keywords: [x\n    then: { action: ignore, reason: r }\n");
        assertThatThrownBy(() -> RuleBook.load(dir)).isInstanceOf(RuleException.class)
                .hasMessageContaining(dir.resolve("rules.yaml").toString() + ":")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void unknownActionNamesItsLine() {
        String yaml = """
                rules:
                  - id: one
                    then: { action: ignore, reason: r }
                  - id: two
                    then:
                      action: shout
                """;
        assertThatThrownBy(() -> RuleBook.parse(new StringReader(yaml), "my.yaml", Templates.fromDirectory(Path.of("rules/templates"))))
                .isInstanceOf(RuleException.class).hasMessage("my.yaml:6: unknown action 'shout' (use reply or ignore)");
    }

    @Test
    void missingTemplateUnknownKeyAndBadRegexAreReported() {
        Templates t = Templates.fromDirectory(Path.of("rules/templates"));
        assertThatThrownBy(() -> RuleBook.parse(new StringReader("rules:\n  - id: a\n    then: { action: reply, template: nope }\n"), "f.yaml", t))
                .hasMessageStartingWith("f.yaml:3: template 'nope' not found");
        assertThatThrownBy(() -> RuleBook.parse(new StringReader("rules:\n  - id: a\n    when: { mood: sad }\n    then: { action: ignore, reason: r }\n"), "f.yaml", t))
                .hasMessageStartingWith("f.yaml:3: unknown condition 'mood'");
        assertThatThrownBy(() -> RuleBook.parse(new StringReader("rules:\n  - id: a\n    when:\n      regex: \"([\"\n    then: { action: ignore, reason: r }\n"), "f.yaml", t))
                .hasMessageStartingWith("f.yaml:4: invalid regular expression");
        assertThatThrownBy(() -> RuleBook.parse(new StringReader("rules:\n  - id: a\n    then: { action: ignore, reason: r }\n  - id: a\n    then: { action: ignore, reason: r }\n"), "f.yaml", t))
                .hasMessageStartingWith("f.yaml:4: rule id 'a' is used twice");
    }
}
