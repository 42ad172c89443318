package org.careloop.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.careloop.analysis.Analysis;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;

/** Every post seen, once: the de-duplication point of the pipeline. */
public interface MentionStore {

    /**
     * Records a post unless it was seen before (same platform and post id).
     *
     * @return true when it is new and the pipeline should process it; false for a duplicate
     */
    boolean insertIfNew(Mention mention);

    Optional<Mention> find(Platform platform, String id);

    /** The posts of one conversation, oldest first (for the thread view). */
    List<Mention> thread(Platform platform, String conversationId);

    /** Stores the analysis of a post (replacing any earlier one). */
    void saveAnalysis(Platform platform, String id, Analysis analysis);

    Optional<Analysis> findAnalysis(Platform platform, String id);

    /** Stores the rules' decision for a post, with its rule, for the console's "why". */
    void saveDecision(Platform platform, String id, Decision decision);

    Optional<Decision> findDecision(Platform platform, String id);

    /** Posts the rules chose not to answer (trolls, spam, ...), the latest first, with why. */
    List<Decided> ignored(int limit);

    /** A post with the rules' decision and the analysis behind it. */
    record Decided(Mention mention, Decision decision, Analysis analysis) {}

    /** How many posts one author sent in a time window, leaving one post out (for repeat-poster rules). */
    int postsByAuthor(Platform platform, String authorId, Instant from, Instant to, String exceptId);
}
