package org.careloop.care;

import java.time.Duration;
import java.time.Instant;

/**
 * The first-response target and its milestones, counted from the time of the post.
 *
 * @param firstResponse the target (10 minutes): breach after this
 * @param warnBefore    the warning fires this long before the deadline (5 minutes)
 * @param holdingAfter  in unattended mode, a holding reply goes out this long after the post when no
 *                      approved reply is out yet (8 minutes), so the public first response is never late
 * @param holdingTemplate the template of the holding reply
 */
public record SlaPolicy(Duration firstResponse, Duration warnBefore, Duration holdingAfter, String holdingTemplate) {

    public Instant warnAt(Draft d) {
        return d.deadline().minus(warnBefore);
    }

    public Instant holdAt(Draft d) {
        return d.deadline().minus(firstResponse).plus(holdingAfter);
    }

    public Instant breachAt(Draft d) {
        return d.deadline();
    }
}
