package org.careloop.pipeline;

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

    /**
     * Attempts that never reported back (the process died mid-triage: an operator's kill -9, a crash)
     * get this many times {@code maxAttempts}: a kill is seldom the post's fault, yet a post that kills
     * the process every time must still be set aside, or CareLoop would crash on it for ever.
     */
    int INTERRUPTED_ROOM = 3;

    /**
     * Records a post unless it was seen before, and admits it to triage, counting the attempt: a new
     * post, or one not triaged yet with fewer than {@code maxAttempts} attempts, or fewer than
     * {@link #INTERRUPTED_ROOM} times as many when none of them recorded a failure.
     *
     * @return true when the pipeline should triage it now
     */
    boolean admit(Mention mention, int maxAttempts);

    /** The post went through triage: it is not admitted nor claimed again. */
    void triaged(Platform platform, String id);

    /**
     * Several nodes share the triage: claims the oldest post recorded ({@link #insertIfNew}) and not
     * triaged that no node holds, for {@code node} for {@code lease}, counting the attempt as {@link #admit}
     * does; a post whose attempts are used up waits for a person. No two claims hold one post at a time:
     * a node that takes the row skips the rows other nodes are taking, and a claim ends when its post is
     * triaged, when its node releases it, or when its lease runs out unrenewed ({@link #renew}: its node died).
     *
     * @return the post claimed, or empty when none waits
     */
    Optional<Mention> claim(String node, java.time.Duration lease, int maxAttempts);

    /**
     * The node still triaging the post holds it for another {@code lease}; false when it holds it no more (its
     * lease ran out and another node claimed it, or it is triaged).
     */
    boolean renew(Platform platform, String id, String node, java.time.Duration lease);

    /**
     * The node holding the post lets it go: any node may claim it again from {@code after} from now. False
     * when the node no longer holds it (its lease ran out and another node took it, or it is triaged).
     */
    boolean release(Platform platform, String id, String node, java.time.Duration after);

    /** Records why a triage failed; returns the attempts made so far. */
    int triageFailed(Platform platform, String id, String error);

    /**
     * Takes back the attempt {@link #admit} or {@link #claim} counted, for a post that never got to its
     * triage (it waited for a free triage thread until the feed stopped waiting): it was not the post's fault.
     */
    void attemptWithdrawn(Platform platform, String id);

    /** Posts whose attempts ran out (see {@link #admit}), set aside for a person, the latest first. */
    List<SetAside> setAside(int maxAttempts, int limit);

    /** The post, when it is set aside. */
    Optional<SetAside> findSetAside(Platform platform, String id, int maxAttempts);

    /** A post CareLoop could not process, with the attempts made and the last error. */
    record SetAside(Mention mention, int attempts, String error) {}

    /** Gives a set-aside post one more attempt; false when it is not set aside. */
    boolean retryTriage(Platform platform, String id, int maxAttempts);

    /**
     * Gives a set-aside post one more attempt, claimed by {@code node} for {@code lease} in the same step
     * (several nodes share the triage), so no other node takes it meanwhile; false when it is not set aside.
     */
    boolean retryClaimed(Platform platform, String id, int maxAttempts, String node, java.time.Duration lease);

    /** Lets a set-aside post go untriaged (a person looked at it); false when it is not set aside. */
    boolean dismissTriage(Platform platform, String id, int maxAttempts);

    Optional<Mention> find(Platform platform, String id);

    /** The posts of one conversation, oldest first (for the thread view). */
    List<Mention> thread(Platform platform, String conversationId);

    /** The stored posts that reply to a post (customers' and the brand's), oldest first. */
    List<Mention> repliesTo(Platform platform, String id);

    /** Stores the analysis of a post (replacing any earlier one). */
    void saveAnalysis(Platform platform, String id, Analysis analysis);

    Optional<Analysis> findAnalysis(Platform platform, String id);

    /** The stored analyses of one conversation's posts, by post id (posts not analysed are missing). */
    java.util.Map<String, Analysis> analysesInThread(Platform platform, String conversationId);

    /** Stores the rules' decision for a post, with its rule, for the console's "why". */
    void saveDecision(Platform platform, String id, Decision decision);

    Optional<Decision> findDecision(Platform platform, String id);

    /** Posts the rules chose not to answer (trolls, spam, ...; ignored or hidden), the latest first, with why. */
    List<Decided> ignored(int limit);

    /** A post with the rules' decision, the analysis behind it, and its moderation (null when never hidden). */
    record Decided(Mention mention, Decision decision, Analysis analysis, Moderation moderation) {}

    /**
     * Whether a comment is hidden on its platform, as CareLoop last set it.
     *
     * @param hidden whether it is hidden now
     * @param reason why it was hidden (the rule's reason, or the agent's)
     * @param by     {@code rule:<id>} or the agent who hid or showed it
     * @param at     when
     * @param error  the platform's error when the last attempt failed, else null
     */
    record Moderation(boolean hidden, String reason, String by, Instant at, String error) {}

    /** Records a comment's moderation (replacing the earlier state). */
    void saveModeration(Platform platform, String id, Moderation moderation);

    /** The comment's moderation, or empty when it was never hidden nor tried. */
    Optional<Moderation> findModeration(Platform platform, String id);

    /**
     * Customer posts seen since {@code since} (no retweets, none of the brand's own), counted by
     * platform, day (UTC), sentiment, intent, troll and the rules' action; the
     * labels are null before analysis, the action before a decision.
     */
    List<Volume> volume(Instant since);

    record Volume(Platform platform, java.time.LocalDate day, String sentiment, String intent, boolean troll, String action, int posts) {}

    /** How many posts one author sent in a time window, leaving one post out (for repeat-poster rules). */
    int postsByAuthor(Platform platform, String authorId, Instant from, Instant to, String exceptId);
}
