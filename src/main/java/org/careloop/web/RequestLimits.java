package org.careloop.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What CareLoop's HTTP server takes from anyone, before a route knows who is asking, and how it
 * refuses the rest.
 *
 * <p>A request the server cannot read (a form field or file name longer than the form parser
 * takes, a body over its limit) fails in Vert.x before any route runs. Unhandled, Vert.x answers a
 * bare status and logs the parser's stack trace at ERROR, for a mistake that is the client's; here
 * it gets a short answer and one log line.
 */
public final class RequestLimits {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLimits.class);

    private RequestLimits() {}

    /**
     * Installs the limits on the HTTP server Camel Main starts, before its routes take requests:
     * {@code camel.addMainListener(RequestLimits.onEveryRequest())}.
     */
    public static MainListener onEveryRequest() {
        return new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport main) {
                try {
                    // Called once the HTTP server is up, before the routes are added to it.
                    main.getCamelContext().addStartupListener((context, alreadyStarted) ->
                            context.getRegistry().findByType(VertxPlatformHttpRouter.class).forEach(RequestLimits::install));
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot set the HTTP server's request limits", e);
                }
            }
        };
    }

    private static void install(VertxPlatformHttpRouter router) {
        // Failure handlers run in route order; this one sees every failure first.
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(RequestLimits::refuse);
    }

    /** A client's mistake (4xx) gets a short plain answer and one line in the log; anything else is left to Vert.x. */
    static void refuse(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status < 400 || status > 499) {
            ctx.next();
            return;
        }
        if (ctx.response().headWritten()) {
            return; // answered already: the parser may report the same request twice
        }
        Throwable cause = ctx.failure();
        LOG.info("Refused {} {} from {}: {}{}", ctx.request().method(), where(ctx.request().path()), address(ctx), status,
                cause == null ? "" : " (" + shorten(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())) + ")");
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").putHeader("Cache-Control", "no-store")
                .end(message(status) + "\n");
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "Bad request: the form could not be read (a field or file name is too long, or the form is malformed).";
            default -> HttpResponseStatus.valueOf(status).reasonPhrase() + ".";
        };
    }

    /** The path, without the customer's tokens (they are keys) and cut short. */
    private static String where(String path) {
        if (path == null) {
            return "";
        }
        if (path.matches("/[ctr]/.*")) {
            return path.substring(0, 3) + "…";
        }
        return shorten(path);
    }

    private static String shorten(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }

    private static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }
}
