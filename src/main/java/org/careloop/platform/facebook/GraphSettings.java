package org.careloop.platform.facebook;

import java.time.Duration;
import org.careloop.config.Settings;

/**
 * How CareLoop talks to the Graph API, shared by every Page and Instagram account.
 *
 * @param apiUrl        base URL ending in a slash: {@code https://graph.facebook.com/} or the simulator
 * @param graphVersion  the Graph API version in every path, e.g. {@code v24.0}
 * @param appSecret     the app secret for {@code appsecret_proof}, or null to send none
 * @param readTimeout   how long a call may wait for its answer; past it the call fails as transient
 * @param pageSize      items per request ({@code limit}, 1 to 100)
 * @param maxPages      pages one read follows at most; the rest waits for the next poll
 * @param postsWatched  how many of the latest posts (media) are watched for new comments
 * @param slowDownAt    usage percent at which reads pause before the limit
 * @param slowDownPause how long they pause
 * @param backOff       the wait after a rate-limit error when the platform gives no estimate
 * @param firstLookback how far back the first read of an account goes (a Page's years of old posts are not news)
 */
public record GraphSettings(String apiUrl, String graphVersion, String appSecret, Duration readTimeout, int pageSize, int maxPages,
                            int postsWatched, int slowDownAt, Duration slowDownPause, Duration backOff, Duration firstLookback) {

    public GraphSettings {
        if (!apiUrl.endsWith("/")) {
            apiUrl = apiUrl + "/";
        }
        if (!graphVersion.matches("v[0-9]{1,2}\\.[0-9]")) {
            throw new IllegalArgumentException("Setting careloop.facebook.graph-version must look like v24.0, got: " + graphVersion);
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("Setting careloop.facebook.page-size must be between 1 and 100, got: " + pageSize);
        }
        if (slowDownAt < 1 || slowDownAt > 100) {
            throw new IllegalArgumentException("Setting careloop.facebook.slow-down-at must be a percentage (1 to 100), got: " + slowDownAt);
        }
        if (readTimeout.toMillis() < 1 || readTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Setting careloop.facebook.read-timeout must be positive, got: " + readTimeout);
        }
    }

    /** @param defaultApiUrl the base URL when {@code careloop.facebook.api-url} is not set (the embedded simulator's, or the real API) */
    public static GraphSettings fromSettings(Settings s, String defaultApiUrl) {
        return new GraphSettings(s.get("careloop.facebook.api-url", defaultApiUrl),
                s.get("careloop.facebook.graph-version", "v24.0"),
                s.secret("CARELOOP_FACEBOOK_APP_SECRET").orElse(null),
                s.getDuration("careloop.facebook.read-timeout", Duration.ofSeconds(30)),
                s.getInt("careloop.facebook.page-size", 50),
                s.getInt("careloop.facebook.max-pages", 10),
                s.getInt("careloop.facebook.posts-watched", 25),
                s.getInt("careloop.facebook.slow-down-at", 80),
                s.getDuration("careloop.facebook.slow-down-pause", Duration.ofMinutes(1)),
                s.getDuration("careloop.facebook.back-off", Duration.ofMinutes(5)),
                s.getDuration("careloop.facebook.first-lookback", Duration.ofDays(1)));
    }

    @Override
    public String toString() {
        return "GraphSettings[" + apiUrl + graphVersion + "]"; // never the app secret
    }
}
