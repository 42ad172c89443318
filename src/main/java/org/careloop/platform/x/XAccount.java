package org.careloop.platform.x;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.careloop.config.Settings;

/**
 * One X account CareLoop watches and answers as.
 *
 * @param name              the configured name ({@code careloop.x.accounts}), e.g. {@code brand}
 * @param apiUrl            base URL of the X API, ending in a slash ({@code https://api.twitter.com/} or the simulator)
 * @param consumerKey       OAuth 1.0a consumer (app) key
 * @param consumerSecret    OAuth 1.0a consumer secret
 * @param accessToken       the account's access token
 * @param accessTokenSecret the account's access token secret
 * @param searchQuery       keyword search for posts that do not tag the account, or null for none
 * @param pageSize          posts per request (5 to 100)
 * @param readTimeout       how long a call may wait for X's answer; past it the call fails as transient
 * @param searchOverlap     how far before its cursor the keyword search reads again, for posts X's search shows late
 * @param ownPosts          read the account's own posts (the team's replies written on X join their threads and settle
 *                          their posts); off for an API tier that allows few user-timeline reads
 */
public record XAccount(String name, String apiUrl, String consumerKey, String consumerSecret, String accessToken,
                       String accessTokenSecret, String searchQuery, int pageSize, Duration readTimeout, Duration searchOverlap,
                       boolean ownPosts) {

    public XAccount(String name, String apiUrl, String consumerKey, String consumerSecret, String accessToken,
                    String accessTokenSecret, String searchQuery, int pageSize, Duration readTimeout, Duration searchOverlap) {
        this(name, apiUrl, consumerKey, consumerSecret, accessToken, accessTokenSecret, searchQuery, pageSize, readTimeout, searchOverlap, true);
    }

    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_SEARCH_OVERLAP = Duration.ofSeconds(30);

    public XAccount(String name, String apiUrl, String consumerKey, String consumerSecret, String accessToken,
                    String accessTokenSecret, String searchQuery, int pageSize) {
        this(name, apiUrl, consumerKey, consumerSecret, accessToken, accessTokenSecret, searchQuery, pageSize, DEFAULT_READ_TIMEOUT);
    }

    public XAccount(String name, String apiUrl, String consumerKey, String consumerSecret, String accessToken,
                    String accessTokenSecret, String searchQuery, int pageSize, Duration readTimeout) {
        this(name, apiUrl, consumerKey, consumerSecret, accessToken, accessTokenSecret, searchQuery, pageSize, readTimeout,
                DEFAULT_SEARCH_OVERLAP);
    }

    /** The simulator's demo credentials, used when the simulator runs and no credentials are given. */
    static final String[] SIMULATOR_CREDENTIALS = {"sim-consumer-key", "sim-consumer-secret", "sim-acmeair-token", "sim-acmeair-secret"};
    /** The demo's keyword search when the simulator runs and no query is configured. */
    static final String SIMULATOR_QUERY = "\"Acme Air\" -is:retweet";
    private static final String[] SECRETS = {"CONSUMER_KEY", "CONSUMER_SECRET", "ACCESS_TOKEN", "ACCESS_TOKEN_SECRET"};

    @Override
    public String toString() {
        // Never print secrets.
        return "XAccount[" + name + " at " + apiUrl + "]";
    }

    /** X's own API, the base URL when none is configured and no simulator runs inside CareLoop. */
    public static final String REAL_API_URL = "https://api.twitter.com/";

    /**
     * @param defaultApiUrl the base URL when neither {@code careloop.x.<name>.api-url} nor {@code careloop.x.api-url}
     *                      is set: the embedded simulator's while it runs (whatever its port), else {@link #REAL_API_URL}
     */
    public static List<XAccount> allFromSettings(Settings settings, String defaultApiUrl) {
        List<XAccount> out = new ArrayList<>();
        for (String raw : settings.get("careloop.x.accounts", "brand").split(",")) {
            String name = raw.trim();
            if (!name.isEmpty()) {
                out.add(fromSettings(settings, name, defaultApiUrl));
            }
        }
        return out;
    }

    static XAccount fromSettings(Settings settings, String name, String defaultApiUrl) {
        String prefix = "careloop.x." + name + ".";
        // No fixed default (it was http://localhost:8090/ whatever careloop.simulator.port said): with the simulator
        // on another port, X read, and could publish to, whatever listened on 8090 while the banner named the
        // embedded simulator. An explicit URL wins; a blank one counts as unset.
        String apiUrl = nonBlank(settings.get(prefix + "api-url", null), nonBlank(settings.get("careloop.x.api-url", null), defaultApiUrl));
        if (!apiUrl.endsWith("/")) {
            apiUrl += "/";
        }
        boolean simulator = settings.simulatorOn();
        String[] values = new String[4];
        for (int i = 0; i < 4; i++) {
            int index = i;
            values[i] = settings.secret(secretName(name, SECRETS[i]))
                    .orElseGet(() -> simulator ? SIMULATOR_CREDENTIALS[index] : "");
        }
        String query = settings.get(prefix + "search-query", simulator ? SIMULATOR_QUERY : "");
        int pageSize = settings.getInt(prefix + "page-size", 100);
        if (pageSize < 5 || pageSize > 100) {
            throw new IllegalArgumentException("Setting " + prefix + "page-size must be between 5 and 100, got: " + pageSize);
        }
        Duration readTimeout = settings.getDuration(prefix + "read-timeout",
                settings.getDuration("careloop.x.read-timeout", DEFAULT_READ_TIMEOUT));
        if (readTimeout.toMillis() < 1 || readTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Setting " + prefix + "read-timeout must be positive, got: " + readTimeout);
        }
        Duration overlap = settings.getDuration(prefix + "search-overlap",
                settings.getDuration("careloop.x.search-overlap", DEFAULT_SEARCH_OVERLAP));
        if (overlap.isNegative() || overlap.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("Setting " + prefix + "search-overlap must be between 0 and 1h, got: " + overlap);
        }
        boolean ownPosts = settings.getBoolean(prefix + "own-posts", settings.getBoolean("careloop.x.own-posts", true));
        return new XAccount(name, apiUrl, values[0], values[1], values[2], values[3], query.isBlank() ? null : query, pageSize,
                readTimeout, overlap, ownPosts);
    }

    private static String nonBlank(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** True when all four OAuth 1.0a values are set. */
    public boolean hasCredentials() {
        return List.of(consumerKey, consumerSecret, accessToken, accessTokenSecret).stream()
                .allMatch(v -> v != null && !v.isBlank());
    }

    /** The environment variables this account's credentials are read from. */
    public List<String> secretNames() {
        return List.of(SECRETS).stream().map(s -> secretName(name, s)).toList();
    }

    static String secretName(String account, String secret) {
        return "CARELOOP_X_" + account.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_" + secret;
    }
}
