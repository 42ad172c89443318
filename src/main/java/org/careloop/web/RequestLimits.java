package org.careloop.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
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
 * <p>Bodies: platform-http reads a request's whole body (into memory, files to disk) before its
 * route runs, so the limit holds before anyone is known. Each route reads its body with the
 * handler the server's router gives it ({@link VertxPlatformHttpRouter#bodyHandler()}); here that
 * handler picks the limit by route: Camel's own handler and limit ({@code camel.server.maxBodySize},
 * {@link #BODY} as CareLoop sets it) for every route but two; {@link #LOGIN_BODY} to sign in or
 * out; and for the customer's upload, more, once its page's token is known. A body over its limit
 * is refused with 413 as soon as its length says so, or as soon as that much has come.
 *
 * <p>A request the server cannot read (a form field or file name longer than the form parser
 * takes, a body over its limit) fails in Vert.x before any route runs. Unhandled, Vert.x answers a
 * bare status and logs the parser's stack trace at ERROR, for a mistake that is the client's; here
 * it gets a short answer and one log line.
 */
public final class RequestLimits {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLimits.class);

    /** The body any route takes: the API's JSON, the console's and the customer's forms (CareLoop's camel.server.maxBodySize). */
    public static final long BODY = 1024 * 1024;
    /** Signing in or out: a name, a password of at most 72 bytes, a token. */
    static final long LOGIN_BODY = 4 * 1024;
    /** The limit a request is held to, for the answer when it is over. */
    private static final String LIMIT = "careloop.bodyLimit";

    private RequestLimits() {}

    /**
     * Installs the limits on the HTTP server Camel Main starts, before its routes take requests:
     * {@code camel.addMainListener(RequestLimits.onEveryRequest(...))}.
     *
     * @param customerPage whether a customer's page token (of {@code POST /c/{token}}) is a real one; called off the event loop
     * @param uploadBody   the most a real customer page takes in one message: its files and its text
     */
    public static MainListener onEveryRequest(Predicate<String> customerPage, long uploadBody) {
        return new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport main) {
                try {
                    // Called once the HTTP server is up, before the routes are added to it (and ask for their body handler).
                    main.getCamelContext().addStartupListener((context, alreadyStarted) -> context.getRegistry()
                            .findByType(VertxPlatformHttpRouter.class).stream().filter(VertxPlatformHttpRouter::isMainServer)
                            .forEach(router -> install(context, router, customerPage, uploadBody)));
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot set the HTTP server's request limits", e);
                }
            }
        };
    }

    private static void install(CamelContext context, VertxPlatformHttpRouter router, Predicate<String> customerPage, long uploadBody) {
        // Failure handlers run in route order; this one sees every failure first.
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(RequestLimits::refuse);
        Handler<RoutingContext> bodies = bodies(router.bodyHandler(), router.getServer().getMaxBodySize(), customerPage, uploadBody);
        // The same router (the routes go to it), giving every route that body handler.
        VertxPlatformHttpRouter limited = new VertxPlatformHttpRouter(router.getServer(), router.vertx(), router, router.getName(),
                router.getServerType()) {
            @Override
            public Handler<RoutingContext> bodyHandler() {
                return bodies;
            }
        };
        context.getRegistry().unbind(router.getName());
        context.getRegistry().bind(router.getName(), limited);
    }

    /**
     * Reads a route's body within that route's limit.
     *
     * @param camel      Camel's own body handler, with its limit ({@code camel.server.maxBodySize})
     * @param camelLimit that limit, if set
     */
    static Handler<RoutingContext> bodies(Handler<RoutingContext> camel, Long camelLimit, Predicate<String> customerPage, long uploadBody) {
        long usual = camelLimit == null ? BodyHandler.DEFAULT_BODY_LIMIT : camelLimit;
        BodyHandler login = BodyHandler.create(false).setBodyLimit(LOGIN_BODY);
        BodyHandler upload = BodyHandler.create(uploadsDirectory().toString()).setBodyLimit(uploadBody).setDeleteUploadedFilesOnEnd(true);
        return ctx -> {
            Route route = ctx.currentRoute();
            String path = route == null ? null : route.getPath();
            boolean post = ctx.request().method() == HttpMethod.POST;
            if (post && ("/login".equals(path) || "/logout".equals(path))) {
                read(ctx, login, LOGIN_BODY);
            } else if (post && "/c/:token".equals(path) && multipart(ctx)) {
                // Nothing is read until the token is looked up (off the event loop); an unknown one gets the usual limit.
                ctx.request().pause();
                String token = ctx.pathParam("token");
                ctx.vertx().executeBlocking(() -> customerPage.test(token), false).onComplete(known -> {
                    if (known.succeeded() && Boolean.TRUE.equals(known.result())) {
                        read(ctx, upload, uploadBody);
                    } else {
                        ctx.put(LIMIT, usual);
                        camel.handle(ctx);
                    }
                });
            } else {
                ctx.put(LIMIT, usual);
                camel.handle(ctx);
            }
        };
    }

    /** As Camel's own handler does: the request waits (paused) until its body handler reads it. */
    private static void read(RoutingContext ctx, BodyHandler handler, long limit) {
        ctx.put(LIMIT, limit);
        ctx.request().resume();
        handler.handle(ctx);
    }

    private static boolean multipart(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Where uploads wait while their request is read (owner-only); each file is deleted when its request ends. */
    private static Path uploadsDirectory() {
        try {
            Path dir = Files.createTempDirectory("careloop-uploads-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for uploads in " + System.getProperty("java.io.tmpdir"), e);
        }
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
                .end(message(status, ctx.<Long>get(LIMIT, BODY)) + "\n");
    }

    static String message(int status, long limit) {
        return switch (status) {
            case 400 -> "Bad request: the form could not be read (a field or file name is too long, or the form is malformed).";
            case 413 -> "Request too large: this address takes at most " + TicketPage.size(limit) + ".";
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
