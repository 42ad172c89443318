package org.careloop.platform.facebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.careloop.platform.Mention;
import org.careloop.platform.PlatformAdapter.Batch;

/**
 * Where a Facebook or Instagram feed resumes: the creation time (Unix seconds) of the newest item
 * delivered, which the next read passes as {@code since}, and the ids delivered in that very second,
 * since {@code since} includes it. Stored as {@code 1733000000} or {@code 1733000000:id1,id2}.
 *
 * @param since the newest creation time delivered, or null before the first read
 * @param ids   the ids delivered at {@code since}
 */
record GraphCursor(Long since, Set<String> ids) {

    static GraphCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return new GraphCursor(null, Set.of());
        }
        String[] parts = text.trim().split(":", 2);
        try {
            long since = Long.parseLong(parts[0]);
            Set<String> ids = parts.length == 1 || parts[1].isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(parts[1].split(",")));
            return new GraphCursor(since, Set.copyOf(ids));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a Graph API cursor: " + text);
        }
    }

    /** Where a first read starts: items from {@code start} on (no cursor stored yet). */
    static GraphCursor firstRead(String stored, java.time.Instant start) {
        GraphCursor c = parse(stored);
        return c.since() != null ? c : new GraphCursor(start.getEpochSecond() - 1, Set.of());
    }

    /** Delivered before? Older than the cursor, or in its second and already listed. */
    boolean isNew(long createdAt, String id) {
        return since == null || createdAt > since || (createdAt == since && !ids.contains(id));
    }

    /** The cursor after delivering this item. */
    GraphCursor after(long createdAt, String id) {
        if (since == null || createdAt > since) {
            return new GraphCursor(createdAt, Set.of(id));
        }
        if (createdAt == since) {
            Set<String> more = new LinkedHashSet<>(ids);
            more.add(id);
            return new GraphCursor(since, Set.copyOf(more));
        }
        return this;
    }

    /**
     * The new posts oldest first, and the cursor past them ({@code previous} again when nothing is new).
     *
     * @param found    the posts read that {@link #isNew} let through
     * @param previous the stored cursor text
     */
    Batch batch(List<Mention> found, String previous) {
        List<Mention> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(Mention::createdAt).thenComparing(Mention::id));
        GraphCursor next = this;
        for (Mention m : sorted) {
            next = next.after(m.createdAt().getEpochSecond(), m.id());
        }
        String formatted = next.format();
        return new Batch(sorted, formatted == null ? previous : formatted);
    }

    String format() {
        if (since == null) {
            return null;
        }
        return ids.isEmpty() ? since.toString() : since + ":" + String.join(",", new TreeSet<>(ids));
    }
}
