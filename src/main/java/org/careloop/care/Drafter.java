package org.careloop.care;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.careloop.analysis.Analysis;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.rules.Templates;

/** Writes the reply a decision asks for: the template in the post's language, addressed to its author. */
public final class Drafter {

    private final Supplier<Templates> templates;
    private final Duration firstResponse;
    private final String brand;

    /**
     * @param templates     the templates in force (a supplier, so a rules reload takes effect)
     * @param firstResponse the first-response target; a draft's deadline is the post's time plus this
     * @param brand         the brand's name, for templates that sign off with it
     */
    public Drafter(Supplier<Templates> templates, Duration firstResponse, String brand) {
        this.templates = templates;
        this.firstResponse = firstResponse;
        this.brand = brand;
    }

    public Draft draft(Mention mention, Analysis analysis, Decision decision, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", firstName(mention));
        values.put("handle", mention.author().handle());
        values.put("brand", brand);
        String text = templates.get().render(decision.templateId(), analysis.lang(), values).text();
        if (mention.platform() == Platform.X) {
            text = XText.fit(text, XText.LIMIT);
        }
        Instant posted = mention.createdAt() != null ? mention.createdAt() : now;
        return new Draft(0, mention, analysis, decision.ruleId(), decision.templateId(), text, DraftStatus.PENDING, now,
                posted.plus(firstResponse), null, null, null, null);
    }

    /** People are addressed by first name when the display name has one, else by handle. */
    static String firstName(Mention mention) {
        String name = mention.author().name();
        if (name != null && !name.isBlank() && !name.trim().equalsIgnoreCase(mention.author().handle())) {
            String first = name.trim().split("\\s+")[0];
            if (first.codePoints().anyMatch(Character::isLetter)) {
                return first;
            }
        }
        return "@" + mention.author().handle();
    }
}
