package org.careloop.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.CareAction;
import org.careloop.analysis.Intent;
import org.careloop.rules.RuleBook;

/**
 * Decides whether unattended mode may publish a draft without a person. Every gate that fails is
 * named, so the console can say why a draft waits; a draft that passes them all is published and
 * marked as published automatically.
 */
public final class UnattendedGate {

    /**
     * @param accounts           account name -> unattended on (accounts not named use {@code allAccounts})
     * @param allAccounts        the default for accounts not named ({@code CARELOOP_UNATTENDED})
     * @param minIntentConfidence below this the analysis is not sure enough of what the post wants
     * @param maxTrollScore      above this the post may be bait, even when not called troll
     * @param perAuthorPerHour   replies published automatically to one author per hour
     * @param perAccountPerHour  replies published automatically per account per hour
     * @param killSwitch         configuration's kill switch: when true nothing is published automatically
     */
    public record Policy(Map<String, Boolean> accounts, boolean allAccounts, double minIntentConfidence, double maxTrollScore,
                         int perAuthorPerHour, int perAccountPerHour, boolean killSwitch) {

        public boolean enabledFor(String account) {
            return accounts.getOrDefault(account, allAccounts);
        }

        /** {@code careloop.unattended} and {@code careloop.unattended.<account>}, the gates' limits, the configuration's kill switch. */
        public static Policy fromSettings(org.careloop.config.Settings settings, java.util.Collection<String> accounts) {
            boolean all = settings.getBoolean("careloop.unattended", false);
            return new Policy(settings.perAccount(all, a -> "careloop.unattended." + a, accounts), all,
                    settings.getDouble("careloop.unattended.min-intent-confidence", 0.5),
                    settings.getDouble("careloop.unattended.max-troll-score", 0.5),
                    settings.getInt("careloop.unattended.per-author-per-hour", 3),
                    settings.getInt("careloop.unattended.per-account-per-hour", 60),
                    settings.getBoolean("careloop.unattended.kill-switch", false));
        }
    }

    /** @param reasons the gates that failed, in words; empty when the draft may be published */
    public record Verdict(List<String> reasons) {

        public boolean pass() {
            return reasons.isEmpty();
        }
    }

    /**
     * What unattended mode may answer on its own: a sure answer, thanks, a ticket, an apology. A
     * fan's banter and an escalation want a person; what should be ignored is never answered.
     */
    static final java.util.Set<CareAction.Label> AUTO_ACTIONS = java.util.EnumSet.of(CareAction.Label.ANSWER, CareAction.Label.THANK,
            CareAction.Label.TICKET, CareAction.Label.APOLOGIZE);

    private final Policy policy;
    private final BooleanSupplier consoleKillSwitch;
    private final Supplier<RuleBook> rules;
    private final DraftStore drafts;
    private final Clock clock;

    public UnattendedGate(Policy policy, BooleanSupplier consoleKillSwitch, Supplier<RuleBook> rules, DraftStore drafts, Clock clock) {
        this.policy = policy;
        this.consoleKillSwitch = consoleKillSwitch;
        this.rules = rules;
        this.drafts = drafts;
        this.clock = clock;
    }

    public Policy policy() {
        return policy;
    }

    /** True when unattended mode would run for this account right now (on, and no kill switch). */
    public boolean active(String account) {
        return policy.enabledFor(account) && !policy.killSwitch() && !consoleKillSwitch.getAsBoolean();
    }

    public Verdict check(Draft draft) {
        return checkAllowed(draft, policy.enabledFor(draft.mention().account()));
    }

    /**
     * Every gate but the account's unattended switch, which {@code allowed} stands in for: a surge's holding
     * statement goes out where the account's surge policy allows it, under the same kill switch and limits.
     */
    public Verdict checkAllowed(Draft draft, boolean allowed) {
        List<String> reasons = new ArrayList<>();
        String account = draft.mention().account();
        if (!allowed) {
            return new Verdict(List.of("unattended mode is off for account " + account));
        }
        if (policy.killSwitch()) {
            reasons.add("the kill switch is on in the configuration");
        }
        if (consoleKillSwitch.getAsBoolean()) {
            reasons.add("the kill switch is on in the console");
        }
        if (!draft.work().autoPublish()) {
            reasons.add("rule " + draft.ruleId() + " always wants a person");
        }
        if (draft.text() == null || draft.text().isBlank()) {
            reasons.add("there is no reply text yet: a person writes it");
        }
        Analysis a = draft.analysis();
        if (draft.work().kind() == Draft.Kind.REPLY && a != null && !AUTO_ACTIONS.contains(a.care().label())) {
            reasons.add("care action " + a.care().label().id() + " always wants a person");
        }
        // A holding reply only acknowledges the post, so the content gates do not apply to it.
        if (draft.work().kind() == Draft.Kind.REPLY && a != null) {
            if (a.troll().label() || a.troll().score() > policy.maxTrollScore()) {
                reasons.add(String.format(Locale.ROOT, "troll score %.2f is above %.2f", a.troll().score(), policy.maxTrollScore()));
            }
            if (a.intent().label() == Intent.Label.SPAM) {
                reasons.add("the post looks like spam");
            }
            if (a.intent().confidence() < policy.minIntentConfidence()) {
                reasons.add(String.format(Locale.ROOT, "intent confidence %.2f is below %.2f", a.intent().confidence(),
                        policy.minIntentConfidence()));
            }
        }
        for (String word : rules.get().settings().blockedWords()) {
            if (containsWord(draft.text(), word)) {
                reasons.add("the reply contains the blocked word '" + word + "'");
            } else if (containsWord(draft.mention().text(), word)) {
                reasons.add("the post contains the blocked word '" + word + "'");
            }
        }
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        String platform = draft.mention().platform().id();
        int toAuthor = drafts.autoApprovedSince(platform, account, draft.mention().author().id(), hourAgo);
        if (toAuthor >= policy.perAuthorPerHour()) {
            reasons.add("already " + toAuthor + " automatic replies to this author in the last hour");
        }
        int onAccount = drafts.autoApprovedSince(platform, account, null, hourAgo);
        if (onAccount >= policy.perAccountPerHour()) {
            reasons.add("already " + onAccount + " automatic replies on " + account + " in the last hour");
        }
        return new Verdict(List.copyOf(reasons));
    }

    /** The word on its own ("sue"), not inside another ("suede"). */
    static boolean containsWord(String text, String word) {
        return text != null && text.toLowerCase(Locale.ROOT).matches("(?s).*(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(word)
                + "(?![\\p{L}\\p{N}]).*");
    }
}
