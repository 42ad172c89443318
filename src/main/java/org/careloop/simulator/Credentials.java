package org.careloop.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call the simulated API. The demo credentials are public on purpose: they only open the
 * simulator. {@code Bearer sim:<handle>} acts as any customer, so any X client can play one.
 */
final class Credentials {

    static final String CONSUMER_KEY = "sim-consumer-key";
    static final String CONSUMER_SECRET = "sim-consumer-secret";
    static final String BRAND_TOKEN = "sim-acmeair-token";
    static final String BRAND_TOKEN_SECRET = "sim-acmeair-secret";
    static final String APP_BEARER = "sim-app-bearer";
    static final String USER_BEARER_PREFIX = "sim:";

    /** The caller of one request: a user, or the app alone (read-only). */
    record Caller(String key, XWorld.User user) {
        boolean isApp() {
            return user == null;
        }
    }

    private final Map<String, String> consumers = Map.of(CONSUMER_KEY, CONSUMER_SECRET);
    private final XWorld world;

    Credentials(XWorld world) {
        this.world = world;
    }

    /** The caller, or empty when the request carries no valid credential. */
    Optional<Caller> authenticate(SimHttp http) throws java.io.IOException {
        String auth = http.header("Authorization");
        if (auth == null) {
            return Optional.empty();
        }
        if (auth.startsWith("Bearer ")) {
            String token = auth.substring(7).trim();
            if (token.equals(APP_BEARER)) {
                return Optional.of(new Caller("app", null));
            }
            if (token.startsWith(USER_BEARER_PREFIX) && token.length() > USER_BEARER_PREFIX.length()) {
                String handle = token.substring(USER_BEARER_PREFIX.length());
                if (!handle.matches("[A-Za-z0-9_]{1,15}")) {
                    return Optional.empty();
                }
                return Optional.of(new Caller("user:" + handle.toLowerCase(), world.userOrCreate(handle, null)));
            }
            return Optional.empty();
        }
        if (auth.startsWith("OAuth ")) {
            Map<String, String> oauth = OAuth1.parseHeader(auth);
            String consumerSecret = consumers.get(oauth.get("oauth_consumer_key"));
            if (consumerSecret == null || !BRAND_TOKEN.equals(oauth.get("oauth_token"))) {
                return Optional.empty();
            }
            List<String[]> params = new java.util.ArrayList<>(http.queryParams);
            params.addAll(http.formParams());
            if (!OAuth1.verify(http.method, http.baseUrl(), params, oauth, consumerSecret, BRAND_TOKEN_SECRET)) {
                return Optional.empty();
            }
            return Optional.of(new Caller("user:" + world.brand().username(), world.brand()));
        }
        return Optional.empty();
    }
}
