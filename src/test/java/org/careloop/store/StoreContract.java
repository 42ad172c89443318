package org.careloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Emotion;
import org.careloop.analysis.Intent;
import org.careloop.analysis.Sentiment;
import org.careloop.analysis.Troll;
import org.careloop.care.Alerts;
import org.careloop.care.AuditLog;
import org.careloop.care.MutableClock;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.care.DraftStore;
import org.careloop.care.Outbox;
import org.careloop.care.RecentTexts;
import org.careloop.marketing.PraiseStore;
import org.careloop.pipeline.MentionStore;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.marketing.Praise;
import org.careloop.rules.Decision;
import org.careloop.tickets.Incident;
import org.careloop.tickets.Ticket;
import org.careloop.tickets.TicketStore;
import org.careloop.web.LoginBrake;
import org.careloop.web.SessionStore;
import org.careloop.web.Sessions;
import org.careloop.web.UserStore;
import org.careloop.webhook.WebhookStore;
import org.junit.jupiter.api.Test;

/** The stores' behaviour, run against each database CareLoop supports. */
abstract class StoreContract {

    private static final AtomicInteger IDS = new AtomicInteger(1000);
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    abstract Database db();

    /** The same database through a pool of its own, as another node sees it; the caller closes it. */
    abstract Database anotherNode();

    static Mention mention(String id, String conversation) {
        return new Mention(Platform.X, "brand", id, new Author("u" + id, "cust" + id, "Customer " + id), "@acmeair my bag is lost 😡 — где багаж?",
                "en", T0.plusSeconds(Long.parseLong(id) % 1000), conversation, null, "https://x.com/cust/status/" + id, false, false);
    }

    static String newId() {
        return String.valueOf(IDS.incrementAndGet());
    }

    Draft newDraft(Mention m, Instant deadline) {
        db().mentions().insertIfNew(m);
        Analysis a = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.7, 0.8), List.of("CoreNLP: negative"));
        return db().drafts().create(new Draft(0, m, a, "lost-bag", "problem", "Sorry, " + m.author().name(),
                DraftStatus.PENDING, T0, deadline, null, null, null, null));
    }

    @Test
    void theReplysPartsAreKeptForTheReports() {
        Mention m = mention(newId(), null);
        db().mentions().insertIfNew(m);
        Analysis a = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.7, 0.8), List.of());
        Draft.Work w = Draft.Work.initial(Draft.Kind.REPLY, org.careloop.rules.Decision.Action.TICKET, org.careloop.rules.Decision.Priority.NORMAL,
                "Sorry", 1, true).withParts(List.of("opening-sorry", "ticket", "needs-bag", "detail"));
        Draft d = db().drafts().create(new Draft(0, m, a, "ticket", "ticket", "Sorry", DraftStatus.PENDING, T0, T0.plusSeconds(600), null, null,
                null, null, w));
        assertThat(db().drafts().find(d.id()).orElseThrow().work().parts()).containsExactly("opening-sorry", "ticket", "needs-bag", "detail");
        assertThat(db().drafts().outcomes(T0.minusSeconds(1))).filteredOn(o -> o.ruleId().equals("ticket"))
                .anySatisfy(o -> assertThat(o.parts()).contains("needs-bag"));
    }

    @Test
    void insertIfNewAcceptsEachPostOnce() {
        Mention m = mention(newId(), null);
        assertThat(db().mentions().insertIfNew(m)).isTrue();
        assertThat(db().mentions().insertIfNew(m)).isFalse();
        assertThat(db().mentions().find(Platform.X, m.id())).contains(m);
        assertThat(db().mentions().find(Platform.FACEBOOK, m.id())).isEmpty();
    }

    @Test
    void overlongDisplayFieldsAreCutNotRefused() {
        String id = newId();
        Mention odd = new Mention(Platform.X, "brand", id, new Author("u" + id, "h".repeat(300), "N".repeat(400)), "@acmeair hi", "x".repeat(40),
                T0, id, null, "https://x.com/" + "p".repeat(2000), false, false);
        assertThat(db().mentions().admit(odd, 3)).isTrue();
        Mention stored = db().mentions().find(Platform.X, id).orElseThrow();
        assertThat(stored.author().name()).hasSize(255);
        assertThat(stored.author().handle()).hasSize(255);
        assertThat(stored.permalink()).hasSize(1024);
        assertThat(stored.lang()).hasSize(16);
    }

    @Test
    void overlongOutsideValuesAreCutInEveryTableNotRefused() {
        String id = newId();
        // A handle ending in an emoji at the column's edge: the cut keeps whole characters.
        Mention odd = new Mention(Platform.X, "brand", id, new Author("u" + id, "h".repeat(254) + "😀" + "h".repeat(45), "N".repeat(400)),
                "@acmeair my bag is lost", "en", T0, id, null, null, false, false);
        assertThat(db().mentions().admit(odd, 3)).isTrue();
        Ticket t = db().tickets().open(odd, "tok" + id, "rate" + id, "your bag", "normal", null, T0);
        assertThat(t.author().handle()).isEqualTo("h".repeat(254));
        assertThat(t.author().name()).hasSize(255);
        assertThat(db().tickets().messages(t.id())).singleElement().satisfies(m -> assertThat(m.author()).hasSize(255).startsWith("@hhh"));
        long message = db().tickets().addMessage(t.id(), Ticket.Kind.CUSTOMER, "c".repeat(300), "see the file", null, null, T0);
        db().tickets().addAttachment(t.id(), message, "f".repeat(300) + ".png", "image/" + "x".repeat(200), new byte[] {1}, T0);
        assertThat(db().tickets().attachments(t.id())).singleElement().satisfies(a -> {
            assertThat(a.filename()).hasSize(255);
            assertThat(a.contentType()).hasSize(100);
        });
        Draft d = db().drafts().create(new Draft(0, odd, null, "r".repeat(200), "t".repeat(200), "Sorry", DraftStatus.PENDING, T0,
                T0.plusSeconds(600), null, null, null, null));
        assertThat(d.ruleId()).hasSize(128);
        assertThat(d.templateId()).hasSize(128);
        db().mentions().saveModeration(Platform.X, id, new MentionStore.Moderation(true, "spam", "rule:" + "x".repeat(100), T0, null));
        assertThat(db().mentions().findModeration(Platform.X, id).orElseThrow().by()).hasSize(64);
        db().audit().record("api", "post.retry", "x/" + "s".repeat(300), null);
        assertThat(db().audit().latest(1).get(0).subject()).hasSize(255);
        // A cursor is the platform's and is never cut: the Graph cursor names every comment at its last second.
        String cursor = "1764000000:" + String.join(",", java.util.Collections.nCopies(20, "123456789012345_678901234567890"));
        db().cursors().put("brand-" + id, "comments", cursor);
        assertThat(db().cursors().get("brand-" + id, "comments")).contains(cursor);
    }

    @Test
    void concurrentInsertsOfOnePostLetExactlyOneThrough() throws Exception {
        Mention m = mention(newId(), null);
        assertThat(winnersOfFour(() -> db().mentions().insertIfNew(m))).isEqualTo(1);
    }

    /** Killed mid-triage three times (no failure recorded): the post is still triaged, as it was no fault of its own. */
    @Test
    void attemptsAKillInterruptedLeaveRoomUntilAPostKillsEveryRun() {
        var mentions = db().mentions();
        Mention killed = mention(newId(), null);
        int room = 3 * org.careloop.pipeline.MentionStore.INTERRUPTED_ROOM;
        for (int attempt = 1; attempt <= room; attempt++) {
            assertThat(mentions.admit(killed, 3)).as("attempt %d, the ones before interrupted", attempt).isTrue();
        }
        assertThat(mentions.findSetAside(Platform.X, killed.id(), 3)).as("a post that stopped every run is set aside").isPresent();
        assertThat(mentions.admit(killed, 3)).isFalse();
        assertThat(mentions.retryTriage(Platform.X, killed.id(), 3)).isTrue();
        assertThat(mentions.admit(killed, 3)).as("one more attempt").isTrue();
        assertThat(mentions.admit(killed, 3)).as("only one").isFalse();

        Mention once = mention(newId(), null);
        assertThat(mentions.admit(once, 3)).isTrue();
        assertThat(mentions.admit(once, 3)).isTrue();
        assertThat(mentions.admit(once, 3)).isTrue();
        assertThat(mentions.admit(once, 3)).as("three interrupted attempts are not the end").isTrue();
        assertThat(mentions.triageFailed(Platform.X, once.id(), "boom")).isEqualTo(4);
        assertThat(mentions.admit(once, 3)).as("a recorded failure: the usual limit").isFalse();
    }

    @Test
    void anAttemptThatNeverGotToItsTriageIsTakenBack() {
        var mentions = db().mentions();
        Mention waited = mention(newId(), null);
        assertThat(mentions.admit(waited, 3)).isTrue();
        assertThat(mentions.triageFailed(Platform.X, waited.id(), "boom")).isEqualTo(1);
        assertThat(mentions.admit(waited, 3)).isTrue();
        mentions.attemptWithdrawn(Platform.X, waited.id());
        assertThat(mentions.triageFailed(Platform.X, waited.id(), "boom")).as("the withdrawn attempt is not counted").isEqualTo(1);
        assertThat(mentions.admit(waited, 3)).isTrue();
        assertThat(mentions.admit(waited, 3)).isTrue();
        assertThat(mentions.admit(waited, 3)).as("three attempts counted, one of them failed").isFalse();

        mentions.triaged(Platform.X, waited.id());
        mentions.attemptWithdrawn(Platform.X, waited.id());
        assertThat(mentions.admit(waited, 3)).as("triaged stays triaged").isFalse();
    }

    @Test
    void triageAdmitsAPostUntilItIsTriagedOrItsAttemptsRunOut() {
        var mentions = db().mentions();
        Mention done = mention(newId(), null);
        assertThat(mentions.admit(done, 3)).isTrue();
        mentions.triaged(Platform.X, done.id());
        assertThat(mentions.admit(done, 3)).as("triaged: a duplicate from now on").isFalse();

        Mention failing = mention(newId(), null);
        assertThat(mentions.admit(failing, 3)).isTrue();
        assertThat(mentions.triageFailed(Platform.X, failing.id(), "boom 1")).isEqualTo(1);
        assertThat(mentions.admit(failing, 3)).isTrue();
        assertThat(mentions.triageFailed(Platform.X, failing.id(), "boom 2")).isEqualTo(2);
        assertThat(mentions.setAside(3, 10)).noneMatch(a -> a.mention().id().equals(failing.id()));
        assertThat(mentions.admit(failing, 3)).isTrue();
        assertThat(mentions.triageFailed(Platform.X, failing.id(), "boom 3")).isEqualTo(3);
        assertThat(mentions.admit(failing, 3)).as("attempts used up").isFalse();

        var aside = mentions.findSetAside(Platform.X, failing.id(), 3).orElseThrow();
        assertThat(aside.attempts()).isEqualTo(3);
        assertThat(aside.error()).isEqualTo("boom 3");
        assertThat(mentions.setAside(3, 10)).extracting(a -> a.mention().id()).contains(failing.id()).doesNotContain(done.id());

        assertThat(mentions.retryTriage(Platform.X, done.id(), 3)).as("not set aside").isFalse();
        assertThat(mentions.retryTriage(Platform.X, failing.id(), 3)).isTrue();
        assertThat(mentions.admit(failing, 3)).as("one more attempt").isTrue();
        assertThat(mentions.admit(failing, 3)).as("only one").isFalse();
        mentions.triaged(Platform.X, failing.id());
        assertThat(mentions.findSetAside(Platform.X, failing.id(), 3)).isEmpty();
    }

    @Test
    void volumeCountsCustomerPostsByDayPlatformAndLabels() {
        Instant since = Instant.now().minusSeconds(60);
        int before = db().mentions().volume(since).stream().mapToInt(MentionStore.Volume::posts).sum();
        Mention troll = mention(newId(), null);
        Mention customer = mention(newId(), null);
        Mention brand = new Mention(Platform.X, "brand", newId(), new Author("100", "acmeair", "Acme Air"), "Thanks for flying", "en", T0,
                null, null, null, false, true);
        for (Mention m : List.of(troll, customer, brand)) {
            db().mentions().insertIfNew(m);
        }
        db().mentions().saveAnalysis(Platform.X, troll.id(), new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.9, 0.9),
                Emotion.NONE, new Troll(true, 0.9, true, List.of("bait")), new Intent(Intent.Label.OTHER, 0.9), List.of()));
        db().mentions().saveDecision(Platform.X, troll.id(), new Decision("bait", Decision.Action.IGNORE, List.of(), "a troll",
                Decision.Priority.NORMAL, false, false, false, null));

        List<MentionStore.Volume> rows = db().mentions().volume(since);
        assertThat(rows.stream().mapToInt(MentionStore.Volume::posts).sum()).as("the brand's own post is not counted").isEqualTo(before + 2);
        assertThat(rows).anySatisfy(v -> {
            assertThat(v.troll()).isTrue();
            assertThat(v.action()).isEqualTo("IGNORE");
            assertThat(v.sentiment()).isEqualTo("negative");
            assertThat(v.intent()).isEqualTo("other");
            assertThat(v.day()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        });
        assertThat(rows).anySatisfy(v -> assertThat(v.sentiment()).as("not analysed yet").isNull());
    }

    @Test
    void webhookDeliveriesStayPendingUntilDeliveredOrGivenUp() {
        var hooks = db().webhooks();
        String hook = "hook" + newId();
        var a = new WebhookStore.Delivery(java.util.UUID.randomUUID().toString(), hook, "ticket.resolved", "{\"n\":\"é\"}", T0, 0);
        var b = new WebhookStore.Delivery(java.util.UUID.randomUUID().toString(), hook, "ticket.opened", "{}", T0.plusSeconds(1), 0);
        var c = new WebhookStore.Delivery(java.util.UUID.randomUUID().toString(), hook, "ticket.closed", "{}", T0.plusSeconds(2), 0);
        List.of(a, b, c).forEach(d -> hooks.save(d, T0.plusSeconds(60)));
        hooks.failed(a.id(), "HTTP 500", false, T0.plusSeconds(5), T0.plusSeconds(100));
        hooks.delivered(b.id(), T0.plusSeconds(5));
        hooks.failed(c.id(), "HTTP 500", true, T0.plusSeconds(5), null);
        assertThat(hooks.pending(hook)).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(a.id());
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.body()).isEqualTo("{\"n\":\"é\"}");
            assertThat(d.createdAt()).isEqualTo(T0);
        });
        assertThat(hooks.claimAbandoned(hook, T0.plusSeconds(99), T0.plusSeconds(200))).as("still held by its sender").isEmpty();
        assertThat(hooks.claimAbandoned(hook, T0.plusSeconds(101), T0.plusSeconds(200))).extracting(WebhookStore.Delivery::id)
                .containsExactly(a.id());
        assertThat(hooks.claimAbandoned(hook, T0.plusSeconds(150), T0.plusSeconds(300))).as("now held by the relay").isEmpty();
    }

    @Test
    void concurrentRelaysTakeOverEachAbandonedDeliveryOnce() throws Exception {
        String hook = "hook" + newId();
        db().webhooks().save(new WebhookStore.Delivery(java.util.UUID.randomUUID().toString(), hook, "sla.breach", "{}", T0, 1), T0);
        assertThat(winnersOfFour(() -> !db().webhooks().claimAbandoned(hook, T0.plusSeconds(1), T0.plusSeconds(61)).isEmpty()))
                .isEqualTo(1);
    }

    @Test
    void concurrentAttemptsOfAFailedTriageLetOneThrough() throws Exception {
        Mention m = mention(newId(), null);
        db().mentions().admit(m, 3);
        db().mentions().triageFailed(Platform.X, m.id(), "boom");
        assertThat(winnersOfFour(() -> db().mentions().admit(m, 2))).isEqualTo(1);
    }

    /** Runs {@code race} on four threads at once; how many of them won. */
    static long winnersOfFour(Callable<Boolean> race) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(List.of(race, race, race, race))) {
                winners += f.get() ? 1 : 0;
            }
            return winners;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void threadListsAConversationOldestFirst() {
        String root = newId();
        Mention first = mention(root, root);
        Mention second = mention(newId(), root);
        db().mentions().insertIfNew(second);
        db().mentions().insertIfNew(first);
        assertThat(db().mentions().thread(Platform.X, root)).containsExactly(first, second);
    }

    @Test
    void analysisAndDecisionRoundTrip() {
        Mention m = mention(newId(), null);
        db().mentions().insertIfNew(m);
        Analysis a = new Analysis("ru", new Sentiment(Sentiment.Label.POSITIVE, 0.5, 0.6), List.of("спасибо"));
        Decision d = new Decision("praise", Decision.Action.REPLY, "thanks", "positive post");
        db().mentions().saveAnalysis(Platform.X, m.id(), a);
        db().mentions().saveDecision(Platform.X, m.id(), d);
        assertThat(db().mentions().findAnalysis(Platform.X, m.id())).contains(a);
        assertThat(db().mentions().findDecision(Platform.X, m.id())).contains(d);
    }

    @Test
    void cursorsAreUpserted() {
        String account = "acct" + newId();
        assertThat(db().cursors().get(account, "mentions")).isEmpty();
        db().cursors().put(account, "mentions", "100");
        db().cursors().put(account, "mentions", "200");
        db().cursors().put(account, "search", "150");
        assertThat(db().cursors().get(account, "mentions")).contains("200");
        assertThat(db().cursors().get(account, "search")).contains("150");
    }

    @Test
    void draftsListByStatusEarliestDeadlineFirst() {
        Draft late = newDraft(mention(newId(), null), T0.plus(1, ChronoUnit.DAYS).plusSeconds(600));
        Draft early = newDraft(mention(newId(), null), T0.plus(1, ChronoUnit.DAYS).plusSeconds(60));
        List<Long> pending = db().drafts().list(DraftStatus.PENDING, 1000).stream().map(Draft::id).toList();
        assertThat(pending).containsSubsequence(early.id(), late.id());
        Draft found = db().drafts().find(early.id()).orElseThrow();
        assertThat(found.mention()).isEqualTo(early.mention());
        assertThat(found.analysis().sentiment().label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(found.deadline()).isEqualTo(early.deadline());
        assertThat(db().drafts().find(-1)).isEmpty();
    }

    @Test
    void decidedDraftsListTheLatestDecisionFirst() {
        Draft pending = newDraft(mention(newId(), null), T0.plusSeconds(600));
        Draft first = newDraft(mention(newId(), null), T0.plusSeconds(60));
        Draft second = newDraft(mention(newId(), null), T0.plusSeconds(30));
        Instant later = Instant.parse("2099-01-01T00:00:00Z");
        db().drafts().approve(first.id(), "agent1", null, later);
        db().drafts().reject(second.id(), "agent1", "troll", later.plusSeconds(60));
        List<Long> decided = db().drafts().decided(2).stream().map(Draft::id).toList();
        assertThat(decided).containsExactly(second.id(), first.id());
        assertThat(db().drafts().decided(1000)).noneMatch(d -> d.id() == pending.id());
    }

    @Test
    void approvalQueuesTheReplyExactlyOnce() {
        Draft d = newDraft(mention(newId(), null), T0.plusSeconds(600));
        Instant at = Instant.parse("2026-11-22T10:05:00Z");
        Draft approved = db().drafts().approve(d.id(), "agent1", "Edited reply", at).orElseThrow();
        assertThat(approved.status()).isEqualTo(DraftStatus.APPROVED);
        assertThat(approved.text()).isEqualTo("Edited reply");
        assertThat(approved.decidedBy()).isEqualTo("agent1");
        assertThat(db().drafts().approve(d.id(), "agent2", null, at)).isEmpty();
        assertThat(db().drafts().reject(d.id(), "agent2", "late", at)).isEmpty();

        List<Outbox.OutboxEntry> due = db().outbox().due(at, 1000).stream().filter(e -> e.draftId() == d.id()).toList();
        assertThat(due).hasSize(1);
        assertThat(due.get(0).inReplyToId()).isEqualTo(d.mention().id());
        assertThat(due.get(0).text()).isEqualTo("Edited reply");
        assertThat(db().outbox().due(at.minusSeconds(1), 1000)).noneMatch(e -> e.draftId() == d.id());

        db().outbox().published(due.get(0).id(), "999", at.plusSeconds(2));
        assertThat(db().drafts().find(d.id()).orElseThrow().publishedId()).isEqualTo("999");
        assertThat(db().drafts().find(d.id()).orElseThrow().status()).isEqualTo(DraftStatus.PUBLISHED);
        assertThat(db().outbox().due(at.plusSeconds(10), 1000)).noneMatch(e -> e.draftId() == d.id());
        assertThat(db().audit().latest(50)).anyMatch(e -> e.action().equals("draft.edit-approve") && e.subject().equals("draft:" + d.id()));
    }

    /** The operators' gauge of drafts by status, and the first reply that times the first response. */
    @Test
    void draftsAreCountedByStatusAndAPostsFirstReplyIsKnown() {
        java.util.Map<DraftStatus, Integer> before = db().drafts().countByStatus();
        Draft d = newDraft(mention(newId(), null), T0.plusSeconds(600));
        String platform = d.mention().platform().id();
        assertThat(db().drafts().countByStatus().getOrDefault(DraftStatus.PENDING, 0)).isEqualTo(before.getOrDefault(DraftStatus.PENDING, 0) + 1);
        assertThat(db().drafts().firstReplyAt(platform, d.mention().id())).isEmpty();

        Instant at = Instant.parse("2026-11-22T10:05:00Z");
        db().drafts().approve(d.id(), "agent1", null, at);
        Outbox.OutboxEntry entry = db().outbox().due(at, 1000).stream().filter(e -> e.draftId() == d.id()).findFirst().orElseThrow();
        assertThat(db().drafts().firstReplyAt(platform, d.mention().id())).as("approved, not yet published").isEmpty();
        db().outbox().published(entry.id(), "4711", at.plusSeconds(2));

        assertThat(db().drafts().firstReplyAt(platform, d.mention().id())).contains(at.plusSeconds(2));
        java.util.Map<DraftStatus, Integer> after = db().drafts().countByStatus();
        assertThat(after.getOrDefault(DraftStatus.PUBLISHED, 0)).isEqualTo(before.getOrDefault(DraftStatus.PUBLISHED, 0) + 1);
        assertThat(after.getOrDefault(DraftStatus.PENDING, 0)).isEqualTo(before.getOrDefault(DraftStatus.PENDING, 0));
    }

    @Test
    void failedAttemptsRetryThenGiveUp() {
        Draft d = newDraft(mention(newId(), null), T0.plusSeconds(600));
        Instant at = Instant.parse("2026-11-22T10:05:00Z");
        db().drafts().approve(d.id(), "agent1", null, at);
        Outbox.OutboxEntry entry = db().outbox().due(at, 1000).stream().filter(e -> e.draftId() == d.id()).findFirst().orElseThrow();

        db().outbox().attemptFailed(entry.id(), "503 from X", at.plusSeconds(30));
        assertThat(db().outbox().due(at.plusSeconds(29), 1000)).noneMatch(e -> e.id() == entry.id());
        Outbox.OutboxEntry retried = db().outbox().due(at.plusSeconds(30), 1000).stream().filter(e -> e.id() == entry.id()).findFirst().orElseThrow();
        assertThat(retried.attempts()).isEqualTo(1);

        db().outbox().attemptFailed(entry.id(), "403 duplicate content", null);
        Draft failed = db().drafts().find(d.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(DraftStatus.FAILED);
        assertThat(failed.error()).isEqualTo("403 duplicate content");
        assertThat(db().outbox().due(at.plusSeconds(3600), 1000)).noneMatch(e -> e.id() == entry.id());
    }

    @Test
    void anAttemptInFlightIsLeasedThenTakenUpAgain() {
        Draft d = newDraft(mention(newId(), null), T0.plusSeconds(600));
        Instant at = Instant.parse("2026-11-22T11:00:00Z");
        db().drafts().approve(d.id(), "agent1", null, at);
        Outbox.OutboxEntry entry = db().outbox().outboxOf(d.id()).orElseThrow();
        assertThat(entry.status()).isEqualTo(Outbox.OutboxStatus.PENDING);
        assertThat(entry.attemptedBefore()).isFalse();
        assertThat(db().outbox().outboxOf(-1)).isEmpty();

        Instant lease = at.plusSeconds(300);
        assertThat(db().outbox().markSending(entry.id(), at, lease)).isTrue();
        // A second publisher (another node, or the next run) does not get it while the lease runs.
        assertThat(db().outbox().markSending(entry.id(), at, lease)).isFalse();
        assertThat(db().outbox().due(lease.minusMillis(1), 1000)).noneMatch(e -> e.id() == entry.id());

        // The publisher crashed: after the lease the entry is due again, marked as attempted before.
        Outbox.OutboxEntry left = db().outbox().due(lease, 1000).stream().filter(e -> e.id() == entry.id()).findFirst().orElseThrow();
        assertThat(left.status()).isEqualTo(Outbox.OutboxStatus.SENDING);
        assertThat(left.attemptedAt()).isEqualTo(at);
        assertThat(left.attempts()).isZero();
        assertThat(db().outbox().markSending(entry.id(), lease, lease.plusSeconds(300))).isTrue();

        db().outbox().attemptFailed(entry.id(), "timeout", lease.plusSeconds(5));
        Outbox.OutboxEntry failedOnce = db().outbox().outboxOf(d.id()).orElseThrow();
        assertThat(failedOnce.status()).isEqualTo(Outbox.OutboxStatus.PENDING);
        assertThat(failedOnce.attempts()).isEqualTo(1);
        assertThat(failedOnce.lastError()).isEqualTo("timeout");
        assertThat(failedOnce.nextAttemptAt()).isEqualTo(lease.plusSeconds(5));
        assertThat(failedOnce.attemptedAt()).isEqualTo(lease);
    }

    @Test
    void aRateLimitWaitsWithoutSpendingAnAttempt() {
        Draft d = newDraft(mention(newId(), null), T0.plusSeconds(600));
        Instant at = Instant.parse("2026-11-22T11:00:00Z");
        db().drafts().approve(d.id(), "agent1", null, at);
        Outbox.OutboxEntry entry = db().outbox().outboxOf(d.id()).orElseThrow();
        db().outbox().markSending(entry.id(), at, at.plusSeconds(300));
        db().outbox().rateLimited(entry.id(), "429 Too Many Requests", at.plusSeconds(42));
        Outbox.OutboxEntry waiting = db().outbox().outboxOf(d.id()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(Outbox.OutboxStatus.PENDING);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.nextAttemptAt()).isEqualTo(at.plusSeconds(42));
        assertThat(waiting.lastError()).isEqualTo("429 Too Many Requests");
        assertThat(db().drafts().find(d.id()).orElseThrow().status()).isEqualTo(DraftStatus.APPROVED);
    }

    @Test
    void aFailedDraftCanBeRetriedByHandOnlyWhenFailed() {
        Draft d = newDraft(mention(newId(), null), T0.plusSeconds(600));
        Instant at = Instant.parse("2026-11-22T11:00:00Z");
        assertThat(db().drafts().retry(d.id(), "agent1", at)).as("pending").isEmpty();
        db().drafts().approve(d.id(), "agent1", null, at);
        assertThat(db().drafts().retry(d.id(), "agent1", at)).as("approved").isEmpty();
        Outbox.OutboxEntry entry = db().outbox().outboxOf(d.id()).orElseThrow();
        db().outbox().markSending(entry.id(), at, at.plusSeconds(300));
        db().outbox().attemptFailed(entry.id(), "X API could not publish a reply: HTTP 503 Service Unavailable", null);
        assertThat(db().drafts().find(d.id()).orElseThrow().error()).contains("HTTP 503");

        Instant later = at.plusSeconds(3600);
        Draft retried = db().drafts().retry(d.id(), "agent2", later).orElseThrow();
        assertThat(retried.status()).isEqualTo(DraftStatus.APPROVED);
        assertThat(retried.error()).isNull();
        assertThat(db().drafts().retry(d.id(), "agent2", later)).as("already retried").isEmpty();
        Outbox.OutboxEntry again = db().outbox().due(later, 1000).stream().filter(e -> e.draftId() == d.id()).findFirst().orElseThrow();
        assertThat(again.id()).isEqualTo(entry.id());
        assertThat(again.status()).isEqualTo(Outbox.OutboxStatus.PENDING);
        assertThat(again.attempts()).isZero();
        // The earlier attempts may have reached the platform: the entry still says so.
        assertThat(again.attemptedBefore()).isTrue();
        assertThat(db().audit().latest(50)).anyMatch(e -> e.action().equals("draft.retry") && e.subject().equals("draft:" + d.id())
                && e.actor().equals("agent2"));

        db().outbox().published(again.id(), "4242", later.plusSeconds(1));
        assertThat(db().drafts().find(d.id()).orElseThrow().status()).isEqualTo(DraftStatus.PUBLISHED);
        assertThat(db().drafts().retry(d.id(), "agent2", later)).as("published").isEmpty();
    }

    @Test
    void rejectionKeepsTheReason() {
        Draft d = newDraft(mention(newId(), null), T0.plusSeconds(600));
        Draft rejected = db().drafts().reject(d.id(), "agent1", "troll", T0).orElseThrow();
        assertThat(rejected.status()).isEqualTo(DraftStatus.REJECTED);
        assertThat(rejected.error()).isEqualTo("troll");
        assertThat(db().drafts().approve(d.id(), "agent1", null, T0)).isEmpty();
    }

    @Test
    void usersAreSavedAndReplaced() {
        int before = db().users().count();
        String name = "agent" + newId();
        db().users().save(new UserStore.User(name, "$2a$hash1", UserStore.Role.AGENT));
        db().users().save(new UserStore.User(name, "$2a$hash2", UserStore.Role.ADMIN));
        assertThat(db().users().find(name)).contains(new UserStore.User(name, "$2a$hash2", UserStore.Role.ADMIN));
        assertThat(db().users().count()).isEqualTo(before + 1);
        assertThat(db().users().find("nobody")).isEmpty();
    }

    /** Two nodes starting at once against a new database both bootstrap the admin: one creates it, neither fails. */
    @Test
    void aUserCreatedByTwoNodesAtOnceIsCreatedOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            String name = "admin" + newId();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.List<java.util.concurrent.Future<Boolean>> created = new java.util.ArrayList<>();
                java.util.List<java.util.concurrent.Future<?>> saved = new java.util.ArrayList<>();
                for (String hash : java.util.List.of("$2a$one", "$2a$two")) {
                    created.add(nodes.submit(() -> {
                        start.await();
                        return db().users().create(new UserStore.User(name, hash, UserStore.Role.ADMIN));
                    }));
                }
                boolean firstWon = created.get(0).get();
                assertThat(firstWon ^ created.get(1).get()).as("exactly one node created it").isTrue();
                assertThat(db().users().find(name).orElseThrow().passwordHash()).as("the winner's password stands")
                        .isEqualTo(firstWon ? "$2a$one" : "$2a$two");
                String other = "agent" + newId();
                for (String hash : java.util.List.of("$2a$one", "$2a$two")) {
                    saved.add(nodes.submit(() -> {
                        start.await();
                        db().users().save(new UserStore.User(other, hash, UserStore.Role.AGENT));
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : saved) {
                    f.get();
                }
                assertThat(db().users().find(other).orElseThrow().passwordHash()).isIn("$2a$one", "$2a$two");
            } finally {
                nodes.shutdownNow();
            }
        }
    }

    @Test
    void sessionsAreKeptUnderTheirKeyUntilLoggedOutOrExpired() {
        String name = "agent" + newId();
        db().users().save(new UserStore.User(name, "$2a$hash", UserStore.Role.MARKETING));
        SessionStore store = db().sessions();
        Instant at = Instant.parse("2031-05-01T10:00:00Z");
        SessionStore.Stored lasting = new SessionStore.Stored(name, UserStore.Role.MARKETING, "csrf-" + name, at.plusSeconds(3600));
        store.save("long-" + name, lasting);
        store.save("short-" + name, new SessionStore.Stored(name, UserStore.Role.MARKETING, "csrf", at.plusSeconds(60)));
        assertThat(store.find("long-" + name)).contains(lasting);
        assertThat(store.find("short-" + name)).isPresent();
        store.deleteExpired(at.plusSeconds(61));
        assertThat(store.find("short-" + name)).as("expired, dropped").isEmpty();
        assertThat(store.find("long-" + name)).contains(lasting);
        store.delete("long-" + name);
        assertThat(store.find("long-" + name)).isEmpty();
        assertThat(store.find("nobody")).isEmpty();
    }

    /** Two nodes behind a load balancer: a login on one is valid on the other, a logout or the expiry on either ends it on both. */
    @Test
    void aConsoleLoginIsValidOnEveryNode() {
        String name = "agent" + newId();
        db().users().save(new UserStore.User(name, BCrypt.withDefaults().hashToString(4, "right".toCharArray()), UserStore.Role.AGENT));
        MutableClock clock = new MutableClock(Instant.parse("2031-05-02T10:00:00Z"));
        Sessions first = new Sessions(db().users(), db().sessions(), db().loginBrake(), clock, Duration.ofHours(1));
        Sessions second = new Sessions(db().users(), db().sessions(), db().loginBrake(), clock, Duration.ofHours(1));
        Sessions.Session[] out = new Sessions.Session[1];
        assertThat(first.login(name, "right", "10.0.0.1", out)).isEqualTo(Sessions.LoginResult.OK);
        Sessions.Session session = out[0];
        assertThat(second.find(session.id())).as("the other node knows the login").contains(session);
        second.logout(session.id());
        assertThat(first.find(session.id())).as("logged out on the other node").isEmpty();

        assertThat(second.login(name, "right", "10.0.0.1", out)).isEqualTo(Sessions.LoginResult.OK);
        assertThat(first.find(out[0].id())).contains(out[0]);
        clock.advance(Duration.ofMinutes(61));
        assertThat(first.find(out[0].id())).as("expired on every node").isEmpty();
        assertThat(second.find(out[0].id())).isEmpty();
    }

    /** The brake's counts: a window goes on within its length and begins again after it; a lock only ever gets longer. */
    @Test
    void loginFailuresAreCountedPerWindowAndLocksKeepTheLaterEnd() {
        LoginBrake brake = db().loginBrake();
        String key = "brake-" + newId();
        Instant at = Instant.parse("2031-06-01T10:00:00Z");
        Duration minute = Duration.ofMinutes(1);
        assertThat(brake.failed(key, "minute", minute, at)).isEqualTo(new LoginBrake.Count(1, at));
        assertThat(brake.failed(key, "minute", minute, at.plusSeconds(30))).isEqualTo(new LoginBrake.Count(2, at));
        assertThat(brake.failed(key, "hour", Duration.ofHours(1), at.plusSeconds(30))).as("another window of its own")
                .isEqualTo(new LoginBrake.Count(1, at.plusSeconds(30)));
        assertThat(brake.failed(key, "minute", minute, at.plusSeconds(61))).as("a new window").isEqualTo(new LoginBrake.Count(1, at.plusSeconds(61)));
        brake.forget(key, "minute");
        assertThat(brake.failed(key, "minute", minute, at.plusSeconds(62))).isEqualTo(new LoginBrake.Count(1, at.plusSeconds(62)));

        assertThat(brake.lockedUntil(key)).isEmpty();
        brake.lock(key, at.plusSeconds(3600));
        brake.lock(key, at.plusSeconds(60));
        assertThat(brake.lockedUntil(key)).as("the later end stays").contains(at.plusSeconds(3600));
        brake.sweep("minute", at.plusSeconds(63), at.plusSeconds(3599));
        assertThat(brake.lockedUntil(key)).contains(at.plusSeconds(3600));
        assertThat(brake.failed(key, "minute", minute, at.plusSeconds(63))).as("the old window was swept").isEqualTo(new LoginBrake.Count(1, at.plusSeconds(63)));
        brake.sweep("hour", at, at.plusSeconds(3600));
        assertThat(brake.lockedUntil(key)).as("ended locks are dropped").isEmpty();
    }

    /** A guesser spread over two nodes by a load balancer gets no more tries than on one. */
    @Test
    void wrongPasswordsOnTwoNodesAddUp() {
        String name = "agent" + newId();
        db().users().save(new UserStore.User(name, BCrypt.withDefaults().hashToString(4, "right".toCharArray()), UserStore.Role.AGENT));
        MutableClock clock = new MutableClock(Instant.parse("2031-06-02T10:00:00Z"));
        List<Sessions> nodes = List.of(new Sessions(db().users(), db().sessions(), db().loginBrake(), clock, Duration.ofHours(1)),
                new Sessions(db().users(), db().sessions(), db().loginBrake(), clock, Duration.ofHours(1)));
        String address = "10.9." + newId();
        for (int i = 0; i < 5; i++) {
            assertThat(nodes.get(i % 2).login(name, "wrong", address, new Sessions.Session[1])).isEqualTo(Sessions.LoginResult.WRONG);
        }
        assertThat(nodes.get(0).login(name, "right", address, new Sessions.Session[1])).isEqualTo(Sessions.LoginResult.LOCKED);
        assertThat(nodes.get(1).login(name, "right", address, new Sessions.Session[1])).isEqualTo(Sessions.LoginResult.LOCKED);
        clock.advance(Duration.ofSeconds(61));
        assertThat(nodes.get(1).login(name, "right", address, new Sessions.Session[1])).isEqualTo(Sessions.LoginResult.OK);
    }

    /** No account says one text twice: a text taken on an account is refused there, on every node, for a day. */
    @Test
    void aReplyTextIsTakenOncePerAccountOnEveryNodeForADay() {
        RecentTexts texts = db().recentTexts();
        String account = "texts-" + newId();
        Instant at = Instant.parse("2031-07-01T10:00:00Z");
        String text = "So sorry about your bag 🧳 — we're tracing it now, @cust";
        assertThat(texts.take("x", account, text, at)).isTrue();
        assertThat(texts.take("x", account, text, at.plusSeconds(1))).as("taken").isFalse();
        try (Database other = anotherNode()) {
            assertThat(other.recentTexts().take("x", account, text, at.plusSeconds(2))).as("taken, on another node too").isFalse();
            assertThat(other.recentTexts().take("x", account, text + "!", at.plusSeconds(2))).as("another text is free").isTrue();
        }
        assertThat(texts.take("x", account, text + "!", at.plusSeconds(3))).as("taken by the other node").isFalse();
        assertThat(texts.take("x", "other-" + account, text, at.plusSeconds(3))).as("another account is free").isTrue();
        assertThat(texts.take("facebook", account, text, at.plusSeconds(3))).as("the same name on another platform is another account").isTrue();
        String overlong = "a reply longer than any key ".repeat(100);
        assertThat(texts.take("x", account, overlong, at)).isTrue();
        assertThat(texts.take("x", account, overlong, at)).isFalse();

        assertThat(texts.takenAmong("x", account, List.of(text, text + "!", "never said", overlong), at.plusSeconds(5)))
                .containsExactlyInAnyOrder(text, text + "!", overlong);
        assertThat(texts.takenAmong("x", "other-" + account, List.of(text, text + "!"), at.plusSeconds(5))).containsExactly(text);
        assertThat(texts.takenAmong("x", account, List.of(), at.plusSeconds(5))).isEmpty();

        Instant over = at.plus(RecentTexts.DAY);
        assertThat(texts.take("x", account, text, over.minusSeconds(1))).as("still within the day").isFalse();
        assertThat(texts.takenAmong("x", account, List.of(text), over.plusSeconds(1))).as("free once the day is over").isEmpty();
        assertThat(texts.take("x", account, text, over.plusSeconds(1))).as("free once the day is over").isTrue();
        assertThat(texts.take("x", account, text, over.plusSeconds(2))).as("and taken anew").isFalse();
        assertThat(texts.takenAmong("x", account, List.of(text, text + "!"), over.plusSeconds(3))).containsExactly(text);
    }

    /** A stored draft's text, and the words a person approves instead, are the account's for the day, however they were drafted. */
    @Test
    void storedAndEditedTextsAreTakenForTheDay() {
        Mention m = mention(newId(), null);
        Draft d = newDraft(m, T0.plusSeconds(600));
        RecentTexts texts = db().recentTexts();
        assertThat(texts.takenAmong("x", m.account(), List.of(d.text()), d.createdAt().plusSeconds(1))).containsExactly(d.text());
        String edited = "Sorry about that, " + m.id() + " - we are on it.";
        db().drafts().approve(d.id(), "agent", edited, T0.plusSeconds(60));
        assertThat(texts.takenAmong("x", m.account(), List.of(edited), T0.plusSeconds(61))).containsExactly(edited);
    }

    /** Two nodes drafting one text on one account at once, also once the last take of it is over: one of them gets it. */
    @Test
    void concurrentTakesOfOneTextOnTwoNodesLetOneThrough() throws Exception {
        String account = "texts-" + newId();
        Instant at = Instant.parse("2031-07-02T10:00:00Z");
        try (Database other = anotherNode()) {
            List<RecentTexts> nodes = List.of(db().recentTexts(), other.recentTexts());
            AtomicInteger turn = new AtomicInteger();
            assertThat(winnersOfFour(() -> nodes.get(turn.getAndIncrement() % 2).take("x", account, "Sorry!", at))).isEqualTo(1);
            Instant later = at.plus(RecentTexts.DAY).plusSeconds(1);
            assertThat(winnersOfFour(() -> nodes.get(turn.getAndIncrement() % 2).take("x", account, "Sorry!", later))).isEqualTo(1);
        }
    }

    @Test
    void pingAnswers() {
        assertThat(db().ping()).isTrue();
    }

    // ---- the care workflow

    Draft newDraft(Mention m, Instant deadline, Decision.Priority priority) {
        db().mentions().insertIfNew(m);
        Analysis a = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.7, 0.8), List.of("negative"));
        return db().drafts().create(new Draft(0, m, a, "r", "problem", "Sorry", DraftStatus.PENDING, T0, deadline, null, null, null, null,
                Draft.Work.initial(Draft.Kind.REPLY, Decision.Action.REPLY, priority, "Sorry", 1, true)));
    }

    /** The SLA sweep's query: pending replies with a milestone due and not yet taken, none whose post has a reply underway. */
    @Test
    void slaMilestonesAreFoundWhenDueUntilTaken() {
        Instant deadline = T0.minusSeconds(86_400L * 365 * 3 + IDS.incrementAndGet());
        Draft waiting = newDraft(mention(newId(), null), deadline, Decision.Priority.NORMAL);
        Draft answered = newDraft(mention(newId(), null), deadline, Decision.Priority.NORMAL);
        Draft other = db().drafts().create(new Draft(0, answered.mention(), null, "r", "holding", "We saw it", DraftStatus.PENDING, T0,
                deadline, null, null, null, null, Draft.Work.initial(Draft.Kind.HOLDING, Decision.Action.REPLY, Decision.Priority.NORMAL,
                "We saw it", 1, true)));
        assertThat(db().drafts().approve(other.id(), "agent1", null, T0)).isPresent();
        Draft rejected = newDraft(mention(newId(), null), deadline, Decision.Priority.NORMAL);
        db().drafts().reject(rejected.id(), "agent1", "spam", T0);
        Mention closed = mention(newId(), null);
        db().mentions().insertIfNew(closed);
        Draft closing = db().drafts().create(new Draft(0, closed, null, "r", "closing", "All sorted?", DraftStatus.PENDING,
                T0, deadline, null, null, null, null, Draft.Work.initial(Draft.Kind.CLOSING, Decision.Action.REPLY, Decision.Priority.NORMAL,
                "All sorted?", 1, true)));
        java.util.function.Function<Instant[], List<DraftStore.SlaDue>> due = by -> db().drafts().slaDue(by[0], by[1], by[2], 10_000).stream()
                .filter(d -> List.of(waiting.id(), answered.id(), rejected.id(), closing.id(), other.id()).contains(d.draftId())).toList();
        Instant before = deadline.minusSeconds(1);
        assertThat(due.apply(new Instant[] {before, before, before})).isEmpty();
        assertThat(due.apply(new Instant[] {deadline, before, before})).containsExactly(new DraftStore.SlaDue(waiting.id(), true, false, false));
        assertThat(db().drafts().markWarned(waiting.id(), T0)).isTrue();
        assertThat(due.apply(new Instant[] {deadline, deadline, deadline})).containsExactly(new DraftStore.SlaDue(waiting.id(), false, true, true));
        assertThat(db().drafts().markHeld(waiting.id(), T0)).isTrue();
        assertThat(due.apply(new Instant[] {deadline, deadline, deadline})).containsExactly(new DraftStore.SlaDue(waiting.id(), false, false, true));
        assertThat(db().drafts().markBreached(waiting.id(), T0)).isTrue();
        assertThat(due.apply(new Instant[] {deadline, deadline, deadline})).as("every milestone taken").isEmpty();
    }

    @Test
    void theQueueOrdersByTimeLeftThenPriorityAndKeepsSnoozedApart() {
        Instant deadline = T0.plusSeconds(86_400L * 365 * 10 + IDS.incrementAndGet()); // later than other tests' drafts
        Draft low = newDraft(mention(newId(), null), deadline, Decision.Priority.LOW);
        Draft urgent = newDraft(mention(newId(), null), deadline, Decision.Priority.URGENT);
        Draft sooner = newDraft(mention(newId(), null), deadline.minusSeconds(1), Decision.Priority.LOW);
        List<Long> order = db().drafts().queue(T0, false, 500).stream().map(Draft::id)
                .filter(id -> id == low.id() || id == urgent.id() || id == sooner.id()).toList();
        assertThat(order).containsExactly(sooner.id(), urgent.id(), low.id());

        assertThat(db().drafts().snooze(low.id(), "alice", T0.plusSeconds(900), T0)).isPresent();
        assertThat(db().drafts().queue(T0, false, 500)).extracting(Draft::id).doesNotContain(low.id());
        assertThat(db().drafts().queue(T0, true, 500)).extracting(Draft::id).contains(low.id());
        // it wakes up when the snooze ends
        assertThat(db().drafts().queue(T0.plusSeconds(901), false, 500)).extracting(Draft::id).contains(low.id());
    }

    /** Pages follow each other by key: walked page by page, the queue is the whole queue, and its count is its length. */
    @Test
    void theQueueIsPagedByKeyAndCountedWhole() {
        Instant deadline = T0.plusSeconds(86_400L * 365 * 20 + IDS.incrementAndGet()); // after every other test's drafts
        List<Draft> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Deadlines in pairs: within a pair, the urgent one comes first.
            mine.add(newDraft(mention(newId(), null), deadline.plusSeconds(i / 2), i % 2 == 0 ? Decision.Priority.LOW : Decision.Priority.URGENT));
        }
        List<Long> whole = ids(db().drafts().queue(T0, false, 100_000));
        assertThat(db().drafts().queueSize(T0, false)).isEqualTo(whole.size());
        assertThat(whole.subList(whole.size() - 7, whole.size())).containsExactly(
                mine.get(1).id(), mine.get(0).id(), mine.get(3).id(), mine.get(2).id(), mine.get(5).id(), mine.get(4).id(), mine.get(6).id());
        List<Long> paged = new java.util.ArrayList<>();
        for (List<Draft> page = db().drafts().queue(T0, false, null, 3); !page.isEmpty();
             page = db().drafts().queue(T0, false, page.get(page.size() - 1).id(), 3)) {
            assertThat(page.size()).isLessThanOrEqualTo(3);
            paged.addAll(ids(page));
        }
        assertThat(paged).isEqualTo(whole);

        // A draft decided while the agent reads its page moves nothing on the next one, even as the cursor.
        assertThat(ids(db().drafts().queue(T0, false, mine.get(1).id(), 2))).containsExactly(mine.get(0).id(), mine.get(3).id());
        db().drafts().reject(mine.get(0).id(), "alice", "dup", T0);
        assertThat(ids(db().drafts().queue(T0, false, mine.get(1).id(), 2))).containsExactly(mine.get(3).id(), mine.get(2).id());
        assertThat(ids(db().drafts().queue(T0, false, mine.get(0).id(), 2))).containsExactly(mine.get(3).id(), mine.get(2).id());
        assertThat(db().drafts().queueSize(T0, false)).isEqualTo(whole.size() - 1);

        int snoozedBefore = db().drafts().queueSize(T0, true);
        db().drafts().snooze(mine.get(2).id(), "alice", T0.plusSeconds(900), T0);
        assertThat(db().drafts().queueSize(T0, false)).isEqualTo(whole.size() - 2);
        assertThat(db().drafts().queueSize(T0, true)).isEqualTo(snoozedBefore + 1);
        assertThat(ids(db().drafts().queue(T0, false, mine.get(3).id(), 1))).containsExactly(mine.get(5).id());

        // The other lists page the same way, in their own order.
        List<Long> decided = ids(db().drafts().decided(6));
        List<Draft> firstDecided = db().drafts().decided(null, 3);
        assertThat(ids(firstDecided)).isEqualTo(decided.subList(0, 3));
        assertThat(ids(db().drafts().decided(firstDecided.get(2).id(), 3))).isEqualTo(decided.subList(3, 6));
        List<Long> pending = ids(db().drafts().list(DraftStatus.PENDING, 100_000));
        assertThat(ids(db().drafts().list(DraftStatus.PENDING, mine.get(3).id(), 2))).isEqualTo(
                pending.subList(pending.indexOf(mine.get(3).id()) + 1, pending.indexOf(mine.get(3).id()) + 3));
    }

    private static List<Long> ids(List<Draft> drafts) {
        return drafts.stream().map(Draft::id).toList();
    }

    /** Alerts of one kind add up to what they stand for: the start-up alert counts as every draft it is about. */
    @Test
    void openAlertsAreTalliedByKind() {
        String kind = "test-" + newId();
        db().alerts().raise(kind, null, "first");
        db().alerts().raise(kind, null, "36 passed while stopped", 36);
        Alerts.Alert last = db().alerts().raise(kind, null, "last");
        Alerts.Tally tally = db().alerts().openTallies().stream().filter(t -> t.kind().equals(kind)).findFirst().orElseThrow();
        assertThat(tally.alerts()).isEqualTo(3);
        assertThat(tally.count()).isEqualTo(38);
        List<Alerts.Alert> stored = db().alerts().openOfKind(kind, 5); // times as the database keeps them
        assertThat(tally.since()).isEqualTo(stored.get(2).at());
        assertThat(tally.latest()).isEqualTo(stored.get(0).at());
        assertThat(db().alerts().openTallies().get(0).kind()).as("the kind with the newest alert first").isEqualTo(kind);
        assertThat(db().alerts().openOfKind(kind, 5)).extracting(Alerts.Alert::count).containsExactly(1, 36, 1);

        db().alerts().acknowledge(last.id(), "alice");
        tally = db().alerts().openTallies().stream().filter(t -> t.kind().equals(kind)).findFirst().orElseThrow();
        assertThat(tally.alerts()).isEqualTo(2);
        assertThat(tally.count()).isEqualTo(37);
        assertThat(db().alerts().latestOfKind(kind, 5)).as("acknowledged ones too").extracting(Alerts.Alert::message)
                .containsExactly("last", "36 passed while stopped", "first");
        db().alerts().acknowledgeKind(kind, "alice");
        assertThat(db().alerts().openTallies()).noneMatch(t -> t.kind().equals(kind));
    }

    @Test
    void aClaimKeepsOtherAgentsOutUntilItLapses() {
        Draft d = newDraft(mention(newId(), null), T0.plusSeconds(600), Decision.Priority.NORMAL);
        DraftStore.Claim mine = db().drafts().claim(d.id(), "alice", T0.plusSeconds(300), T0);
        assertThat(mine.granted()).isTrue();
        assertThat(mine.draft().work().holder(T0)).isEqualTo("alice");

        DraftStore.Claim theirs = db().drafts().claim(d.id(), "bob", T0.plusSeconds(400), T0.plusSeconds(10));
        assertThat(theirs.granted()).isFalse();
        assertThat(theirs.draft().work().claimedBy()).isEqualTo("alice");
        assertThat(db().drafts().approve(d.id(), "bob", null, T0.plusSeconds(10))).isEmpty();
        assertThat(db().drafts().reject(d.id(), "bob", "no", T0.plusSeconds(10))).isEmpty();
        assertThat(db().drafts().snooze(d.id(), "bob", T0.plusSeconds(900), T0.plusSeconds(10))).isEmpty();
        assertThat(db().drafts().release(d.id(), "bob")).isFalse();
        // renewing one's own claim works; after it lapses, someone else may take it
        assertThat(db().drafts().claim(d.id(), "alice", T0.plusSeconds(600), T0.plusSeconds(20)).granted()).isTrue();
        assertThat(db().drafts().claim(d.id(), "bob", T0.plusSeconds(900), T0.plusSeconds(601)).granted()).isTrue();
        assertThat(db().drafts().approve(d.id(), "bob", "Edited", T0.plusSeconds(602))).get()
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(DraftStatus.APPROVED);
                    assertThat(a.edited()).isTrue();
                    assertThat(a.work().claimedBy()).isNull();
                });
    }

    @Test
    void releaseAndAssign() {
        Draft d = newDraft(mention(newId(), null), T0.plusSeconds(600), Decision.Priority.NORMAL);
        db().drafts().claim(d.id(), "alice", T0.plusSeconds(300), T0);
        assertThat(db().drafts().release(d.id(), "alice")).isTrue();
        assertThat(db().drafts().claim(d.id(), "bob", T0.plusSeconds(300), T0.plusSeconds(1)).granted()).isTrue();
        assertThat(db().drafts().assign(d.id(), "lead", "carol", T0)).get().extracting(x -> x.work().assignedTo()).isEqualTo("carol");
        assertThat(db().drafts().assign(d.id(), "lead", "", T0)).get().extracting(x -> x.work().assignedTo()).isNull();
    }

    @Test
    void automaticApprovalsAreMarkedAndCounted() {
        Mention m = mention(newId(), null);
        Draft d = newDraft(m, T0.plusSeconds(600), Decision.Priority.NORMAL);
        Instant at = Instant.now();
        assertThat(db().drafts().autoApprovedSince("x", "brand", m.author().id(), at.minusSeconds(5))).isZero();
        assertThat(db().drafts().approve(d.id(), Draft.AUTO, null, at)).get().extracting(x -> x.work().autoPublished()).isEqualTo(true);
        assertThat(db().drafts().autoApprovedSince("x", "brand", m.author().id(), at.minusSeconds(5))).isEqualTo(1);
        assertThat(db().drafts().autoApprovedSince("x", "brand", null, at.minusSeconds(5))).isGreaterThanOrEqualTo(1);
        assertThat(db().drafts().autoApprovedSince("x", "other", null, at.minusSeconds(5))).isZero();
        assertThat(db().drafts().replyUnderway("x", m.id())).isTrue();
        assertThat(db().audit().latest(5)).extracting(AuditLog.Entry::action).contains("draft.auto-approve");
    }

    @Test
    void slaMilestonesAreRecordedOnce() {
        Draft d = newDraft(mention(newId(), null), T0.plusSeconds(600), Decision.Priority.NORMAL);
        assertThat(db().drafts().markWarned(d.id(), T0.plusSeconds(300))).isTrue();
        assertThat(db().drafts().markWarned(d.id(), T0.plusSeconds(301))).isFalse();
        assertThat(db().drafts().markBreached(d.id(), T0.plusSeconds(600))).isTrue();
        assertThat(db().drafts().markBreached(d.id(), T0.plusSeconds(601))).isFalse();
        Draft after = db().drafts().find(d.id()).orElseThrow();
        assertThat(after.work().warnedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(after.work().escalated()).isTrue();
    }

    @Test
    void recentRepliesToAnAuthorNewestFirstWithoutRejected() {
        Mention first = mention(newId(), null);
        Mention second = new Mention(Platform.X, "brand", newId(), first.author(), "again", "en", T0, null, null, null, false, false);
        Draft a = newDraft(first, T0.plusSeconds(600));
        Draft b = newDraft(second, T0.plusSeconds(600));
        db().drafts().reject(b.id(), "alice", "no", T0);
        assertThat(db().drafts().recentRepliesTo("x", first.author().id(), 5)).containsExactly(a.text());
    }

    @Test
    void postsByAuthorCountsTheOthersInTheWindow() {
        Author author = new Author("repeat-" + newId(), "rep", "Rep", T0.minusSeconds(86_400));
        for (int i = 0; i < 3; i++) {
            db().mentions().insertIfNew(new Mention(Platform.X, "brand", newId(), author, "post " + i, "en", T0.plusSeconds(i * 60L), null,
                    null, null, false, false));
        }
        assertThat(db().mentions().postsByAuthor(Platform.X, author.id(), T0.minusSeconds(1), T0.plusSeconds(3600), "none")).isEqualTo(3);
        assertThat(db().mentions().postsByAuthor(Platform.X, author.id(), T0.plusSeconds(30), T0.plusSeconds(3600), "none")).isEqualTo(2);
        Mention stored = db().mentions().thread(Platform.X, "none").stream().findFirst().orElse(null);
        assertThat(stored).isNull();
    }

    @Test
    void alertsAndSwitches() {
        Alerts.Alert a = db().alerts().raise("sla-breach", null, "late " + newId());
        assertThat(db().alerts().open(100)).extracting(Alerts.Alert::id).contains(a.id());
        assertThat(db().alerts().acknowledge(a.id(), "alice")).isTrue();
        assertThat(db().alerts().acknowledge(a.id(), "alice")).isFalse();
        assertThat(db().alerts().open(100)).extracting(Alerts.Alert::id).doesNotContain(a.id());
        String name = "test.switch." + newId();
        assertThat(db().switches().isOn(name)).isFalse();
        db().switches().set(name, "true", "alice");
        assertThat(db().switches().isOn(name)).isTrue();
        db().switches().set(name, "false", "bob");
        assertThat(db().switches().get(name)).contains("false");
    }

    @Test
    void ignoredPostsAreListedWithTheirDecisionLatestFirst() {
        Mention first = mention(newId(), null);
        Mention second = mention(newId(), null);
        db().mentions().insertIfNew(first);
        db().mentions().insertIfNew(second);
        db().mentions().saveDecision(Platform.X, first.id(), new Decision("bait", Decision.Action.IGNORE, null, "troll: bait"));
        db().mentions().saveDecision(Platform.X, second.id(), new Decision("spam", Decision.Action.IGNORE, null, "spam: scam link"));
        List<MentionStore.Decided> ignored = db().mentions().ignored(500).stream()
                .filter(d -> d.mention().id().equals(first.id()) || d.mention().id().equals(second.id())).toList();
        assertThat(ignored).extracting(d -> d.decision().ruleId()).containsExactlyInAnyOrder("bait", "spam");
        db().mentions().saveDecision(Platform.X, first.id(), new Decision("praise", Decision.Action.REPLY, "thanks", "kind words"));
        assertThat(db().mentions().ignored(500)).extracting(d -> d.mention().id()).doesNotContain(first.id()).contains(second.id());
    }

    @Test
    void ticketsByTokenAuthorAndThreadWithTheirConversationAndFiles() {
        String id = newId();
        Mention m = mention(id, id);
        db().mentions().insertIfNew(m);
        String token = "tok" + newId() + "AAAAAAAAAAAAAAAAAAAA";
        Ticket t = db().tickets().open(m, token, "rate" + token, "your bag", "high",
                new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.7, 0.8), List.of("negative")), T0);
        assertThat(db().tickets().findByToken(token)).map(Ticket::id).contains(t.id());
        assertThat(db().tickets().findByRatingToken("rate" + token)).map(Ticket::id).contains(t.id());
        assertThat(db().tickets().findByToken("rate" + token)).isEmpty();
        assertThat(db().tickets().openPage(t.id(), "page" + token, T0.plusSeconds(1))).isTrue();
        assertThat(db().tickets().openPage(t.id(), "other" + token, T0.plusSeconds(2))).isFalse(); // once
        assertThat(db().tickets().findByPageToken("page" + token)).map(Ticket::pageOpenedAt).contains(T0.plusSeconds(1));
        assertThat(db().tickets().findByPageToken("other" + token)).isEmpty();
        assertThat(db().tickets().openFor(Platform.X, "brand", m.author().id())).map(Ticket::id).contains(t.id());
        long msg = db().tickets().addMessage(t.id(), Ticket.Kind.CUSTOMER, "customer", "Booking ABC — где багаж? 🧳", null, Ticket.Status.OPEN,
                T0.plusSeconds(5));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        long file = db().tickets().addAttachment(t.id(), msg, "tag.png", "image/png", png, T0.plusSeconds(5));
        assertThat(db().tickets().attachmentContent(t.id(), file)).hasValueSatisfying(b -> assertThat(b).isEqualTo(png));
        assertThat(db().tickets().attachmentContent(t.id() + 1000, file)).isEmpty();
        assertThat(db().tickets().messages(t.id())).extracting(Ticket.Message::body).containsExactly(m.text(), "Booking ABC — где багаж? 🧳");

        assertThat(db().tickets().resolve(t.id(), "alice", T0.plusSeconds(60))).isTrue();
        assertThat(db().tickets().resolve(t.id(), "alice", T0.plusSeconds(61))).isFalse();
        assertThat(db().tickets().openFor(Platform.X, "brand", m.author().id())).isEmpty();
        assertThat(db().tickets().resolvedIn(Platform.X, m.conversationId(), m.author().id())).map(Ticket::id).contains(t.id());
        assertThat(db().tickets().resolvedIn(Platform.X, m.conversationId(), "someone-else")).isEmpty();
    }

    @Test
    void ratingsRateOnceUnlessReplacingAndNameTheVariantThatOpenedTheTicket() {
        Mention m = mention(newId(), null);
        db().mentions().insertIfNew(m);
        Ticket t = db().tickets().open(m, "t" + newId() + "BBBBBBBBBBBBBBBBBBBBB", "r" + newId() + "BBBBBBBBBBBBBBBBBBBBB", "your bag", "normal",
                null, T0);
        Draft reply = newDraft(m, T0.plusSeconds(600));
        db().drafts().create(reply.withWork(reply.work().withTicket(t.id())));
        db().tickets().resolve(t.id(), "alice", T0.plusSeconds(60));
        Instant rated = T0.plus(1, ChronoUnit.DAYS);
        assertThat(db().tickets().rate(t.id(), 4, "good", false, rated)).isTrue();
        assertThat(db().tickets().rate(t.id(), 1, "bad", false, rated)).isFalse();
        assertThat(db().tickets().rate(t.id(), 5, null, true, rated)).isTrue();
        assertThat(db().tickets().ratings(rated.minusSeconds(1))).filteredOn(r -> r.ticketId() == t.id())
                .containsExactly(new TicketStore.Rating(t.id(), 5, "alice", rated, "lost-bag", "problem"));
        assertThat(db().tickets().ratings(rated.plusSeconds(1))).noneMatch(r -> r.ticketId() == t.id());
        assertThat(db().tickets().opened(T0.minusSeconds(1))).filteredOn(l -> l.ticketId() == t.id())
                .containsExactly(new TicketStore.Life(t.id(), T0, T0.plusSeconds(60), Ticket.Status.RESOLVED));
    }

    // ---- the praise feed

    /** A post at {@code at}, stored; the praise tests each use their own days so filters see only their posts. */
    Mention post(Platform platform, Instant at, String text) {
        String id = newId();
        Mention m = new Mention(platform, "brand", id, new Author("u" + id, "fan" + id, "Fan " + id), text, "en", at, id, null,
                "https://x.com/fan/status/" + id, false, false);
        db().mentions().insertIfNew(m);
        return m;
    }

    @Test
    void praiseEntersOncePerPostWithTheMentionsAuthorTextAndPermalink() throws Exception {
        Instant day = Instant.parse("2030-01-01T09:00:00Z");
        Mention m = post(Platform.X, day, "Thank you @acmeair, «лучший» рейс 🙌");
        var first = db().praise().add(Platform.X, m.id(), 0.9, Praise.Source.ANALYSIS, null);
        assertThat(first).isPresent();
        assertThat(first.get().author()).isEqualTo(m.author());
        assertThat(first.get().text()).isEqualTo(m.text());
        assertThat(first.get().permalink()).isEqualTo(m.permalink());
        assertThat(first.get().postedAt()).isEqualTo(day);
        assertThat(first.get().score()).isEqualTo(0.9);
        assertThat(db().praise().add(Platform.X, m.id(), 0.1, Praise.Source.AGENT, "alice")).isEmpty();
        assertThat(db().praise().find(Platform.X, m.id()).orElseThrow().source()).isEqualTo(Praise.Source.ANALYSIS);

        Mention raced = post(Platform.X, day, "great crew");
        assertThat(winnersOfFour(() -> db().praise().add(Platform.X, raced.id(), 0.5, Praise.Source.RULE, null).isPresent())).isEqualTo(1);
    }

    @Test
    void praiseListsNewestFirstFilteredAndPagedByKey() {
        Instant day = Instant.parse("2030-02-01T00:00:00Z");
        PraiseStore.Filter window = new PraiseStore.Filter(null, day, day.plus(1, ChronoUnit.DAYS), null);
        List<String> added = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Mention m = post(i == 2 ? Platform.FACEBOOK : Platform.X, day.plusSeconds(3600L * i), "kind words " + i);
            db().praise().add(m.platform(), m.id(), i / 5.0, Praise.Source.ANALYSIS, null);
            added.add(m.id());
        }
        Mention before = post(Platform.X, day.minusSeconds(1), "the day before");
        db().praise().add(Platform.X, before.id(), 1.0, Praise.Source.ANALYSIS, null);
        List<String> newestFirst = List.of(added.get(4), added.get(3), added.get(2), added.get(1), added.get(0));
        assertThat(db().praise().list(window, null, 10)).extracting(Praise::postId).containsExactlyElementsOf(newestFirst);

        var firstPage = db().praise().list(window, null, 2);
        var secondPage = db().praise().list(window, firstPage.get(1).id(), 2);
        var lastPage = db().praise().list(window, secondPage.get(1).id(), 2);
        assertThat(firstPage).extracting(Praise::postId).containsExactly(added.get(4), added.get(3));
        assertThat(secondPage).extracting(Praise::postId).containsExactly(added.get(2), added.get(1));
        assertThat(lastPage).extracting(Praise::postId).containsExactly(added.get(0));

        assertThat(db().praise().list(new PraiseStore.Filter(Platform.FACEBOOK, day, day.plus(1, ChronoUnit.DAYS), null), null, 10))
                .extracting(Praise::postId).containsExactly(added.get(2));
        assertThat(db().praise().list(new PraiseStore.Filter(null, day, day.plus(1, ChronoUnit.DAYS), 0.6), null, 10))
                .extracting(Praise::postId).containsExactly(added.get(4), added.get(3));
        // from is inclusive, to exclusive
        assertThat(db().praise().list(new PraiseStore.Filter(null, day.plusSeconds(3600), day.plusSeconds(3 * 3600), null), null, 10))
                .extracting(Praise::postId).containsExactly(added.get(2), added.get(1));
    }

    /** Posts per minute from several threads (as from several nodes) add up; one open surge per series, ever. */
    @Test
    void surgeCountsAddUpAcrossThreadsAndOneSurgePerSeriesIsOpen() throws Exception {
        org.careloop.care.Surges surges = db().surges();
        String series = "topic:test-" + newId();
        String other = "action:test-" + newId();
        Instant minute = T0.truncatedTo(ChronoUnit.MINUTES);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> work = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                work.add(() -> {
                    surges.count(minute, List.of(series, other));
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        surges.count(minute.plusSeconds(60), List.of(series));
        surges.count(minute.minusSeconds(3600), List.of(series));
        assertThat(surges.counts(series, minute)).containsExactly(java.util.Map.entry(minute, 40), java.util.Map.entry(minute.plusSeconds(60), 1));
        assertThat(surges.counts(minute)).containsKeys(series, other);
        assertThat(surges.counts(minute).get(other)).containsExactly(java.util.Map.entry(minute, 40));
        assertThat(surges.forget(minute)).isGreaterThanOrEqualTo(1);
        assertThat(surges.counts(series, minute.minusSeconds(7200))).doesNotContainKey(minute.minusSeconds(3600)).containsKey(minute);

        Instant since = surges.countingSince(T0);
        assertThat(surges.countingSince(T0.plusSeconds(600))).as("recorded once, by the first to ask").isEqualTo(since);

        var surge = new org.careloop.care.Surges.Surge(0, series, "posts about “bag”", minute, T0, null, 1.5, 30, 40, 40, null);
        var started = surges.start(surge, "Posts about “bag”: 40 posts since 10:00 UTC").orElseThrow();
        assertThat(started.alertId()).isNotNull();
        assertThat(surges.start(surge, "again")).as("a second surge of an open series").isEmpty();
        assertThat(surges.open()).extracting(org.careloop.care.Surges.Surge::series).containsOnlyOnce(series);
        Alerts.Alert alert = db().alerts().open(200).stream().filter(a -> a.id() == started.alertId()).findFirst().orElseThrow();
        assertThat(alert.kind()).isEqualTo("surge");
        assertThat(surges.byAlert(alert.id())).get().satisfies(s -> {
            assertThat(s.about()).isEqualTo("posts about “bag”");
            assertThat(s.startedAt()).isEqualTo(minute);
            assertThat(s.usual()).isEqualTo(1.5);
            assertThat(s.open()).isTrue();
        });

        surges.progress(started.id(), 90, 50, "Posts about “bag”: 90 posts since 10:00 UTC");
        assertThat(surges.byAlert(alert.id()).orElseThrow().posts()).isEqualTo(90);
        assertThat(db().alerts().latest(200)).filteredOn(a -> a.id() == alert.id()).extracting(Alerts.Alert::message)
                .containsExactly("Posts about “bag”: 90 posts since 10:00 UTC");

        assertThat(surges.end(started.id(), T0.plusSeconds(900), 95, 50, "over")).isTrue();
        assertThat(surges.end(started.id(), T0.plusSeconds(930), 95, 50, "over again")).as("ended once").isFalse();
        assertThat(surges.open()).extracting(org.careloop.care.Surges.Surge::series).doesNotContain(series);
        assertThat(surges.byAlert(alert.id()).orElseThrow().endedAt()).isEqualTo(T0.plusSeconds(900));
        assertThat(db().alerts().latest(200)).filteredOn(a -> a.id() == alert.id()).extracting(Alerts.Alert::message).containsExactly("over");
        assertThat(surges.start(surge, "a new one")).as("the series is free again").isPresent();
    }

    @Test
    void clustersGroupPendingRepliesAndCountWhatWaits() {
        org.careloop.care.Clusters clusters = db().clusters();
        String action = "apologize-" + newId(); // a care action of its own: other tests' clusters are not this one's candidates
        Instant at = T0.plusSeconds(3600);
        Draft seed = clusterDraft(Platform.X, "flight cancelled, stuck at the gate", at);
        Draft second = clusterDraft(Platform.FACEBOOK, "my flight got cancelled", at.plusSeconds(120));
        Draft earlier = clusterDraft(Platform.X, "cancelled flight, no hotel", at.minusSeconds(60));
        long id = clusters.start(seed, action, "en");
        assertThat(clusters.find(id, at)).hasValueSatisfying(c -> assertThat(c.size()).as("one post is no cluster yet").isEqualTo(1));
        assertThat(clusters.open(at, 500)).extracting(org.careloop.care.Clusters.Summary::id).doesNotContain(id);

        assertThat(clusters.candidates(action, at.plusSeconds(300), java.time.Duration.ofHours(1), 10)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.lang()).isEqualTo("en");
            assertThat(c.seedText()).isEqualTo("flight cancelled, stuck at the gate");
        });
        assertThat(clusters.candidates(action, at.plus(java.time.Duration.ofHours(2)), java.time.Duration.ofHours(1), 10)).as("too late").isEmpty();
        assertThat(clusters.candidates(action, at.minus(java.time.Duration.ofHours(2)), java.time.Duration.ofHours(1), 10)).as("too early").isEmpty();
        assertThat(clusters.candidates("thank", at, java.time.Duration.ofHours(1), 10)).extracting(c -> c.id()).doesNotContain(id);

        clusters.join(id, second);
        clusters.join(id, earlier);
        assertThat(clusters.start(second, action, "en")).as("a draft placed again keeps its cluster").isEqualTo(id);
        assertThat(clusters.open(at, 500)).filteredOn(c -> c.id() == id).singleElement().satisfies(c -> {
            assertThat(c.size()).isEqualTo(3);
            assertThat(c.careAction()).isEqualTo(action);
            assertThat(c.platforms()).containsExactly("facebook", "x");
            assertThat(c.firstAt()).isEqualTo(at.minusSeconds(60));
            assertThat(c.lastAt()).isEqualTo(at.plusSeconds(120));
            assertThat(c.incidentId()).isNull();
        });
        assertThat(clusters.waiting(id, at, 10)).extracting(Draft::id).as("the earliest post first").containsExactly(earlier.id(), seed.id(), second.id());
        assertThat(clusters.waiting(id, at, 2)).hasSize(2);
        assertThat(clusters.waitingPerAccount(id, at)).as("what answering them costs is counted per account")
                .containsExactlyInAnyOrder(new org.careloop.care.Clusters.Waiting("x", "brand", 2), new org.careloop.care.Clusters.Waiting("facebook", "brand", 1));
        assertThat(clusters.candidates(action, at.minus(java.time.Duration.ofMinutes(50)), java.time.Duration.ofHours(1), 10))
                .as("the cluster's span widened to its earliest post").hasSize(1);

        db().drafts().approve(earlier.id(), "agent", null, at);
        db().drafts().snooze(second.id(), "agent", at.plusSeconds(900), at);
        assertThat(clusters.find(id, at)).hasValueSatisfying(c -> {
            assertThat(c.size()).as("approved and snoozed drafts no longer wait").isEqualTo(1);
            assertThat(c.platforms()).containsExactly("x");
        });
        assertThat(clusters.waitingPerAccount(id, at)).containsExactly(new org.careloop.care.Clusters.Waiting("x", "brand", 1));
        assertThat(clusters.waiting(id, at.plusSeconds(1000), 10)).as("awake again").extracting(Draft::id).containsExactly(seed.id(), second.id());
        db().drafts().reject(seed.id(), "agent", null, at);
        assertThat(clusters.find(id, at)).hasValueSatisfying(c -> assertThat(c.size()).isZero());
        assertThat(clusters.find(-1, at)).isEmpty();
    }

    Draft clusterDraft(Platform platform, String text, Instant postedAt) {
        String id = newId();
        Mention m = new Mention(platform, "brand", id, new Author("u" + id, "cust" + id, "Customer " + id), text, "en", postedAt, id, null, null,
                false, false);
        db().mentions().insertIfNew(m);
        return db().drafts().create(new Draft(0, m, null, "rule", "problem", "Sorry", DraftStatus.PENDING, postedAt, postedAt.plusSeconds(600),
                null, null, null, null));
    }

    // ---- incidents

    /** A post of a cluster, with a ticket of its own when {@code ticket}. */
    Draft incidentPost(long cluster, Instant at, boolean ticket) {
        Draft d = clusterDraft(Platform.X, "the app is down, cannot check in " + newId(), at);
        if (ticket) {
            Ticket t = db().tickets().open(d.mention(), "it" + newId() + "CCCCCCCCCCCCCCCCCCCCC", "ir" + newId() + "CCCCCCCCCCCCCCCCCCCCC",
                    "the app", "normal", null, at);
            d = db().drafts().create(new Draft(0, d.mention(), null, "ticket", "ticket", "Sorry", DraftStatus.PENDING, at, at.plusSeconds(600),
                    null, null, null, null, d.work().withTicket(t.id())));
            db().drafts().reject(db().drafts().replyTo("x", d.mention().id()).orElseThrow().id(), "test", "a second draft, for its ticket", at);
        }
        if (cluster > 0) {
            db().clusters().join(cluster, d);
        }
        return d;
    }

    @Test
    void aClusterBecomesOneIncidentOnceWithItsPostsAndOpenTickets() {
        Instant at = Instant.parse("2031-03-01T12:00:00Z");
        var incidents = db().incidents();
        Draft seed = incidentPost(0, at, true);
        long cluster = db().clusters().start(seed, "ticket", "en");
        Draft plain = incidentPost(cluster, at.plusSeconds(10), false);
        Draft resolvedBefore = incidentPost(cluster, at.plusSeconds(20), true);
        db().tickets().resolve(resolvedBefore.work().ticketId(), "alice", at.plusSeconds(30));
        Draft rejected = incidentPost(cluster, at.plusSeconds(40), false);
        db().drafts().reject(rejected.id(), "alice", "spam", at.plusSeconds(41));

        Incident i = incidents.open(cluster, "app down", "ticket", "lead", at.plusSeconds(60)).orElseThrow();
        assertThat(i.status()).isEqualTo(Incident.Status.OPEN);
        assertThat(i.reference()).isEqualTo("INC-" + i.id());
        assertThat(i.clusterId()).isEqualTo(cluster);
        assertThat(i.openedBy()).isEqualTo("lead");
        assertThat(i.openedAt()).isEqualTo(at.plusSeconds(60));
        assertThat(i.posts()).as("a rejected post is not the incident's").isEqualTo(3);
        assertThat(i.tickets()).as("only open tickets join").isEqualTo(1);
        assertThat(incidents.ticketIds(i.id())).containsExactly(seed.work().ticketId());
        assertThat(incidents.open(cluster, "again", "ticket", "other", at.plusSeconds(61))).as("a cluster is one incident").isEmpty();
        assertThat(incidents.forCluster(cluster)).map(Incident::id).contains(i.id());
        assertThat(db().clusters().find(cluster, at)).hasValueSatisfying(c -> assertThat(c.incidentId()).isEqualTo(i.id()));
        assertThat(incidents.anyOpen()).isTrue();
        assertThat(incidents.posts(i.id(), 10)).extracting(Incident.Post::postId)
                .containsExactlyInAnyOrder(seed.mention().id(), plain.mention().id(), resolvedBefore.mention().id());

        // A later post joining the cluster joins the incident, with its open ticket; one added directly, once.
        Draft later = incidentPost(cluster, at.plusSeconds(120), true);
        assertThat(incidents.ticketIds(i.id())).containsExactly(seed.work().ticketId(), later.work().ticketId());
        Draft direct = incidentPost(0, at.plusSeconds(130), false);
        assertThat(incidents.addPost(i.id(), Platform.X, direct.mention().id(), null, at.plusSeconds(130))).isTrue();
        assertThat(incidents.addPost(i.id(), Platform.X, direct.mention().id(), null, at.plusSeconds(131))).isFalse();
        assertThat(incidents.find(i.id())).hasValueSatisfying(f -> {
            assertThat(f.posts()).isEqualTo(5);
            assertThat(f.tickets()).isEqualTo(2);
        });
        assertThat(incidents.posts(i.id(), 10)).filteredOn(p -> p.postId().equals(direct.mention().id())).singleElement().satisfies(p -> {
            assertThat(p.ticketId()).isNull();
            assertThat(p.author().handle()).isEqualTo(direct.mention().author().handle());
            assertThat(p.text()).isEqualTo(direct.mention().text());
            assertThat(p.closingStatus()).isNull();
        });

        // The team's conversation, oldest first.
        incidents.addNote(i.id(), "lead", "Fix deploying — ETA 14:20 🛠", at.plusSeconds(200));
        incidents.addNote(i.id(), "bob", "Status page updated", at.plusSeconds(210));
        assertThat(incidents.notes(i.id())).extracting(Incident.Note::author, Incident.Note::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lead", "Fix deploying — ETA 14:20 🛠"),
                        org.assertj.core.groups.Tuple.tuple("bob", "Status page updated"));

        // Resolved once; each post's closing message claimed once.
        assertThat(incidents.resolve(i.id(), "lead", at.plusSeconds(300))).isTrue();
        assertThat(incidents.resolve(i.id(), "bob", at.plusSeconds(301))).isFalse();
        assertThat(incidents.find(i.id())).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(Incident.Status.RESOLVED);
            assertThat(f.resolvedBy()).isEqualTo("lead");
            assertThat(f.resolvedAt()).isEqualTo(at.plusSeconds(300));
        });
        assertThat(incidents.claimClosing(i.id(), Platform.X, plain.mention().id(), at.plusSeconds(300))).isTrue();
        assertThat(incidents.claimClosing(i.id(), Platform.X, plain.mention().id(), at.plusSeconds(301))).isFalse();
        incidents.closingDrafted(i.id(), Platform.X, plain.mention().id(), plain.id());
        assertThat(incidents.posts(i.id(), 10)).filteredOn(p -> p.postId().equals(plain.mention().id())).singleElement()
                .satisfies(p -> assertThat(p.closingStatus()).isEqualTo("pending"));
        assertThat(incidents.addPost(i.id(), Platform.X, incidentPost(0, at, false).mention().id(), null, at)).as("a resolved incident takes no post")
                .isFalse();
        assertThat(incidents.list(500)).extracting(Incident::id).contains(i.id());
        assertThat(db().audit().latest(200)).filteredOn(e -> e.subject().equals("incident:" + i.id())).extracting(AuditLog.Entry::action)
                .contains("incident.open", "incident.note", "incident.resolve");
    }

    @Test
    void openIncidentsAreListedFirst() {
        Instant at = Instant.parse("2031-04-01T12:00:00Z");
        var incidents = db().incidents();
        long first = db().clusters().start(incidentPost(0, at, false), "ticket", "en");
        long second = db().clusters().start(incidentPost(0, at, false), "ticket", "en");
        Incident resolved = incidents.open(first, "first", "ticket", "lead", at).orElseThrow();
        incidents.resolve(resolved.id(), "lead", at.plusSeconds(1));
        Incident open = incidents.open(second, "second", "ticket", "lead", at.plusSeconds(2)).orElseThrow();
        List<Long> listed = incidents.list(500).stream().map(Incident::id).toList();
        assertThat(listed.indexOf(open.id())).isLessThan(listed.indexOf(resolved.id()));
        assertThat(incidents.list(500).stream().takeWhile(x -> x.status() == Incident.Status.OPEN).count())
                .as("every open incident before every resolved one")
                .isEqualTo(incidents.list(500).stream().filter(x -> x.status() == Incident.Status.OPEN).count());
    }
}
