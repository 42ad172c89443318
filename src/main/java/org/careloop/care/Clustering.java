package org.careloop.care;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.careloop.config.Settings;

/**
 * Pipeline step: puts a new pending reply in the cluster of the posts about the same thing (the same
 * care action, posted within the window, on any platform, alike as {@link Grouping} reads them), or
 * starts a cluster of its own that later posts may join. Each newcomer is compared with the first post
 * of each cluster, so a cluster never drifts from what it started about.
 */
public final class Clustering {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Clustering.class);

    /** The clusters of one care action compared with a post: the most recently joined. A surge's are always among them. */
    static final int CANDIDATES = 500;
    /** The words of this many clusters' first posts are kept, rather than read again for every newcomer. */
    private static final int REMEMBERED = 5_000;

    private final Clusters clusters;
    private final Grouping grouping;
    private final Duration window;
    private final Map<Long, Grouping.Words> seeds = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Grouping.Words> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param window how far apart in time posts of one cluster may be */
    public Clustering(Clusters clusters, Grouping grouping, Duration window) {
        this.clusters = clusters;
        this.grouping = grouping;
        this.window = window;
    }

    /** {@code careloop.clusters.window} (default 6 hours). */
    public static Duration window(Settings settings) {
        return settings.getDuration("careloop.clusters.window", Duration.ofHours(6));
    }

    /**
     * Places the draft and returns it. Only pending replies to a post take part (a reply unattended
     * mode published, a holding or closing message never does). One post at a time on a node, so two
     * near-duplicates triaged together do not start two clusters.
     */
    public synchronized Draft place(Draft draft) {
        try {
            group(draft);
        } catch (RuntimeException e) {
            // The draft waits in the queue as a card of its own: a missing cluster must never stop a reply.
            LOG.warn("Draft {} was not grouped with similar posts: {}", draft.id(), e.toString());
        }
        return draft;
    }

    private void group(Draft draft) {
        if (draft.status() != DraftStatus.PENDING || draft.work().kind() != Draft.Kind.REPLY || draft.analysis() == null) {
            return;
        }
        String lang = draft.analysis().lang() != null ? draft.analysis().lang() : draft.mention().lang();
        lang = lang == null ? "und" : lang;
        Grouping.Words words = grouping.words(draft.mention().text(), lang);
        if (words.isEmpty()) {
            return; // nothing to be alike in
        }
        String action = draft.analysis().care().label().id();
        java.time.Instant posted = draft.mention().createdAt() != null ? draft.mention().createdAt() : draft.createdAt();
        for (Clusters.Candidate c : clusters.candidates(action, posted, window, CANDIDATES)) {
            Grouping.Words seed = seeds.computeIfAbsent(c.id(), id -> grouping.words(c.seedText(), c.lang()));
            if (grouping.together(words, seed)) {
                clusters.join(c.id(), draft);
                return;
            }
        }
        long id = clusters.start(draft, action, lang);
        seeds.put(id, words);
    }
}
