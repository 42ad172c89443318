package org.careloop.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.config.Json;
import org.careloop.store.DraftStore;

/** The drafts API: the queue, one draft, approve and reject. Plain Java; the HTTP glue is in {@link WebEndpoints}. */
public final class DraftsApi {

    static final int MAX_LIST = 500;

    private final DraftStore drafts;
    private final Clock clock;

    public DraftsApi(DraftStore drafts, Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
    }

    public ApiResponse list(String status) {
        return list(status, null);
    }

    /**
     * Drafts in one status, the earliest deadline first ({@code pending} when no status is given,
     * {@code all} for every status), or {@code decided}: everything no longer pending, the latest
     * decision first.
     *
     * @param limit at most this many (1 to {@value #MAX_LIST}), {@value #MAX_LIST} when null
     */
    public ApiResponse list(String status, String limit) {
        int max;
        try {
            max = limit == null || limit.isBlank() ? MAX_LIST : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > MAX_LIST) {
            return ApiResponse.error(400, "limit must be a number from 1 to " + MAX_LIST);
        }
        Instant now = clock.instant();
        if (status != null && status.trim().equalsIgnoreCase("decided")) {
            return ApiResponse.ok(drafts.decided(max).stream().map(d -> DraftView.of(d, now)).toList());
        }
        DraftStatus wanted = null;
        if (status == null || status.isBlank()) {
            wanted = DraftStatus.PENDING;
        } else if (!status.trim().equalsIgnoreCase("all")) {
            try {
                wanted = DraftStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return ApiResponse.error(400, "Unknown status '" + status
                        + "': use pending, approved, published, failed, rejected, decided or all");
            }
        }
        return ApiResponse.ok(drafts.list(wanted, max).stream().map(d -> DraftView.of(d, now)).toList());
    }

    public ApiResponse get(String id) {
        return parse(id).flatMap(drafts::find)
                .map(d -> ApiResponse.ok(DraftView.of(d, clock.instant())))
                .orElseGet(() -> ApiResponse.error(404, "No draft " + id));
    }

    /** Approves, optionally with edited text ({@code {"text": "..."}}); 409 when no longer pending. */
    public ApiResponse approve(String id, String actor, String body) {
        return decide(id, body, "text", "{\"text\": \"edited reply\"}", (draftId, text) -> {
            if (text != null && text.isBlank()) {
                return Optional.of(ApiResponse.error(400, "The edited text is empty"));
            }
            return drafts.approve(draftId, actor, text, clock.instant()).map(this::ok);
        });
    }

    /** Rejects, optionally with a reason ({@code {"reason": "..."}}); 409 when no longer pending. */
    public ApiResponse reject(String id, String actor, String body) {
        return decide(id, body, "reason", "{\"reason\": \"troll\"}",
                (draftId, reason) -> drafts.reject(draftId, actor, reason, clock.instant()).map(this::ok));
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
        Optional<ApiResponse> apply(long draftId, String value);
    }

    /** The shared path of approve and reject: 404, 400 on a bad body, the decision, 409 when someone was first. */
    private ApiResponse decide(String id, String body, String field, String example, Decision decision) {
        Optional<Long> draftId = parse(id);
        if (draftId.isEmpty() || drafts.find(draftId.get()).isEmpty()) {
            return ApiResponse.error(404, "No draft " + id);
        }
        String value;
        try {
            value = field(body, field);
        } catch (IOException e) {
            return ApiResponse.error(400, "The body must be JSON, e.g. " + example);
        }
        return decision.apply(draftId.get(), value).orElseGet(() -> conflict(draftId.get()));
    }

    private ApiResponse ok(Draft d) {
        return ApiResponse.ok(DraftView.of(d, clock.instant()));
    }

    private ApiResponse conflict(long id) {
        Draft d = drafts.find(id).orElseThrow();
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

    private static String field(String body, String name) throws IOException {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode n = Json.mapper().readTree(body);
        if (n == null || !n.isObject()) {
            throw new IOException("not an object");
        }
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
