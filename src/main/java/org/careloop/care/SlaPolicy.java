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

    /**
     * The SLA as configured ({@code careloop.sla.*}), checked once at start: each milestone must fall inside the target,
     * or the warning would come before the post and the holding reply after the breach.
     */
    public static SlaPolicy fromSettings(org.careloop.config.Settings settings) {
        Duration target = settings.getDuration("careloop.sla.first-response", Duration.ofMinutes(10));
        Duration warn = settings.getDuration("careloop.sla.warn-before", Duration.ofMinutes(5));
        Duration hold = settings.getDuration("careloop.sla.holding-after", Duration.ofMinutes(8));
        String template = settings.get("careloop.sla.holding-template", "holding").strip();
        if (target.isZero() || target.isNegative()) {
            throw new IllegalArgumentException("careloop.sla.first-response must be more than zero, not " + target);
        }
        if (warn.isNegative() || warn.compareTo(target) >= 0) {
            throw new IllegalArgumentException("careloop.sla.warn-before (" + warn + ") must be shorter than careloop.sla.first-response (" + target + ")");
        }
        if (hold.isZero() || hold.isNegative() || hold.compareTo(target) >= 0) {
            throw new IllegalArgumentException("careloop.sla.holding-after (" + hold + ") must fall inside careloop.sla.first-response (" + target + ")");
        }
        if (template.isEmpty()) {
            throw new IllegalArgumentException("careloop.sla.holding-template is empty: name the template of the holding reply");
        }
        return new SlaPolicy(target, warn, hold, template);
    }

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
