package org.careloop.care;

import java.time.Instant;
import org.careloop.analysis.Analysis;
import org.careloop.platform.Mention;

/**
 * A public reply waiting for approval, with everything an agent needs to judge it.
 *
 * @param id          CareLoop's id of the draft
 * @param mention     the post it answers
 * @param analysis    what the analysis understood of the post
 * @param ruleId      the rule that produced it
 * @param templateId  the template it was rendered from
 * @param text        the reply text
 * @param status      where it is in its life
 * @param createdAt   when it was drafted
 * @param deadline    the first-response target: the post's time + 10 minutes
 * @param decidedBy   who approved or rejected it, or null
 * @param decidedAt   when, or null
 * @param publishedId the platform's id of the published reply, or null
 * @param error       why publishing failed or the rejection reason, or null
 */
public record Draft(
        long id,
        Mention mention,
        Analysis analysis,
        String ruleId,
        String templateId,
        String text,
        DraftStatus status,
        Instant createdAt,
        Instant deadline,
        String decidedBy,
        Instant decidedAt,
        String publishedId,
        String error) {}
