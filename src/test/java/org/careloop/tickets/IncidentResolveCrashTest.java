package org.careloop.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.CareAction;
import org.careloop.analysis.Sentiment;
import org.careloop.care.ClusterReplies;
import org.careloop.care.Clustering;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.care.DraftStore;
import org.careloop.care.Drafter;
import org.careloop.care.Grouping;
import org.careloop.care.UnsaidReplies;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.RuleFiles;
import org.careloop.rules.RulesInForce;
import org.careloop.store.Database;
import org.careloop.webhook.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An incident resolve cut short (the process dies while drafting or queueing the closing messages) is
 * finished later by {@link IncidentDesk#finishCutShort()}: every post gets exactly one closing message,
 * queued once, and the incident is done; a resolve still within its lease is left to its own run.
 */
class IncidentResolveCrashTest {

    static final class Crash extends RuntimeException {
        Crash() {
            super("the process died here");
        }
    }

    Database db;
    final org.careloop.care.MutableClock clock = new org.careloop.care.MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    int ids;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:incident-crash-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The desk as CareLoop wires it, over stores that may die at the given call. */
    IncidentDesk desk(DraftStore drafts, IncidentStore incidents) {
        RulesInForce rules = new RulesInForce(RuleFiles.classpath("rules"), clock);
        Drafter drafter = new Drafter(rules, Duration.ofMinutes(10), new Drafter.Voice("Acme Air", "", "within the hour"));
        TicketDesk tickets = new TicketDesk(db.tickets(), db.mentions(), drafts, drafter, new UnsaidReplies(drafts, db.recentTexts(),
                clock), rules, d -> d, new Webhook(null), "http://care.example",
                account -> false, clock);
        return new IncidentDesk(incidents, tickets, new Clustering(db.clusters(), new Grouping("Acme Air"), Duration.ofHours(6)), db.clusters(),
                drafts, db.mentions(), new ClusterReplies(drafter, drafts, clock), new Webhook(null), clock);
    }

    /** A store whose {@code method} dies on its {@code nth} call, after doing its work (the commit made, the answer lost). */
    @SuppressWarnings("unchecked")
    static <T> T dyingAt(Class<T> type, T real, String method, int nth) {
        AtomicInteger calls = new AtomicInteger();
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            Object result;
            try {
                result = m.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (m.getName().equals(method) && calls.incrementAndGet() == nth) {
                throw new Crash();
            }
            return result;
        });
    }

    /** Three customers posting about one outage, clustered, and the cluster made an incident. */
    long incident() {
        Clustering clustering = new Clustering(db.clusters(), new Grouping("Acme Air"), Duration.ofHours(6));
        List<Draft> placed = new ArrayList<>();
        for (String[] p : new String[][] {{"ann", "Ann", "the acme app is down, can't check in"}, {"bob", "Bob", "app down, check in impossible"},
                {"cat", "Cat", "is the app down? can't check in at all"}}) {
            String id = String.valueOf(++ids);
            Mention m = new Mention(Platform.X, "brand", id, new Author("u" + id, p[0], p[1]), "@acmeair " + p[2], "en", clock.instant(), id, null,
                    "https://x.com/" + p[0] + "/status/" + id, false, false);
            db.mentions().insertIfNew(m);
            Analysis a = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), null, null, null,
                    new CareAction(CareAction.Label.APOLOGIZE, true, 0.9), List.of());
            placed.add(clustering.place(db.drafts().create(new Draft(0, m, a, "outage", "apology", "So sorry " + p[1] + ", the app is failing.",
                    DraftStatus.PENDING, clock.instant(), clock.instant().plusSeconds(600), null, null, null, null))));
        }
        assertThat(placed).hasSize(3);
        long cluster = db.clusters().open(clock.instant(), 10).get(0).id();
        return desk(db.drafts(), db.incidents()).open(cluster, "app down", "lead").orElseThrow().incident().id();
    }

    /** Each post's closing message: how many there are, and that each was approved into the outbox. */
    void everyPostHasOneClosingMessageQueued(long incident) {
        List<org.careloop.tickets.Incident.Post> posts = db.incidents().posts(incident, 100);
        assertThat(posts).hasSize(3).allSatisfy(p -> {
            assertThat(p.closingDraftId()).as(p.postId()).isNotNull();
            assertThat(p.closingStatus()).as(p.postId()).isEqualTo("approved");
        });
        assertThat(posts).extracting(org.careloop.tickets.Incident.Post::closingDraftId).doesNotHaveDuplicates();
        assertThat(db.incidents().unfinished(clock.instant().plus(Duration.ofDays(1)), 10)).doesNotContain(incident);
    }

    @Test
    void aResolveThatDiedWhileQueueingIsFinishedOnce() {
        long incident = incident();
        IncidentDesk dying = desk(dyingAt(DraftStore.class, db.drafts(), "approve", 2), db.incidents());
        assertThatThrownBy(() -> dying.resolve(incident, "lead")).isInstanceOf(Crash.class);
        IncidentDesk next = desk(db.drafts(), db.incidents());
        assertThat(next.resolve(incident, "lead").orElseThrow().now()).as("a second resolve call does nothing").isFalse();
        assertThat(next.finishCutShort()).as("within its lease the first run may still be at work").isZero();
        clock.advance(IncidentDesk.RESOLVE_LEASE.plusSeconds(1));
        assertThat(next.finishCutShort()).isEqualTo(1);
        everyPostHasOneClosingMessageQueued(incident);
        assertThat(next.finishCutShort()).as("done is done").isZero();
    }

    @Test
    void aResolveThatDiedBetweenClaimingAndDraftingAClosingMessageIsFinishedOnce() {
        long incident = incident();
        IncidentDesk dying = desk(db.drafts(), dyingAt(IncidentStore.class, db.incidents(), "claimClosing", 2));
        assertThatThrownBy(() -> dying.resolve(incident, "lead")).isInstanceOf(Crash.class);
        clock.advance(IncidentDesk.RESOLVE_LEASE.plusSeconds(1));
        IncidentDesk next = desk(db.drafts(), db.incidents());
        assertThat(next.finishCutShort()).isEqualTo(1);
        everyPostHasOneClosingMessageQueued(incident);
    }
}
