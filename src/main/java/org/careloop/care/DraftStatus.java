package org.careloop.care;

import java.util.Locale;

/** Where a draft is in its life: pending -> approved -> published (or failed), or rejected. */
public enum DraftStatus {
    /** Waiting for a person (or the unattended gates). */
    PENDING,
    /** Approved and in the outbox, not yet accepted by the platform. */
    APPROVED,
    /** The platform accepted the reply; {@code publishedId} is set. */
    PUBLISHED,
    /** Publishing failed for good; the error is on the draft. */
    FAILED,
    /** A person decided not to answer. */
    REJECTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DraftStatus of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
