package org.careloop.platform;

import java.time.Instant;

/** A platform call failed; {@link #kind()} tells the caller what to do about it. */
public class PlatformException extends Exception {

    public enum Kind {
        /** Credentials rejected or revoked: the connection is unhealthy until an operator acts. */
        AUTH,
        /** Rate limit hit: retry after {@link #retryAfter()}. */
        RATE_LIMITED,
        /** Network error or 5xx: retry with back-off. */
        TRANSIENT,
        /** The platform refused this request (4xx other than auth / rate limit): retrying will not help. */
        REJECTED
    }

    private final Kind kind;
    private final Instant retryAfter;

    public PlatformException(Kind kind, String message, Instant retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public PlatformException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** When a rate-limited call may be retried, or null when unknown. */
    public Instant retryAfter() {
        return retryAfter;
    }
}
