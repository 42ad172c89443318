package org.careloop.web;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.careloop.config.Settings;

/**
 * The console's and API's settings, read and checked once at start; weak secrets stop the start
 * before anything listens.
 *
 * @param publicUrl         where people reach the console ({@code careloop.public-url}, default
 *                          {@code http://localhost:<careloop.http.port>}): links in replies and the welcome line
 * @param sessionTimeout    how long a console login lasts
 * @param claimFor          how long an agent's claim on a draft lasts unless the console renews it
 * @param adminPassword     CARELOOP_ADMIN_PASSWORD (environment only)
 * @param marketingPassword CARELOOP_MARKETING_PASSWORD: creates the praise-only login
 * @param apiToken          CARELOOP_API_TOKEN: bearer token for scripts calling /api
 * @param feedToken         CARELOOP_FEED_TOKEN: reads the praise feed without a login
 * @param metricsToken      CARELOOP_METRICS_TOKEN: required by /metrics when set
 */
public record ConsoleSettings(String publicUrl, Duration sessionTimeout, Duration claimFor, Optional<String> adminPassword,
                              Optional<String> marketingPassword, Optional<String> apiToken, Optional<String> feedToken,
                              Optional<String> metricsToken) {

    public static ConsoleSettings fromSettings(Settings settings) {
        int port = settings.getInt("careloop.http.port", 8080);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Setting careloop.http.port (CARELOOP_HTTP_PORT) must be a port, 1-65535, got " + port);
        }
        String publicUrl = settings.get("careloop.public-url", "").strip();
        if (publicUrl.isEmpty()) {
            publicUrl = "http://localhost:" + port;
        } else {
            URI uri = URI.create(publicUrl.replace(" ", "%20"));
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("Setting careloop.public-url (CARELOOP_PUBLIC_URL) must be the console's http:// or "
                        + "https:// address as people reach it, got: " + publicUrl);
            }
            // Links are built by appending paths to it.
            publicUrl = publicUrl.replaceAll("/+$", "");
        }
        return new ConsoleSettings(publicUrl, settings.getPositiveDuration("careloop.http.session-timeout", Duration.ofHours(12)),
                settings.getPositiveDuration("careloop.console.claim-for", Duration.ofMinutes(5)),
                settings.password("CARELOOP_ADMIN_PASSWORD"), settings.password("CARELOOP_MARKETING_PASSWORD"),
                settings.token("CARELOOP_API_TOKEN"), settings.token("CARELOOP_FEED_TOKEN"), settings.token("CARELOOP_METRICS_TOKEN"));
    }

    /** Behind HTTPS the session cookie is marked Secure. */
    public boolean secureCookies() {
        return publicUrl.startsWith("https:");
    }

    @Override
    public String toString() {
        // Never the secrets.
        return "ConsoleSettings[publicUrl=" + publicUrl + ", sessionTimeout=" + sessionTimeout + ", claimFor=" + claimFor + "]";
    }
}
