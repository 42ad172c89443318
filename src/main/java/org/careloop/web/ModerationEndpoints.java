package org.careloop.web;

import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.careloop.pipeline.Moderator;
import org.careloop.platform.Platform;

/**
 * Hiding and showing a customer's comment from the console, called from {@code routes/api.yaml}
 * with the console's sessions, CSRF check and API token. Never a deletion.
 *
 * <pre>
 * curl -X POST -H "Authorization: Bearer $CARELOOP_API_TOKEN" http://localhost:8080/api/mentions/facebook/123_456/unhide
 * curl -X POST -H "Authorization: Bearer $CARELOOP_API_TOKEN" -d '{"reason": "spam"}' http://localhost:8080/api/mentions/instagram/178/hide
 * </pre>
 */
public final class ModerationEndpoints {

    private final Access access;
    private final Moderator moderator;

    public ModerationEndpoints(WebEndpoints web, Moderator moderator) {
        this.access = web.access();
        this.moderator = moderator;
    }

    /** {@code {"reason": "..."}}: why a comment was hidden or shown (optional). */
    @JsonBody.Example("{\"reason\": \"spam\"}")
    public record Hiding(String reason) {}

    /** {@code POST /api/mentions/{platform}/{id}/hide}, optional body {@code {"reason": "..."}}. */
    public void hide(Exchange ex, @Body Hiding hiding) {
        access.answer(ex, actor -> set(ex, true, actor, hiding == null ? null : hiding.reason()));
    }

    /** {@code POST /api/mentions/{platform}/{id}/unhide}: shows the comment again (a reason, if given, is recorded too). */
    public void unhide(Exchange ex, @Body Hiding hiding) {
        access.answer(ex, actor -> set(ex, false, actor, hiding == null ? null : hiding.reason()));
    }

    private ApiResponse set(Exchange ex, boolean hidden, String actor, String reason) {
        Optional<Platform> named = Param.platform(Http.header(ex, "platform"));
        if (named.isEmpty()) {
            return ApiResponse.error(404, "No platform " + Http.header(ex, "platform"));
        }
        Platform platform = named.get();
        String id = Http.header(ex, "id");
        Optional<ApiResponse> tooLong = Param.tooLong("reason", reason, Param.REASON);
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        return moderator.setHidden(platform, id, hidden, actor, reason)
                .map(m -> m.error() == null ? ApiResponse.ok(m) : ApiResponse.error(502, m.error()))
                .orElseGet(() -> ApiResponse.error(404, "No " + platform.id() + " post " + id));
    }
}
