package org.careloop.care;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The reply texts each account said within the day, on every node sharing the database: the ledger
 * drafting asks instead of reading the day's drafts (thousands on a busy account, for every draft).
 * A text is taken here before its draft is stored, so of two posts drafted at the same moment (two
 * threads, or two nodes sharing the triage) one gets it and the other drafts another phrasing; every
 * stored draft's text, and a text a person wrote when approving, is taken too.
 */
public interface RecentTexts {

    /** How long an account does not say the same words twice. */
    Duration DAY = Duration.ofHours(24);

    /**
     * True if {@code text} was free on the account and is now taken at {@code at}; false if the account
     * took it within {@link #DAY} before {@code at}, on any node.
     */
    boolean take(String platform, String account, String text, Instant at);

    /** Those of {@code texts} the account took within {@link #DAY} before {@code at}. */
    Set<String> takenAmong(String platform, String account, Collection<String> texts, Instant at);
}
