package org.careloop.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.careloop.care.ClusterReplies;
import org.careloop.care.Clusters;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.care.DraftStore;
import org.careloop.care.Grouping;

/**
 * The clusters API: the open clusters, and one decision for all (or some) of a cluster's posts. Every
 * post is decided on its own draft, through the same store calls as one draft's approval (the outbox,
 * claims, the audit log), so publishing is exactly once and paced as before. Plain Java; the HTTP glue
 * is in {@link ClusterEndpoints}.
 */
public final class ClustersApi {

    /** Open clusters listed at once: a crisis is a handful, ordinary days a few dozen. */
    static final int LISTED = 100;
    static final int EXAMPLES = 3;
    /** The label is read from this many of a cluster's posts. */
    static final int LABEL_POSTS = 20;
    /** The most posts one decision answers. */
    static final int MOST = 10_000;

    private final Clusters clusters;
    private final DraftStore drafts;
    private final Grouping grouping;
    private final ClusterReplies replies;
    private final UserStore users;
    private final Clock clock;
    /** Each account's reply style and what a reply costs on its platform, to price a cluster before it is approved. */
    private final List<org.careloop.tickets.ReplyStyle> styles;

    public ClustersApi(Clusters clusters, DraftStore drafts, Grouping grouping, ClusterReplies replies, UserStore users, Clock clock,
                       List<org.careloop.tickets.ReplyStyle> styles) {
        this.styles = List.copyOf(styles);
        this.clusters = clusters;
        this.drafts = drafts;
        this.grouping = grouping;
        this.replies = replies;
        this.users = users;
        this.clock = clock;
    }

    /** A post of a cluster, as the queue shows a few. {@code id} is the post's id on its platform (what {@code postIds} names). */
    public record Example(long draftId, String id, String platform, DraftView.AuthorView author, String text, String permalink, Instant postedAt) {}

    /**
     * A cluster as the queue shows it: {@code draftText} is the one draft (of its earliest post waiting, {@code draftId}),
     * which approving sends to every post made its own.
     */
    public record ClusterView(long id, int size, String label, String careAction, Instant firstAt, Instant lastAt, List<String> platforms,
                              List<Example> examples, String draftText, long draftId, Long incidentId, List<Cost> cost) {}

    /**
     * What answering a cluster's waiting posts on one account costs, in US dollars, before anyone approves it: with the
     * ticket link in every reply, link-free, and in the account's style ({@code style}: link or link-free). Platforms
     * that charge nothing per reply cost 0.
     */
    public record Cost(String platform, String account, int replies, double withLink, double linkFree, String style, double inStyle) {}

    /** A post the decision answered, with its own text. */
    public record Decided(long draftId, String postId, String platform, String author, String text) {}

    /** A post the decision left for a person, and why. */
    public record Left(Long draftId, String postId, String reason) {}

    /** What approving a cluster did: the posts answered, and those left for a person. */
    public record ClusterApproved(long clusterId, List<Decided> approved, List<Left> left) {}

    /** What rejecting a cluster did: the posts' drafts rejected, and those left. */
    public record ClusterRejected(long clusterId, List<Decided> rejected, List<Left> left) {}

    /** What snoozing a cluster did: the posts' drafts snoozed, and those left. */
    public record ClusterSnoozed(long clusterId, List<Decided> snoozed, List<Left> left) {}

    /** What assigning a cluster did: the posts' drafts assigned, and those left. */
    public record ClusterAssigned(long clusterId, List<Decided> assigned, List<Left> left) {}

    /** Makes a decision's answer (one of the four above) from the cluster, the posts decided and those left. */
    private interface Outcome {
        Object of(long cluster, List<Decided> decided, List<Left> left);
    }

    /** {@code GET /api/clusters}: the open clusters, the largest first. */
    public ApiResponse list() {
        Instant now = clock.instant();
        List<ClusterView> out = new ArrayList<>();
        for (Clusters.Summary s : clusters.open(now, LISTED)) {
            view(s, clusters.waiting(s.id(), now, LABEL_POSTS)).ifPresent(out::add);
        }
        return ApiResponse.ok(out).withHeader("X-Total-Count", String.valueOf(out.size()));
    }

    /** {@code GET /api/clusters/{id}}. */
    public ApiResponse get(String id) {
        Instant now = clock.instant();
        return parse(id).flatMap(c -> clusters.find(c, now)).flatMap(s -> view(s, clusters.waiting(s.id(), now, LABEL_POSTS)))
                .map(ApiResponse::ok).orElseGet(() -> ApiResponse.error(404, "No cluster " + id + " with posts waiting"));
    }

    private Optional<ClusterView> view(Clusters.Summary s, List<Draft> posts) {
        if (posts.isEmpty()) {
            return Optional.empty();
        }
        Draft lead = posts.get(0);
        return Optional.of(new ClusterView(s.id(), s.size(), label(posts), s.careAction(), s.firstAt(), s.lastAt(), s.platforms(),
                posts.stream().limit(EXAMPLES).map(ClustersApi::example).toList(), lead.text(), lead.id(), s.incidentId(),
                cost(clusters.waitingPerAccount(s.id(), clock.instant()))));
    }

    private List<Cost> cost(List<Clusters.Waiting> perAccount) {
        return perAccount.stream().map(w -> {
            org.careloop.tickets.ReplyStyle style = styles.stream()
                    .filter(r -> r.platform().equalsIgnoreCase(w.platform()) && r.account().equals(w.account())).findFirst()
                    .orElse(new org.careloop.tickets.ReplyStyle(w.platform(), w.account(), false, 0, 0));
            int n = w.posts();
            return new Cost(w.platform(), w.account(), n, dollars(n * style.costWithLink()), dollars(n * style.costWithoutLink()),
                    style.linkFree() ? "link-free" : "link", dollars(n * style.costPerReply()));
        }).toList();
    }

    private static double dollars(double amount) {
        return Math.round(amount * 1000) / 1000.0;
    }

    /** What a cluster is about, in the words most of its waiting posts share ("" when none waits): an incident's name. */
    public String label(long id) {
        return label(clusters.waiting(id, clock.instant(), LABEL_POSTS));
    }

    private String label(List<Draft> posts) {
        return grouping.label(posts.stream().map(d -> grouping.words(d.mention().text(), lang(d))).toList());
    }

    /** {@code {"text": "...", "postIds": [...]}}: the reply for every post (absent: the cluster's draft), to those named (absent: all waiting). */
    @JsonBody.Example("{\"text\": \"edited reply\", \"postIds\": [\"1234\"]}")
    public record ClusterApproval(String text, List<String> postIds) {}

    /** {@code {"reason": "...", "postIds": [...]}}, both optional. */
    @JsonBody.Example("{\"reason\": \"not ours to answer\"}")
    public record ClusterRejection(String reason, List<String> postIds) {}

    /** {@code {"minutes": n, "postIds": [...]}}: 1 to 1440 minutes, 15 when absent. */
    @JsonBody.Example("{\"minutes\": 15}")
    public record ClusterSnooze(Long minutes, List<String> postIds) {}

    /** {@code {"agent": "name", "postIds": [...]}}: empty or absent agent, nobody. */
    @JsonBody.Example("{\"agent\": \"alice\"}")
    public record ClusterAssignment(String agent, List<String> postIds) {}

    /**
     * {@code POST /api/clusters/{id}/approve}, optionally {@code {"text": "...", "postIds": [...]}}: the cluster's draft
     * (or the text given) to every post waiting, or to those named, each made its own. 409 when none could be approved.
     */
    public ApiResponse approve(String id, String actor, ClusterApproval approval) {
        return onPosts(id, approval == null ? null : approval.postIds(), posts -> {
            String text = approval == null ? null : approval.text();
            if (text != null && text.isBlank()) {
                return ApiResponse.error(400, "The edited text is empty");
            }
            Instant now = clock.instant();
            List<Decided> approved = new ArrayList<>();
            List<Left> left = new ArrayList<>(posts.left());
            for (ClusterReplies.Reply r : replies.replies(posts.lead(), text, posts.chosen())) {
                Draft d = r.draft();
                if (r.text() == null) {
                    left.add(new Left(d.id(), d.mention().id(), r.problem()));
                    continue;
                }
                // Unchanged, the post's own draft is approved as drafted (the reports tell edited from unedited replies).
                Optional<Draft> done = drafts.approve(d.id(), actor, r.text().equals(d.text()) ? null : r.text(), now);
                if (done.isPresent()) {
                    approved.add(new Decided(d.id(), d.mention().id(), d.mention().platform().id(), d.mention().author().handle(), r.text()));
                } else {
                    left.add(new Left(d.id(), d.mention().id(), notPending(d.id())));
                }
            }
            return answer(posts.cluster(), "approved", approved, left, ClusterApproved::new);
        });
    }

    /** {@code POST /api/clusters/{id}/reject}, optionally {@code {"reason": "...", "postIds": [...]}}. */
    public ApiResponse reject(String id, String actor, ClusterRejection rejection) {
        return onPosts(id, rejection == null ? null : rejection.postIds(), posts -> {
            String reason = rejection == null ? null : rejection.reason();
            return Param.tooLong("reason", reason, Param.REASON)
                    .orElseGet(() -> each(posts, "rejected", ClusterRejected::new, d -> drafts.reject(d.id(), actor, reason, clock.instant())));
        });
    }

    /** {@code POST /api/clusters/{id}/snooze}, {@code {"minutes": n}} (1 to 1440, default 15), optionally {@code postIds}. */
    public ApiResponse snooze(String id, String actor, ClusterSnooze snooze) {
        return onPosts(id, snooze == null ? null : snooze.postIds(), posts -> {
            Long minutes = snooze == null ? null : snooze.minutes();
            if (minutes != null && (minutes < 1 || minutes > 1440)) {
                return Param.outOfRange("minutes", 1, 1440);
            }
            return each(posts, "snoozed", ClusterSnoozed::new, d -> {
                Instant now = clock.instant();
                return drafts.snooze(d.id(), actor, now.plusSeconds(60L * (minutes == null ? 15 : minutes)), now);
            });
        });
    }

    /** {@code POST /api/clusters/{id}/assign}, {@code {"agent": "name"}} (empty: nobody), optionally {@code postIds}. */
    public ApiResponse assign(String id, String actor, ClusterAssignment assignment) {
        return onPosts(id, assignment == null ? null : assignment.postIds(), posts -> {
            String agent = assignment == null ? null : assignment.agent();
            Optional<ApiResponse> tooLong = Param.tooLong("agent", agent, Param.USERNAME);
            if (tooLong.isPresent()) {
                return tooLong.get();
            }
            if (agent != null && !agent.isBlank() && users.find(agent.trim()).isEmpty()) {
                return ApiResponse.error(400, "No user named '" + agent + "'");
            }
            return each(posts, "assigned", ClusterAssigned::new, d -> drafts.assign(d.id(), actor, agent == null ? null : agent.trim(), clock.instant()));
        });
    }

    /**
     * The posts a decision is about: the cluster's lead (its earliest post waiting), and those chosen, all waiting or
     * those {@code postIds} names; named posts not waiting in it are left, with the reason.
     */
    private record Posts(long cluster, Draft lead, List<Draft> chosen, List<Left> left) {}

    /** The shared path of the decisions on a cluster: 404, the posts chosen ({@code named}: null for all waiting). */
    private ApiResponse onPosts(String id, List<String> named, java.util.function.Function<Posts, ApiResponse> decision) {
        Optional<Long> cluster = parse(id);
        Instant now = clock.instant();
        if (cluster.isEmpty() || clusters.find(cluster.get(), now).isEmpty()) {
            return ApiResponse.error(404, "No cluster " + id);
        }
        if (named != null && named.isEmpty()) {
            return ApiResponse.error(400, "postIds is empty: leave it out to decide for every post of the cluster");
        }
        List<Draft> waiting = clusters.waiting(cluster.get(), now, MOST);
        if (waiting.isEmpty()) {
            return ApiResponse.error(409, "Cluster " + id + " has no posts waiting");
        }
        List<Draft> chosen = waiting;
        List<Left> left = new ArrayList<>();
        if (named != null) {
            Set<String> wanted = new HashSet<>(named);
            chosen = waiting.stream().filter(d -> wanted.contains(d.mention().id())).toList();
            Set<String> found = new HashSet<>(chosen.stream().map(d -> d.mention().id()).toList());
            named.stream().distinct().filter(p -> !found.contains(p)).forEach(p -> left.add(new Left(null, p, "not waiting in this cluster")));
        }
        return decision.apply(new Posts(cluster.get(), waiting.get(0), chosen, left));
    }

    /** One decision on each chosen post's draft. */
    private ApiResponse each(Posts posts, String done, Outcome outcome, java.util.function.Function<Draft, Optional<Draft>> decide) {
        List<Decided> decided = new ArrayList<>();
        List<Left> left = new ArrayList<>(posts.left());
        for (Draft d : posts.chosen()) {
            if (decide.apply(d).isPresent()) {
                decided.add(new Decided(d.id(), d.mention().id(), d.mention().platform().id(), d.mention().author().handle(), null));
            } else {
                left.add(new Left(d.id(), d.mention().id(), notPending(d.id())));
            }
        }
        return answer(posts.cluster(), done, decided, left, outcome);
    }

    /** 200 with what was decided and what was left; 409 when nothing could be. */
    private static ApiResponse answer(long cluster, String done, List<Decided> decided, List<Left> left, Outcome outcome) {
        if (decided.isEmpty()) {
            return ApiResponse.error(409, "No post of cluster " + cluster + " was " + done
                    + (left.isEmpty() ? "" : ": " + left.get(0).postId() + " " + left.get(0).reason()));
        }
        return ApiResponse.ok(outcome.of(cluster, decided, left));
    }

    /** Why a draft could not be decided: another agent holds it, or it is no longer pending. */
    private String notPending(long id) {
        Draft d = drafts.find(id).orElseThrow();
        String holder = d.work().holder(clock.instant());
        return d.status() == DraftStatus.PENDING && holder != null ? "being handled by " + holder
                : "no longer pending (" + d.status().id() + (d.decidedBy() != null ? " by " + d.decidedBy() : "") + ")";
    }

    private static Example example(Draft d) {
        var m = d.mention();
        return new Example(d.id(), m.id(), m.platform().id(), new DraftView.AuthorView(m.author().id(), m.author().handle(), m.author().name()),
                m.text(), m.permalink(), m.createdAt());
    }

    private static String lang(Draft d) {
        String lang = d.analysis() != null && d.analysis().lang() != null ? d.analysis().lang() : d.mention().lang();
        return lang == null ? "und" : lang;
    }

    /** An id from the path: a number, else none (a 404, like an id that names nothing). */
    static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
