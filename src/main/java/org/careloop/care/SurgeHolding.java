package org.careloop.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careloop.analysis.CareAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The surge policy of unattended mode: while a surge is on, each of its posts still waiting for a person
 * after {@link Policy#after} gets one public holding statement ("we know many customers are affected,
 * the team is working through every post"), on the accounts whose policy allows it. The kill switch, the
 * rate limits and the blocked words stay in force; the post's own draft stays in the queue for the real
 * answer. The statement takes the same milestone as the SLA's holding reply, so no post gets both.
 *
 * <p>Without the policy nothing goes out on its own: the team answers the surge's cluster with one
 * approval in the console.
 */
public final class SurgeHolding {

    private static final Logger LOG = LoggerFactory.getLogger(SurgeHolding.class);

    /** The holding statement's template. */
    public static final String TEMPLATE = "surge-holding";
    /** Posts whose care action a holding statement suits: questions and problems. Praise, banter and escalations want a person. */
    private static final Set<CareAction.Label> HELD = EnumSet.of(CareAction.Label.ANSWER, CareAction.Label.TICKET, CareAction.Label.APOLOGIZE);
    /** Pending drafts read per query while a surge is on. */
    private static final int PAGE = 500;

    /**
     * @param accounts account name -> holding statements allowed (accounts not named use {@code all})
     * @param all      the default ({@code careloop.surge.holding})
     * @param after    how long a surge's post waits for a person before its holding statement
     */
    public record Policy(Map<String, Boolean> accounts, boolean all, Duration after) {

        public boolean allows(String account) {
            return accounts.getOrDefault(account, all);
        }

        /** {@code careloop.surge.holding}, {@code careloop.surge.holding.<account>} and {@code careloop.surge.holding-after}. */
        public static Policy fromSettings(org.careloop.config.Settings settings, java.util.Collection<String> accounts) {
            boolean all = settings.getBoolean("careloop.surge.holding", false);
            return new Policy(settings.perAccount(all, a -> "careloop.surge.holding." + a, accounts), all,
                    settings.getDuration("careloop.surge.holding-after", Duration.ofMinutes(2)));
        }

        boolean any() {
            return all || accounts.containsValue(true);
        }
    }

    private final SurgeWatch surges;
    private final DraftStore drafts;
    private final Drafter drafter;
    private final UnsaidReplies unsaid;
    private final UnattendedGate gate;
    private final Policy policy;
    private final Clock clock;

    public SurgeHolding(SurgeWatch surges, DraftStore drafts, Drafter drafter, UnsaidReplies unsaid,
            UnattendedGate gate, Policy policy, Clock clock) {
        this.surges = surges;
        this.drafts = drafts;
        this.drafter = drafter;
        this.unsaid = unsaid;
        this.gate = gate;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Sends the holding statements that came due (routes/surges.yaml, after each surge check).
     *
     * @return how many were sent
     */
    public int hold() {
        if (!policy.any()) {
            return 0;
        }
        List<Surges.Surge> open = surges.open();
        if (open.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant postedBefore = now.minus(policy.after());
        int sent = 0;
        Long after = null;
        for (List<Draft> page = drafts.queue(now, false, null, PAGE); !page.isEmpty();
             page = page.size() < PAGE ? List.of() : drafts.queue(now, false, after, PAGE)) {
            after = page.get(page.size() - 1).id();
            for (Draft d : page) {
                if (due(d, open, postedBefore)) {
                    try {
                        sent += send(d, now) ? 1 : 0;
                    } catch (RuntimeException e) {
                        LOG.error("Surge holding statement for draft {} failed", d.id(), e);
                    }
                }
            }
        }
        return sent;
    }

    private boolean due(Draft d, List<Surges.Surge> open, Instant postedBefore) {
        if (d.work().kind() != Draft.Kind.REPLY || d.analysis() == null || !HELD.contains(d.analysis().care().label())
                || !policy.allows(d.mention().account())) {
            return false;
        }
        Instant posted = d.mention().createdAt() != null ? d.mention().createdAt() : d.createdAt();
        if (posted.isAfter(postedBefore)) {
            return false;
        }
        List<String> series = surges.series(d.mention(), d.analysis());
        return open.stream().anyMatch(s -> series.contains(s.series()) && !posted.isBefore(s.startedAt()));
    }

    private boolean send(Draft d, Instant now) {
        var m = d.mention();
        if (drafts.replyUnderway(m.platform().id(), m.id()) || !drafts.markHeld(d.id(), now)) {
            return false; // answered meanwhile, or its holding milestone taken (the SLA's, another node's)
        }
        Draft holding = drafts.create(unsaid.draft(m, said -> drafter.holding(d, TEMPLATE, now, TEMPLATE, said)));
        UnattendedGate.Verdict verdict = gate.checkAllowed(holding, true);
        if (verdict.pass() && drafts.approve(holding.id(), Draft.AUTO, null, now).isPresent()) {
            LOG.info("Surge holding statement {} sent for draft {}", holding.id(), d.id());
            return true;
        }
        drafts.reject(holding.id(), Draft.AUTO, "surge holding statement not sent: " + String.join("; ", verdict.reasons()), now);
        return false;
    }
}
