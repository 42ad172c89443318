package org.careloop.platform.x;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a feed resumes. X pages run newest first, so a burst larger than one poll reads leaves a
 * gap below the oldest post read; the cursor then remembers that gap ({@code since} to
 * {@code until}, both exclusive) and the next polls fill it before moving on from {@code newest}.
 * Stored as {@code newest}, or {@code since:until:newest} while a gap is open, or
 * {@code search:since:until:newest} while a gap of the mentions feed is read through search
 * (below the 800 newest mentions, where the mentions timeline does not reach). Ids are snowflakes:
 * compared as numbers, and each tells when it was made.
 *
 * @param since    read posts after this id, or null for none read yet
 * @param until    read posts before this id (the open gap), or null when there is no gap
 * @param newest   the newest id delivered so far, or null
 * @param bySearch the gap is read through recent search rather than the feed's own endpoint
 */
record XCursor(Long since, Long until, Long newest, boolean bySearch) {

    /** X's snowflake epoch: an id is the milliseconds since it, shifted left 22 bits, plus a sequence. */
    private static final long SNOWFLAKE_EPOCH = 1288834974657L;
    private static final String SEARCH = "search";

    XCursor(Long since, Long until, Long newest) {
        this(since, until, newest, false);
    }

    static XCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return new XCursor(null, null, null);
        }
        String[] parts = text.trim().split(":");
        try {
            if (parts.length == 1) {
                long id = Long.parseLong(parts[0]);
                return new XCursor(id, null, id);
            }
            if (parts.length == 3) {
                return new XCursor(Long.valueOf(parts[0]), Long.valueOf(parts[1]), Long.valueOf(parts[2]));
            }
            if (parts.length == 4 && parts[0].equals(SEARCH)) {
                return new XCursor(Long.valueOf(parts[1]), Long.valueOf(parts[2]), Long.valueOf(parts[3]), true);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Not an X cursor: " + text);
    }

    /** When a snowflake id was made. */
    static Instant timeOf(long id) {
        return Instant.ofEpochMilli((id >> 22) + SNOWFLAKE_EPOCH);
    }

    /** The smallest id made at that instant or later. */
    static long firstIdAt(Instant at) {
        return (at.toEpochMilli() - SNOWFLAKE_EPOCH) << 22;
    }

    boolean isNew(long id) {
        return (since == null || id > since) && (until == null || id < until);
    }

    /** Done reading the range: resume after the newest id seen. */
    XCursor caughtUp(Long seen) {
        Long top = max(newest, seen);
        return new XCursor(top, null, top);
    }

    /** Stopped short of {@code oldestRead}: the gap below it stays open, read the same way. */
    XCursor gapBelow(long oldestRead, Long seen) {
        return new XCursor(since, oldestRead, max(newest, seen), bySearch);
    }

    /** Everything newer than {@code since} up to {@code below} is left to recent search. */
    XCursor searchBelow(long below, Long seen) {
        return new XCursor(since, below, max(newest, seen), true);
    }

    /** The same range reaching {@code overlap} further back, to catch posts X shows late. */
    XCursor reachingBack(Duration overlap) {
        if (since == null || overlap.isZero()) {
            return this;
        }
        return new XCursor(Math.min(since, firstIdAt(timeOf(since).minus(overlap))), until, newest, bySearch);
    }

    /**
     * With no gap open, resume no earlier than {@code id}: for a feed read through to now, whose
     * newest post may be days old (a quiet search), so the cursor stays within X's reach.
     */
    XCursor atLeast(long id) {
        if (until != null || since == null || since >= id) {
            return this;
        }
        return new XCursor(id, null, max(newest, id));
    }

    String format() {
        if (until == null) {
            return newest == null ? null : newest.toString();
        }
        return (bySearch ? SEARCH + ":" : "") + since + ":" + until + ":" + newest;
    }

    private static Long max(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }
}
