package org.careloop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.careloop.analysis.SocialAnalyzer;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleBookTest {

    static final RuleBook DEMO = RuleBook.load(Path.of("rules"));
    static final SocialAnalyzer ANALYZER = new SocialAnalyzer();

    static Mention post(String text) {
        return new Mention(Platform.X, "brand", "1", new Author("9", "jana", "Jana K"), text, null, Instant.now(), "1", null, null, false, false);
    }


    /** The demo rules on the real analysis: what a care lead would want done with each post. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "@acmeair how many checked bags are included on economy?|faq-baggage",
            "@acmeair when does online check-in open for international flights?|faq-check-in",
            "@acmeair can I bring my cat in the cabin?|faq-pets",
            "@acmeair can I change my seat after booking?|faq-seat-change",
            "@acmeair my checked bag never arrived in Boston|problem",
            "@acmeair still waiting on my refund|problem",
            "@acmeair you lost my f***ing bag again, wtf|problem",
            "@acmeair 100x GUARANTEED crypto signals, DM me now|spam",
            "lol imagine flying @acmeair in 2026. answer the question, your CEO is a clown|bait",
            "Huge thanks to the crew on @acmeair 221 today|praise",
            "@acmeair 3 hours on the tarmac with no water, worst airline ever|complaint",
            "Is the Porto flight daily from December too?|question",
            "Flying Acme Air tomorrow|acknowledge"})
    void demoRulesDecideAsACareLeadWould(String text, String rule) {
        Decision d = DEMO.decide(post(text), ANALYZER.analyze(text, null));
        assertThat(d.ruleId()).as(ANALYZER.analyze(text, null).reasons().toString()).isEqualTo(rule);
    }

    @Test
    void ignoreDecisionsCarryTheirReason() {
        Decision d = DEMO.decide(post("click here bit.ly/x"), ANALYZER.analyze("click here bit.ly/x for 90% off", null));
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
