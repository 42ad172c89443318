package org.careloop.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reply texts this node drafted on each account in the last minute. Drafting reads the texts
 * an account already said from the database; two posts drafted at the same moment on two threads
 * both miss the other's text, and X refuses the second as a duplicate. A text is taken here before
 * its draft is stored, so the second thread sees it and drafts another phrasing.
 */
public final class RecentTexts {

    /** Longer than a triage takes from reading the account's replies to storing its draft. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    private record Said(Instant at, String text) {}

    private final Map<String, Deque<Said>> byAccount = new ConcurrentHashMap<>();
    private final Clock clock;

    public RecentTexts(Clock clock) {
        this.clock = clock;
    }

    /** True if {@code text} was free on the account and is now taken; false if this node drafted it within the window. */
    public boolean take(String account, String text) {
        Deque<Said> said = byAccount.computeIfAbsent(account, a -> new ArrayDeque<>());
        synchronized (said) {
            prune(said);
            if (said.stream().anyMatch(s -> s.text().equals(text))) {
                return false;
            }
            said.addLast(new Said(clock.instant(), text));
            return true;
        }
    }

    /** The texts taken on the account within the window, oldest first. */
    public List<String> on(String account) {
        Deque<Said> said = byAccount.get(account);
        if (said == null) {
            return List.of();
        }
        synchronized (said) {
            prune(said);
            return said.stream().map(Said::text).toList();
        }
    }

    private void prune(Deque<Said> said) {
        Instant since = clock.instant().minus(WINDOW);
        while (!said.isEmpty() && said.peekFirst().at().isBefore(since)) {
            said.removeFirst();
        }
    }
}
