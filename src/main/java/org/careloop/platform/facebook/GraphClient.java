package org.careloop.platform.facebook;

import com.restfb.Connection;
import com.restfb.DefaultFacebookClient;
import com.restfb.DefaultJsonMapper;
import com.restfb.DefaultWebRequestor;
import com.restfb.FacebookEndpoints;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.exception.FacebookException;
import com.restfb.json.JsonObject;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.careloop.platform.PlatformException;

/**
 * RestFB's {@link DefaultFacebookClient} for one Page's token, with what CareLoop needs around it:
 * the Graph version in the base URL (any {@code vNN.N}, not only the ones RestFB names), read and
 * connect timeouts, no retries of its own, paging that follows {@code paging.next}, the usage
 * headers read after every call, and failures turned into {@link PlatformException}s.
 *
 * <p>Calls are serialised: RestFB's requestor keeps the last answer's headers per client.
 */
final class GraphClient {

    /** What one call does, so every call is mapped the same way. */
    interface Call<T> {
        T run(DefaultFacebookClient client);
    }

    private final GraphSettings settings;
    private final Supplier<String> token;
    private final Clock clock;
    private final Requestor requestor;
    private DefaultFacebookClient client;
    private String clientToken;
    private volatile GraphUsage usage = GraphUsage.NONE;

    GraphClient(GraphSettings settings, Supplier<String> token, Clock clock) {
        this.settings = settings;
        this.token = token;
        this.clock = clock;
        this.requestor = new Requestor(settings);
    }

    /** The usage the platform reported with its last answer. */
    GraphUsage usage() {
        return usage;
    }

    /** True when a token is configured at all. */
    boolean hasToken() {
        String t = token.get();
        return t != null && !t.isBlank();
    }

    /**
     * Reads stop while the latest usage is at or above the slow-down threshold, for the pause (or the
     * platform's own estimate), so the limit itself is never hit: the platform blocks an app that
     * keeps calling after it.
     */
    void slowDownIfNeeded(String action) throws PlatformException {
        GraphUsage u = usage;
        if (u.percent() >= settings.slowDownAt()) {
            Instant until = u.seenAt().plus(u.regainAccess().compareTo(settings.slowDownPause()) > 0 ? u.regainAccess() : settings.slowDownPause());
            if (clock.instant().isBefore(until)) {
                throw new PlatformException(PlatformException.Kind.RATE_LIMITED, "Graph API usage at " + u.percent()
                        + " % of the limit (slowing down at " + settings.slowDownAt() + " %): not calling to " + action + " until " + until,
                        until, null);
            }
        }
    }

    synchronized <T> T call(String action, Call<T> call) throws PlatformException {
        try {
            return call.run(client());
        } catch (FacebookException e) {
            throw GraphErrors.map(action, e, usage, clock.instant(), settings.backOff());
        } finally {
            GraphUsage seen = requestor.takeUsage(clock.instant());
            if (seen != null) {
                usage = seen;
            }
        }
    }

    JsonObject get(String action, String path, Parameter... params) throws PlatformException {
        return call(action, c -> c.fetchObject(path, JsonObject.class, params));
    }

    JsonObject post(String action, String path, Parameter... params) throws PlatformException {
        return call(action, c -> c.publish(path, JsonObject.class, params));
    }

    /** Every item of a connection, following {@code paging.next}, at most {@code maxPages} pages. */
    List<JsonObject> list(String action, String path, int maxPages, Parameter... params) throws PlatformException {
        return call(action, c -> {
            List<JsonObject> out = new ArrayList<>();
            Connection<JsonObject> connection = c.fetchConnection(path, JsonObject.class, params);
            int pages = 0;
            for (List<JsonObject> page : connection) {
                out.addAll(page);
                if (++pages >= maxPages) {
                    break;
                }
            }
            return out;
        });
    }

    /** A client for the token in force; a new one when the token changed (a new token configured). */
    private DefaultFacebookClient client() {
        String t = token.get();
        if (client == null || !java.util.Objects.equals(t, clientToken)) {
            DefaultFacebookClient c = new DefaultFacebookClient(t, settings.appSecret(), requestor, new DefaultJsonMapper(), Version.UNVERSIONED);
            // The token in the Authorization header, never in a URL a log line could print.
            c.setHeaderAuthorization(true);
            String graph = settings.apiUrl() + settings.graphVersion();
            c.setFacebookEndpointUrls(new FacebookEndpoints() {
                @Override
                public String getGraphEndpoint() {
                    return graph;
                }
            });
            client = c;
            clientToken = t;
        }
        return client;
    }

    /**
     * RestFB's HTTP requestor with timeouts, the usage headers kept, and {@code paging.next} kept on
     * the configured scheme: RestFB rewrites every next-page URL to https, which a plain-http base
     * (the simulator, a proxy) does not answer.
     */
    static final class Requestor extends DefaultWebRequestor {

        private final GraphSettings settings;
        private final String httpsBase;
        private GraphUsage lastUsage;

        Requestor(GraphSettings settings) {
            this.settings = settings;
            this.httpsBase = settings.apiUrl().startsWith("http://") ? "https://" + settings.apiUrl().substring(7) : null;
        }

        @Override
        public Response executeGet(Request request) throws java.io.IOException {
            String url = request.getUrl();
            if (httpsBase != null && url.startsWith(httpsBase)) {
                request = new Request(settings.apiUrl() + url.substring(httpsBase.length()), request.getHeaderAccessToken(),
                        request.getParameters());
            }
            return super.executeGet(request);
        }

        @Override
        protected void customizeConnection(HttpURLConnection connection) {
            connection.setConnectTimeout((int) org.careloop.platform.PlatformAdapter.CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) settings.readTimeout().toMillis());
        }

        @Override
        protected void fillHeaderAndDebugInfo(HttpURLConnection connection) {
            super.fillHeaderAndDebugInfo(connection);
            lastUsage = GraphUsage.parse(connection.getHeaderField("X-App-Usage"),
                    connection.getHeaderField("X-Business-Use-Case-Usage"), null);
        }

        /** The usage of the last answer, once. */
        GraphUsage takeUsage(Instant now) {
            GraphUsage u = lastUsage;
            lastUsage = null;
            return u == null ? null : u.at(now);
        }
    }
}
