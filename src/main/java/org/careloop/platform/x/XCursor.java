package org.careloop.platform.x;

/**
 * Where a feed resumes. X pages run newest first, so a burst larger than one poll reads leaves a
 * gap below the oldest post read; the cursor then remembers that gap ({@code since} to
 * {@code until}, both exclusive) and the next polls fill it before moving on from {@code newest}.
 * Stored as {@code newest}, or {@code since:until:newest} while a gap is open. Ids are snowflakes:
 * compared as numbers.
 *
 * @param since  read posts after this id, or null for none read yet
 * @param until  read posts before this id (the open gap), or null when there is no gap
 * @param newest the newest id delivered so far, or null
 */
record XCursor(Long since, Long until, Long newest) {

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
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Not an X cursor: " + text);
    }

    boolean isNew(long id) {
        return (since == null || id > since) && (until == null || id < until);
    }

    /** Done reading the range: resume after the newest id seen. */
    XCursor caughtUp(Long seen) {
        Long top = max(newest, seen);
        return new XCursor(top, null, top);
    }

    /** Stopped short of {@code oldestRead}: the gap below it stays open. */
    XCursor gapBelow(long oldestRead, Long seen) {
        return new XCursor(since, oldestRead, max(newest, seen));
    }

    String format() {
        if (until == null) {
            return newest == null ? null : newest.toString();
        }
        return since + ":" + until + ":" + newest;
    }

    private static Long max(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }
}
