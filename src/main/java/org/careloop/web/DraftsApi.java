package org.careloop.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.care.ReplyLength;
import org.careloop.care.DraftStore;
import org.careloop.pipeline.MentionStore;
import java.time.Duration;

/** The drafts API: the queue, one draft, approve and reject. Plain Java; the HTTP glue is in {@link WebEndpoints}. */
public final class DraftsApi {

    static final int MAX_LIST = 500;

    private final DraftStore drafts;
    private final MentionStore mentions;
    private final Clock clock;

    private final UserStore users;
    private final Duration claimFor;
    private final java.util.function.Function<Draft, List<org.careloop.care.Drafter.Suggestion>> suggestions;

    /** @param claimFor how long a claim lasts without being renewed (the console renews it while the agent works) */
    public DraftsApi(DraftStore drafts, MentionStore mentions, UserStore users, Duration claimFor, Clock clock) {
        this(drafts, mentions, users, claimFor, clock, d -> List.of());
    }

    /** @param suggestions the knowledge entries an agent may answer a pending draft with, rendered as replies */
    public DraftsApi(DraftStore drafts, MentionStore mentions, UserStore users, Duration claimFor, Clock clock,
                     java.util.function.Function<Draft, List<org.careloop.care.Drafter.Suggestion>> suggestions) {
        this.suggestions = suggestions;
        this.drafts = drafts;
        this.mentions = mentions;
        this.users = users;
        this.claimFor = claimFor;
        this.clock = clock;
    }

    public ApiResponse list(String status) {
        return list(status, null, null);
    }

    /**
     * Drafts in one status, the earliest deadline first ({@code pending} when no status is given,
     * {@code all} for every status), or {@code decided}: everything no longer pending, the latest
     * decision first. The body is the page as a JSON array; {@code X-Total-Count} says how many
     * drafts the status holds in all, and {@code Link} (rel="next") where the next page is, while there is one.
     *
     * @param limit at most this many (1 to {@value #MAX_LIST}), {@value #MAX_LIST} when null
     * @param after the id of the last draft of the page before (its {@code Link}), or null for the first page
     */
    public ApiResponse list(String status, String limit, String after) {
        var parsed = Param.number(limit, MAX_LIST, 1, MAX_LIST);
        if (parsed.isEmpty()) {
            return Param.outOfRange("limit", 1, MAX_LIST);
        }
        int max = parsed.getAsInt();
        Long cursor = null;
        if (after != null && !after.isBlank()) {
            cursor = parse(after).filter(id -> drafts.find(id).isPresent()).orElse(null);
            if (cursor == null) {
                return ApiResponse.error(400, "after must be the id of a draft listed on an earlier page (the Link header's), got '"
                        + after + "'");
            }
        }
        Instant now = clock.instant();
        String wanted = status == null || status.isBlank() ? "pending" : status.trim().toLowerCase(Locale.ROOT);
        Page page;
        switch (wanted) {
            case "decided" -> {
                List<Draft> found = drafts.decided(cursor, max + 1);
                Map<DraftStatus, Integer> counts = drafts.countByStatus();
                page = new Page(found, counts.values().stream().mapToInt(Integer::intValue).sum()
                        - counts.getOrDefault(DraftStatus.PENDING, 0), d -> DraftView.of(d, now));
            }
            // The queue: the least time left first, then priority; snoozed drafts apart until they wake.
            case "pending", "snoozed" -> {
                boolean snoozed = wanted.equals("snoozed");
                page = new Page(drafts.queue(now, snoozed, cursor, max + 1), drafts.queueSize(now, snoozed), d -> detailed(d, now));
            }
            default -> {
                DraftStatus one = null;
                if (!wanted.equals("all")) {
                    try {
                        one = DraftStatus.valueOf(wanted.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        return ApiResponse.error(400, "Unknown status '" + status
                                + "': use pending, snoozed, approved, published, failed, rejected, decided or all");
                    }
                }
                Map<DraftStatus, Integer> counts = drafts.countByStatus();
                page = new Page(drafts.list(one, cursor, max + 1), one == null
                        ? counts.values().stream().mapToInt(Integer::intValue).sum() : counts.getOrDefault(one, 0), d -> DraftView.of(d, now));
            }
        }
        return page.answer(wanted, max);
    }

    /**
     * A page as found with one draft more than asked for (which says whether a next page exists),
     * the drafts the status holds in all, and how each is shown.
     */
    private record Page(List<Draft> found, int total, java.util.function.Function<Draft, DraftView> view) {

        ApiResponse answer(String status, int limit) {
            List<Draft> shown = found.size() > limit ? found.subList(0, limit) : found;
            ApiResponse r = ApiResponse.ok(shown.stream().map(view).toList()).withHeader("X-Total-Count", String.valueOf(total));
            if (found.size() <= limit) {
                return r;
            }
            // Built from the parsed values only: nothing of the request's own text is sent back.
            return r.withHeader("Link", "</api/drafts?status=" + status + "&limit=" + limit + "&after=" + shown.get(shown.size() - 1).id()
                    + ">; rel=\"next\"");
        }
    }

    public ApiResponse get(String id) {
        return parse(id).flatMap(drafts::find)
                .map(d -> ApiResponse.ok(detailed(d, clock.instant())))
                .orElseGet(() -> ApiResponse.error(404, "No draft " + id));
    }

    /** {@code {"text": "..."}}: the reply as the agent edited it (absent: as drafted). */
    @JsonBody.Example("{\"text\": \"edited reply\"}")
    public record Edit(String text) {}

    /** {@code {"reason": "..."}}: why a draft was rejected (optional). */
    @JsonBody.Example("{\"reason\": \"troll\"}")
    public record Rejection(String reason) {}

    /** {@code {"minutes": n}}: how long a draft stays out of the queue (absent: 15). */
    @JsonBody.Example("{\"minutes\": 15}")
    public record Snooze(Long minutes) {}

    /** {@code {"agent": "name"}}: who handles it (empty or absent: nobody). */
    @JsonBody.Example("{\"agent\": \"alice\"}")
    public record Assignment(String agent) {}

    /** Approves, optionally with edited text ({@code {"text": "..."}}); 409 when no longer pending. */
    public ApiResponse approve(String id, String actor, Edit edit) {
        return decide(id, draftId -> {
            String text = edit == null ? null : edit.text();
            if (text != null && text.isBlank()) {
                return Optional.of(ApiResponse.error(400, "The edited text is empty"));
            }
            Draft d = drafts.find(draftId).orElseThrow();
            if (text == null && (d.text() == null || d.text().isBlank())) {
                return Optional.of(ApiResponse.error(400, "This draft has no text yet: write the reply (or pick a suggested answer), then approve"));
            }
            // The platform's limit, on an edit and on the draft as it stands alike: a reply it refuses must never reach the outbox.
            String reply = text != null ? text : d.text();
            if (!ReplyLength.fits(d.mention().platform(), reply)) {
                return Optional.of(ApiResponse.error(400, ReplyLength.tooLong(d.mention().platform(), reply)));
            }
            return drafts.approve(draftId, actor, text, clock.instant()).map(this::ok);
        });
    }

    /** Rejects, optionally with a reason ({@code {"reason": "..."}}); 409 when no longer pending. */
    public ApiResponse reject(String id, String actor, Rejection rejection) {
        return decide(id, draftId -> {
            String reason = rejection == null ? null : rejection.reason();
            return Param.tooLong("reason", reason, Param.REASON).or(() -> drafts.reject(draftId, actor, reason, clock.instant()).map(this::ok));
        });
    }

    /** Claims the draft for the caller for {@code claimFor}; 409 naming the holder when someone else has it. */
    public ApiResponse claim(String id, String actor) {
        Optional<Long> draftId = parse(id);
        if (draftId.isEmpty() || drafts.find(draftId.get()).isEmpty()) {
            return ApiResponse.error(404, "No draft " + id);
        }
        Instant now = clock.instant();
        DraftStore.Claim c = drafts.claim(draftId.get(), actor, now.plus(claimFor), now);
        return c.granted() ? ok(c.draft()) : conflict(draftId.get());
    }

    /** Gives up the caller's claim (nothing happens when the caller did not hold it). */
    public ApiResponse release(String id, String actor) {
        Optional<Long> draftId = parse(id);
        if (draftId.isEmpty() || drafts.find(draftId.get()).isEmpty()) {
            return ApiResponse.error(404, "No draft " + id);
        }
        drafts.release(draftId.get(), actor);
        return ok(drafts.find(draftId.get()).orElseThrow());
    }

    /** Snoozes for {@code {"minutes": n}} (1 to 1440, default 15). */
    public ApiResponse snooze(String id, String actor, Snooze snooze) {
        return decide(id, draftId -> {
            Long minutes = snooze == null ? null : snooze.minutes();
            if (minutes != null && (minutes < 1 || minutes > 1440)) {
                return Optional.of(Param.outOfRange("minutes", 1, 1440));
            }
            Instant now = clock.instant();
            return drafts.snooze(draftId, actor, now.plusSeconds(60L * (minutes == null ? 15 : minutes)), now).map(this::ok);
        });
    }

    /** Assigns to {@code {"agent": "name"}} (empty: unassigned). */
    public ApiResponse assign(String id, String actor, Assignment assignment) {
        return decide(id, draftId -> {
            String agent = assignment == null ? null : assignment.agent();
            Optional<ApiResponse> tooLong = Param.tooLong("agent", agent, Param.USERNAME);
            if (tooLong.isPresent()) {
                return tooLong;
            }
            if (agent != null && !agent.isBlank() && users != null && users.find(agent.trim()).isEmpty()) {
                return Optional.of(ApiResponse.error(400, "No user named '" + agent + "'"));
            }
            return drafts.assign(draftId, actor, agent == null ? null : agent.trim(), clock.instant()).map(this::ok);
        });
    }

    /** A post the rules left unanswered, with the rule, its reason and the analysis's reasons. */
    public record IgnoredView(DraftView.MentionView mention, String platform, String ruleId, String reason, DraftView.Troll troll,
                              String intent, List<String> reasons, String action, org.careloop.pipeline.MentionStore.Moderation moderation) {}

    /** How many drafts wait, and how many of those are snoozed. */
    public record QueueSize(int pending, int snoozed) {}

    /** {@code GET /api/queue}: how many drafts wait, and how many are snoozed, whatever a page of them shows. */
    public ApiResponse queueSize() {
        Instant now = clock.instant();
        return ApiResponse.ok(new QueueSize(drafts.queueSize(now, false), drafts.queueSize(now, true)));
    }

    /** The posts the rules chose not to answer (trolls, spam), the latest first, so the team can check the bot's judgement. */
    public ApiResponse ignored(String limit) {
        var max = Param.number(limit, 50, 1, MAX_LIST);
        if (max.isEmpty()) {
            return Param.outOfRange("limit", 1, MAX_LIST);
        }
        return ApiResponse.ok(mentions.ignored(max.getAsInt()).stream().map(d -> {
            var a = d.analysis();
            return new IgnoredView(DraftView.mention(d.mention()), d.mention().platform().id(), d.decision().ruleId(), d.decision().reason(),
                    a == null ? null : new DraftView.Troll(a.troll().label(), a.troll().score(), a.troll().offensive(), a.troll().reasons()),
                    a == null ? null : a.intent().label().id(), a == null ? List.of() : a.reasons(), d.decision().action().id(),
                    d.moderation());
        }).toList());
    }

    /** Puts a failed draft back in the outbox (no body); 409 when it is not failed. */
    public ApiResponse retry(String id, String actor) {
        Optional<Long> draftId = parse(id);
        if (draftId.isEmpty() || drafts.find(draftId.get()).isEmpty()) {
            return ApiResponse.error(404, "No draft " + id);
        }
        return drafts.retry(draftId.get(), actor, clock.instant()).map(this::ok).orElseGet(() -> ApiResponse.error(409,
                "Draft " + id + " is " + drafts.find(draftId.get()).orElseThrow().status().id() + ", not failed"));
    }

    private interface Decision {
        /** The answer, or empty when the draft was no longer pending. */
        Optional<ApiResponse> apply(long draftId);
    }

    /** The shared path of approve, reject, snooze and assign: 404, the decision, 409 when someone was first. */
    private ApiResponse decide(String id, Decision decision) {
        Optional<Long> draftId = parse(id);
        if (draftId.isEmpty() || drafts.find(draftId.get()).isEmpty()) {
            return ApiResponse.error(404, "No draft " + id);
        }
        return decision.apply(draftId.get()).orElseGet(() -> conflict(draftId.get()));
    }

    /** With the thread the post belongs to and the reason of the rule that drafted it. */
    DraftView detailed(Draft d, Instant now) {
        var m = d.mention();
        var thread = m.conversationId() == null ? java.util.List.<org.careloop.platform.Mention>of() : mentions.thread(m.platform(), m.conversationId());
        String reason = mentions.findDecision(m.platform(), m.id()).map(org.careloop.rules.Decision::reason).orElse(null);
        DraftView view = DraftView.of(d, now, thread, reason, d.status() == DraftStatus.PENDING ? suggestions.apply(d) : null);
        // Our replies in the thread too, so an agent sees what the customer is answering.
        return m.conversationId() == null ? view : view.withOurReplies(drafts.repliesInConversation(m.platform().id(), m.conversationId()));
    }

    private ApiResponse ok(Draft d) {
        return ApiResponse.ok(DraftView.of(d, clock.instant()));
    }

    private ApiResponse conflict(long id) {
        Draft d = drafts.find(id).orElseThrow();
        String holder = d.work().holder(clock.instant());
        if (d.status() == DraftStatus.PENDING && holder != null) {
            return ApiResponse.error(409, "Draft " + id + " is being handled by " + holder + " (claimed until " + d.work().claimedUntil() + ")");
        }
        return ApiResponse.error(409, "Draft " + id + " is " + d.status().name().toLowerCase(Locale.ROOT)
                + (d.decidedBy() != null ? " (by " + d.decidedBy() + ")" : "") + ", not pending");
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
