package org.careloop.care;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Posts per minute for each topic and each care action, and the surges found in them, kept in the
 * database: the counts survive a restart, and every node sharing the database counts into the same rows.
 */
public interface Surges {

    /**
     * A surge of one series.
     *
     * @param series    {@code topic:<key>} or {@code action:<care action>}
     * @param about     what it is about, in words, as it was named when the surge started
     * @param startedAt the first minute of the surge
     * @param raisedAt  when its alert was raised
     * @param endedAt   when it was found over, or null while it lasts
     * @param usual     the posts per minute usual before it
     * @param threshold the posts in the window that made it a surge
     * @param posts     posts since {@code startedAt}, as last checked
     * @param peak      the most posts in one minute
     * @param alertId   the alert it raised
     */
    record Surge(long id, String series, String about, Instant startedAt, Instant raisedAt, Instant endedAt, double usual,
                 int threshold, int posts, int peak, Long alertId) {

        public boolean open() {
            return endedAt == null;
        }
    }

    /**
     * When counting began (recorded by the first call, on any node): the usual level is measured over
     * the time counted, not over hours before CareLoop ran, so a new installation is not all surges.
     */
    Instant countingSince(Instant now);

    /** Adds one post to the minute of each series. */
    void count(Instant minute, Collection<String> series);

    /** Each series' posts per minute from {@code from} on (minutes without posts are absent). */
    Map<String, NavigableMap<Instant, Integer>> counts(Instant from);

    /** One series' posts per minute from {@code from} on. */
    NavigableMap<Instant, Integer> counts(String series, Instant from);

    /** Forgets the counts of minutes before {@code before}; returns how many rows went. */
    int forget(Instant before);

    /** The surges that last, one per series at most. */
    List<Surge> open();

    /** The surge that raised this alert. */
    Optional<Surge> byAlert(long alertId);

    /**
     * Starts a surge and raises its alert ({@code kind} surge), in one transaction, unless a surge of
     * the same series is open: the database decides, so of two nodes seeing it at once one raises it.
     *
     * @return the surge with its id and alert, or empty when one was open already
     */
    Optional<Surge> start(Surge surge, String message);

    /** Records the surge's latest size and rewrites its alert's message. */
    void progress(long id, int posts, int peak, String message);

    /**
     * Ends the surge (a new one of its series may then start) with its final size and message.
     *
     * @return false when it had ended already (another node ended it)
     */
    boolean end(long id, Instant at, int posts, int peak, String message);
}
