package org.careloop.care;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.careloop.analysis.CareAction;

/**
 * What the console offers beside a pending reply: for a question, the knowledge's best answers;
 * for any post, the reply the team approved for the most similar earlier one.
 */
public final class Suggestions implements Function<Draft, List<Drafter.Suggestion>> {

    private final Drafter drafter;
    private final PastReplies past;

    public Suggestions(Drafter drafter, PastReplies past) {
        this.drafter = drafter;
        this.past = past;
    }

    @Override
    public List<Drafter.Suggestion> apply(Draft d) {
        if (d.status() != DraftStatus.PENDING || d.work().kind() != Draft.Kind.REPLY || d.analysis() == null) {
            return List.of();
        }
        List<Drafter.Suggestion> out = new ArrayList<>();
        if (d.analysis().care().label() == CareAction.Label.ANSWER) {
            out.addAll(drafter.suggestions(d.mention(), d.analysis(), 3));
        }
        past.closest(d.mention(), d.analysis()).filter(s -> !s.text().equals(d.text())).ifPresent(out::add);
        return out;
    }
}
