package org.careloop.marketing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.careloop.platform.Platform;

/** The praise feed's items: each post at most once, read newest first. */
public interface PraiseStore {

    /**
     * Adds a post (already in the mention store) to the feed unless it is there already.
     *
     * @return the new item, or empty when the post was in the feed before (nothing changes then)
     */
    Optional<Praise> add(Platform platform, String postId, double score, Praise.Source source, String addedBy);

    Optional<Praise> find(Platform platform, String postId);

    /**
     * Items matching the filter, newest first (largest id first).
     *
     * @param before only items with a smaller id (the paging cursor), or null for the first page
     */
    List<Praise> list(Filter filter, Long before, int limit);

    /**
     * Which items to read; null fields do not filter.
     *
     * @param from     posted at or after
     * @param to       posted before
     * @param minScore score at least
     */
    record Filter(Platform platform, Instant from, Instant to, Double minScore) {
        public static final Filter ALL = new Filter(null, null, null, null);
    }
}
