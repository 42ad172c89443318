package org.careloop.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.careloop.config.Settings;

/**
 * Where one kind of event is POSTed, read and checked once at start.
 *
 * @param url        where to POST; empty, nothing is sent
 * @param secret     the HMAC key that signs each body (from the environment only); empty, unsigned
 * @param attempts   how many times to try in all
 * @param firstRetry the wait before the second attempt, doubled before each further one
 */
public record WebhookSettings(Optional<URI> url, Optional<String> secret, int attempts, Duration firstRetry) {

    /** An unsigned webhook at {@code urlKey}: 4 attempts, retried after 2, 4 and 8 s. */
    public static WebhookSettings unsigned(Settings settings, String urlKey) {
        return new WebhookSettings(url(settings, urlKey), Optional.empty(), 4, Duration.ofSeconds(2));
    }

    /**
     * A webhook configured under {@code prefix} ({@code <prefix>.webhook-url}, {@code -attempts},
     * {@code -first-retry}), signed with the secret {@code secretKey} names.
     */
    public static WebhookSettings signed(Settings settings, String prefix, String secretKey) {
        int attempts = settings.getInt(prefix + ".webhook-attempts", 6);
        if (attempts < 1) {
            throw new IllegalArgumentException("Setting " + prefix + ".webhook-attempts must be 1 or more, got " + attempts);
        }
        Duration firstRetry = settings.getPositiveDuration(prefix + ".webhook-first-retry", Duration.ofSeconds(2));
        return new WebhookSettings(url(settings, prefix + ".webhook-url"), settings.secret(secretKey), attempts, firstRetry);
    }

    /** An http(s) URL, or none when blank; anything else stops the start naming the setting. */
    static Optional<URI> url(Settings settings, String key) {
        String value = settings.get(key, "").strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (java.net.URISyntaxException e) {
            // told below, with the setting's name
        }
        throw new IllegalArgumentException("Setting " + key + " (" + Settings.envName(key)
                + ") must be an http:// or https:// URL, or empty for none, got: " + value);
    }

    public boolean signedBodies() {
        return secret.isPresent();
    }

    /** The webhook these settings describe (not yet durable: see {@link Webhook#durable}). */
    public Webhook webhook(Clock clock) {
        return new Webhook(url.orElse(null), secret.orElse(null), attempts, firstRetry, clock);
    }
}
