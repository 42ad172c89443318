package org.careloop.web;

import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.careloop.care.TriageLedger;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;

/**
 * The posts CareLoop could not process (their triage failed every attempt), and retrying one from
 * the console, called from {@code routes/console.yaml} with the console's sessions, CSRF check and
 * API token. A retry sends the post through the same intake as its feed did.
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

    private static final int LIMIT = 50;

    private final WebEndpoints web;
    private final TriageLedger ledger;
    private volatile ProducerTemplate intake;

    public TriageEndpoints(WebEndpoints web, TriageLedger ledger) {
        this.web = web;
        this.ledger = ledger;
    }

    /** {@code GET /api/unprocessed}: the latest first. */
    public void unprocessed(Exchange ex) {
        web.ifAllowed(ex, false, false, actor -> ApiResponse.ok(list()));
    }

    /** {@code POST /api/mentions/{platform}/{id}/retry}: one more attempt; 502 with the error when it fails again. */
    public void retry(Exchange ex) {
        web.ifAllowed(ex, true, false, actor -> retry(ex, WebEndpoints.header(ex, "platform"), WebEndpoints.header(ex, "id"), actor));
    }

    /** {@code POST /api/mentions/{platform}/{id}/dismiss}: lets a set-aside post go without a reply. */
    public void dismiss(Exchange ex) {
        web.ifAllowed(ex, true, false, actor -> {
            String platformId = WebEndpoints.header(ex, "platform");
            String id = WebEndpoints.header(ex, "id");
            Optional<Platform> platform = Param.platform(platformId);
            return platform.isPresent() && ledger.dismiss(platform.get(), id, actor)
                    ? ApiResponse.ok(java.util.Map.of("platform", platform.get().id(), "id", id, "dismissed", true))
                    : ApiResponse.error(404, "No " + platformId + " post " + id + " waits to be retried");
        });
    }

    private List<Unprocessed> list() {
        return ledger.setAside(LIMIT).stream()
                .map(s -> new Unprocessed(s.mention().platform().id(), DraftView.mention(s.mention()), s.attempts(), s.error()))
                .toList();
    }

    private ApiResponse retry(Exchange ex, String platformId, String id, String actor) {
        Optional<Platform> named = Param.platform(platformId);
        if (named.isEmpty()) {
            return ApiResponse.error(404, "No platform " + platformId);
        }
        Platform platform = named.get();
        Optional<Mention> mention = ledger.retry(platform, id, actor);
        if (mention.isEmpty()) {
            return ApiResponse.error(404, "No " + platform.id() + " post " + id + " waits to be retried");
        }
        Exchange done = template(ex).send("direct:intake", e -> e.getMessage().setBody(mention.get()));
        if (done.getException() != null) {
            return ApiResponse.error(503, "The retry could not run: " + done.getException().getMessage());
        }
        return ledger.setAside(platform, id)
                .map(s -> ApiResponse.error(502, "Failed again: " + s.error()))
                .orElseGet(() -> ApiResponse.ok(java.util.Map.of("platform", platform.id(), "id", id, "triaged", true)));
    }

    private ProducerTemplate template(Exchange ex) {
        ProducerTemplate t = intake;
        if (t == null) {
            synchronized (this) {
                if (intake == null) {
                    intake = ex.getContext().createProducerTemplate();
                }
                t = intake;
            }
        }
        return t;
    }
}
