package org.careloop.care;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Emotion;
import org.careloop.analysis.Intent;
import org.careloop.analysis.Sentiment;
import org.careloop.analysis.Troll;
import org.careloop.rules.Decision;
import org.careloop.rules.RuleBook;

/** Angry customers with one name and one complaint, drafted by the demo rules: their replies can be word for word the same. */
public final class SamePosts {

    public static final RuleBook RULES = RuleBook.load(Path.of("rules"));
    public static final Analysis ANGRY = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8),
            new Emotion(Emotion.Label.FRUSTRATION, 0.7), new Troll(false, 0.05, false, List.of()), new Intent(Intent.Label.PROBLEM, 0.9), List.of());
    public static final Decision APOLOGY = new Decision("problem", Decision.Action.REPLY, "apology", "test");

    private SamePosts() {}

    public static Drafter drafter() {
        return new Drafter(() -> RULES, Duration.ofMinutes(10), new Drafter.Voice("Acme Air", "", "within the hour"));
    }
}
