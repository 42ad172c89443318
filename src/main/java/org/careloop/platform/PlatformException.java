package org.careloop.platform;

import java.time.Instant;

/** A platform call failed; {@link #kind()} tells the caller what to do about it. */
public class PlatformException extends Exception {

    public enum Kind {
        /** Credentials rejected or revoked: the connection is unhealthy until an operator acts. */
        AUTH,
        /** Rate limit hit: retry after {@link #retryAfter()}. */
        RATE_LIMITED,
        /**
         * Network error, timeout or 5xx: retry with back-off. A write that failed this way may still
         * have been carried out, so look for it before sending it again.
         */
        TRANSIENT,
        /** The platform refused this request (4xx other than auth / rate limit): retrying will not help. */
        REJECTED,
        /**
         * The platform refused a post as a duplicate of one the account already published: after an
         * attempt whose outcome was unknown that one may be ours, so look for it before giving up.
         */
        DUPLICATE
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
