package org.careloop.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;

/**
 * The one response-header policy of CareLoop's HTTP server: the console, the API, the customer's
 * pages, assets, /health, and the server's own answers (unknown paths, wrong methods, errors).
 *
 * <p>What may go out: platform-http puts a request's headers, query parameters and form fields
 * into the Camel message, and copies the message's headers into the response. As Camel's header
 * filter (set on platform-http in {@code routes/console.yaml}) this lets out only the headers
 * CareLoop's own responses set ({@link #SENT}), and never takes one of those names in from a
 * request, so nothing a client sent is echoed, on the normal path or the error path.
 *
 * <p>What every response carries ({@link #POLICY}): put on by the server itself ({@link #onEveryResponse()}),
 * so Vert.x's own 404, 405 and 500 answers have it too. A response may send a stricter value
 * (the customer's pages send no referrer at all).
 */
public final class ResponseHeaders extends HttpHeaderFilterStrategy {

    /** The headers CareLoop's responses set, lower case; anything else on a message stays inside Camel. */
    static final Set<String> SENT = Set.of("cache-control", "content-disposition", "content-security-policy", "etag", "link", "location",
            "referrer-policy", "set-cookie", "www-authenticate", "x-robots-tag", "x-total-count");

    /**
     * On every response: no browser second-guesses a declared type (an answer or an upload shown as
     * script), and no address of the console goes to another site (same-origin keeps the Origin
     * header on the console's own requests).
     */
    static final Map<String, String> POLICY = Map.of("X-Content-Type-Options", "nosniff", "Referrer-Policy", "same-origin");

    @Override
    protected void initialize() {
        super.initialize();
        // A request's header, query parameter or form field named like a response header never reaches the message,
        // so only a value CareLoop set can go out under such a name.
        getInFilter().addAll(SENT);
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName == null || headerValue == null || !SENT.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /**
     * Puts {@link #POLICY} on every response of the HTTP server Camel Main starts, from before its
     * routes take requests: {@code camel.addMainListener(ResponseHeaders.onEveryResponse())}.
     */
    public static MainListener onEveryResponse() {
        return new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport main) {
                try {
                    // Called once the HTTP server is up, before the routes are added to it.
                    main.getCamelContext().addStartupListener((context, alreadyStarted) ->
                            context.getRegistry().findByType(VertxPlatformHttpRouter.class).forEach(ResponseHeaders::addPolicy));
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot set the response-header policy", e);
                }
            }
        };
    }

    /** First of the router's routes, so it sees every request, matched or not. */
    private static void addPolicy(VertxPlatformHttpRouter router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> POLICY.forEach((name, value) -> {
                if (!ctx.response().headers().contains(name)) {
                    ctx.response().putHeader(name, value);
                }
            }));
            ctx.next();
        });
    }
}
