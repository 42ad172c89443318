package org.careloop.web;

import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.careloop.pipeline.TriageLedger;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;

/**
 * The posts CareLoop could not process (their triage failed every attempt), and retrying one from
 * the console, called from {@code routes/api.yaml} with the console's sessions, CSRF check and
 * API token. A retry triages the post on this node, now, through the same triage as its feed's posts.
 *
 * <pre>
 * curl -H "Authorization: Bearer $CARELOOP_API_TOKEN" http://localhost:8080/api/unprocessed
 * curl -X POST -H "Authorization: Bearer $CARELOOP_API_TOKEN" http://localhost:8080/api/mentions/x/1234/retry
 * curl -X POST -H "Authorization: Bearer $CARELOOP_API_TOKEN" http://localhost:8080/api/mentions/x/1234/dismiss
 * </pre>
 */
public final class TriageEndpoints {

    /** A post set aside, as the console lists it. */
    public record Unprocessed(String platform, DraftView.MentionView mention, int attempts, String error) {}

    /** A set-aside post triaged again. */
    public record Triaged(String platform, String id, boolean triaged) {}

    /** A set-aside post let go without a reply. */
    public record Dismissed(String platform, String id, boolean dismissed) {}

    private static final int LIMIT = 50;

    private final Access access;
    private final TriageLedger ledger;
    private volatile ProducerTemplate triage;

    public TriageEndpoints(WebEndpoints web, TriageLedger ledger) {
        this.access = web.access();
        this.ledger = ledger;
    }

    /** {@code GET /api/unprocessed}: the latest first. */
    public void unprocessed(Exchange ex) {
        access.answer(ex, actor -> ApiResponse.ok(list()));
    }

    /** {@code POST /api/mentions/{platform}/{id}/retry}: one more attempt; 502 with the error when it fails again. */
    public void retry(Exchange ex) {
        onSetAside(ex, (platform, id, actor) -> {
            Optional<Mention> mention = ledger.retry(platform, id, actor);
            if (mention.isEmpty()) {
                return notSetAside(platform, id);
            }
            // Admitted (or claimed) by the ledger's retry already: straight to the triage.
            Exchange done = template(ex).send("direct:triage-post", e -> e.getMessage().setBody(mention.get()));
            if (done.getException() != null) {
                return ApiResponse.error(503, "The retry could not run: " + done.getException().getMessage());
            }
            return ledger.setAside(platform, id)
                    .map(s -> ApiResponse.error(502, "Failed again: " + s.error()))
                    .orElseGet(() -> ApiResponse.ok(new Triaged(platform.id(), id, true)));
        });
    }

    /** {@code POST /api/mentions/{platform}/{id}/dismiss}: lets a set-aside post go without a reply. */
    public void dismiss(Exchange ex) {
        onSetAside(ex, (platform, id, actor) -> ledger.dismiss(platform, id, actor)
                ? ApiResponse.ok(new Dismissed(platform.id(), id, true))
                : notSetAside(platform, id));
    }

    private interface PostCall {
        ApiResponse run(Platform platform, String id, String actor);
    }

    /** A change to one set-aside post, named by the path: checked like every change, 404 for a platform CareLoop has not. */
    private void onSetAside(Exchange ex, PostCall call) {
        access.answer(ex, actor -> {
            String platformId = Http.header(ex, "platform");
            return Param.platform(platformId).map(p -> call.run(p, Http.header(ex, "id"), actor))
                    .orElseGet(() -> ApiResponse.error(404, "No platform " + platformId));
        });
    }

    private static ApiResponse notSetAside(Platform platform, String id) {
        return ApiResponse.error(404, "No " + platform.id() + " post " + id + " waits to be retried");
    }

    private List<Unprocessed> list() {
        return ledger.setAside(LIMIT).stream()
                .map(s -> new Unprocessed(s.mention().platform().id(), DraftView.mention(s.mention()), s.attempts(), s.error()))
                .toList();
    }

    private ProducerTemplate template(Exchange ex) {
        ProducerTemplate t = triage;
        if (t == null) {
            synchronized (this) {
                if (triage == null) {
                    triage = ex.getContext().createProducerTemplate();
                }
                t = triage;
            }
        }
        return t;
    }
}
