package org.careloop.care;

import java.time.Duration;
import java.time.Instant;

/**
 * The reply texts taken on each account in the last minute, on every node sharing the database.
 * Drafting reads the texts an account already said from its stored drafts; two posts drafted at the
 * same moment (two threads, or two nodes sharing the triage) both miss the other's text, and X refuses
 * the second as a duplicate. A text is taken here before its draft is stored: one drafter gets it, the
 * other drafts another phrasing.
 */
public interface RecentTexts {

    /** Longer than a triage takes from reading the account's replies to storing its draft; past it the stored draft tells. */
    Duration WINDOW = Duration.ofMinutes(1);

    /**
     * True if {@code text} was free on the account and is now taken at {@code at}; false if it was taken
     * there within {@link #WINDOW} before {@code at}, on any node.
     */
    boolean take(String platform, String account, String text, Instant at);
}
