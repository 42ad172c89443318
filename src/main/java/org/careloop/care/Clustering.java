package org.careloop.care;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.careloop.analysis.Analysis;
import org.careloop.config.Settings;
import org.careloop.platform.Mention;

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
    private final java.util.function.Function<String, java.util.Optional<String>> topicOf;
    private final Map<Long, Seed> seeds = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Seed> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** A cluster's first post: its words and its topic. */
    private record Seed(Grouping.Words words, String topic) {}

    /** @param window how far apart in time posts of one cluster may be */
    public Clustering(Clusters clusters, Grouping grouping, Duration window) {
        this(clusters, grouping, window, text -> java.util.Optional.empty());
    }

    /**
     * @param topicOf the rules' topic of a text ({@code cancel}, {@code bag}), if any: two posts whose topics differ are
     *                never one cluster, however many words they share ("flight 201... nobody tells us" and "no bags from
     *                flight 201, nobody from the airline here" share two words, not a problem)
     */
    public Clustering(Clusters clusters, Grouping grouping, Duration window, java.util.function.Function<String, java.util.Optional<String>> topicOf) {
        this.clusters = clusters;
        this.grouping = grouping;
        this.window = window;
        this.topicOf = topicOf;
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
        Post post = post(draft.mention(), draft.analysis());
        if (post.words().isEmpty()) {
            return; // nothing to be alike in
        }
        java.util.Optional<Long> cluster = match(post, posted(draft.mention(), draft.createdAt()));
        if (cluster.isPresent()) {
            clusters.join(cluster.get(), draft);
            return;
        }
        long id = clusters.start(draft, post.action(), post.lang());
        seeds.put(id, new Seed(post.words(), post.topic()));
    }

    /**
     * The cluster a post would join, without placing it: asked before its reply is drafted, so a post about an
     * incident joins the incident rather than opening a ticket of its own.
     */
    public synchronized java.util.Optional<Long> clusterFor(Mention mention, Analysis analysis) {
        if (analysis == null || analysis.care() == null) {
            return java.util.Optional.empty();
        }
        Post post = post(mention, analysis);
        return post.words().isEmpty() ? java.util.Optional.empty() : match(post, posted(mention, java.time.Instant.now()));
    }

    /** A post's words, read in its language, and its care action. */
    private record Post(Grouping.Words words, String action, String lang, String topic) {}

    private Post post(Mention mention, Analysis analysis) {
        String lang = analysis.lang() != null ? analysis.lang() : mention.lang();
        lang = lang == null ? "und" : lang;
        return new Post(grouping.words(mention.text(), lang), analysis.care().label().id(), lang, topicOf.apply(mention.text()).orElse(""));
    }

    private java.util.Optional<Long> match(Post post, java.time.Instant posted) {
        for (Clusters.Candidate c : clusters.candidates(post.action(), posted, window, CANDIDATES)) {
            Seed seed = seeds.computeIfAbsent(c.id(), id -> new Seed(grouping.words(c.seedText(), c.lang()), topicOf.apply(c.seedText()).orElse("")));
            boolean sameTopic = post.topic().isEmpty() || seed.topic().isEmpty() || post.topic().equals(seed.topic());
            if (sameTopic && grouping.together(post.words(), seed.words())) {
                return java.util.Optional.of(c.id());
            }
        }
        return java.util.Optional.empty();
    }

    private static java.time.Instant posted(Mention m, java.time.Instant otherwise) {
        return m.createdAt() != null ? m.createdAt() : otherwise;
    }
}
