package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Sentiment;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.rules.Templates;
import org.junit.jupiter.api.Test;

class DrafterTest {

    final Templates templates = Templates.fromDirectory(Path.of("rules/templates"));
    final Drafter drafter = new Drafter(() -> templates, Duration.ofMinutes(10), "Acme Air");
    final Instant posted = Instant.parse("2026-11-22T10:00:00Z");

    Mention post(String name, String handle) {
        return new Mention(Platform.X, "brand", "1", new Author("9", handle, name), "my bag is lost", "en", posted, "1", null, null, false, false);
    }

    @Test
    void rendersTheTemplateWithTheFirstNameAndATenMinuteDeadline() {
        Draft d = drafter.draft(post("Jana Kowalski", "jana_k"), new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), List.of()),
                new Decision("problem", Decision.Action.REPLY, "problem", "r"), posted.plusSeconds(30));
        assertThat(d.text()).startsWith("Jana, I'm really sorry");
        assertThat(d.deadline()).isEqualTo(posted.plus(Duration.ofMinutes(10)));
        assertThat(d.createdAt()).isEqualTo(posted.plusSeconds(30));
        assertThat(d.status()).isEqualTo(DraftStatus.PENDING);
        assertThat(d.ruleId()).isEqualTo("problem");
    }

    @Test
    void usesThePostsLanguageAndFallsBackToEnglish() {
        Analysis ru = new Analysis("ru", new Sentiment(Sentiment.Label.NEUTRAL, 0, 0.2), List.of());
        Analysis fa = new Analysis("fa", new Sentiment(Sentiment.Label.NEUTRAL, 0, 0.2), List.of());
        assertThat(drafter.draft(post("Дмитрий Соколов", "dmitry"), ru, new Decision("p", Decision.Action.REPLY, "problem", "r"), posted).text())
                .startsWith("Дмитрий, нам очень жаль");
        assertThat(drafter.draft(post("", "sara"), fa, new Decision("f", Decision.Action.REPLY, "faq-baggage", "r"), posted).text())
                .startsWith("Hi @sara!");
    }

    @Test
    void xCountsLikeXAndLongRepliesAreCutToFit() {
        assertThat(XText.weightedLength("hello")).isEqualTo(5);
        assertThat(XText.weightedLength("see https://example.com/a/very/long/path/that/is/long")).isEqualTo(4 + 23);
        assertThat(XText.weightedLength("日本")).isEqualTo(4);
        assertThat(XText.weightedLength("👍")).isEqualTo(2);
        String longText = "word ".repeat(100).trim();
        String fitted = XText.fit(longText, XText.LIMIT);
        assertThat(XText.weightedLength(fitted)).isLessThanOrEqualTo(280);
        assertThat(fitted).endsWith("word…");
        assertThat(XText.fit("short", 280)).isEqualTo("short");
    }
}
