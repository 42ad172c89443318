package org.careloop.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.careloop.care.Draft;
import org.careloop.care.MutableClock;
import org.careloop.care.SamePosts;
import org.careloop.platform.Author;
import org.careloop.platform.Conversation;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A follow-up is decided with its thread: the customer's earlier post and the reply we published, in order. */
class ThreadsTest {

    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    Database db;
    Threads threads;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:threads-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        threads = new Threads(db.mentions(), db.drafts());
    }

    @AfterEach
    void close() {
        db.close();
    }

    Mention post(String id, String text, String conversation, String inReplyTo, Instant at) {
        Mention m = new Mention(Platform.X, "brand", id, new Author("7", "ana", "Ana"), text, "en", at, conversation, inReplyTo, null, false, false);
        db.mentions().insertIfNew(m);
        return m;
    }

    Draft reply(Mention to, String edited, Instant at) {
        Draft d = db.drafts().create(SamePosts.drafter().draft(to, SamePosts.ANGRY, SamePosts.APOLOGY, at, List.of()));
        return db.drafts().approve(d.id(), "lead", edited, at).orElseThrow();
    }

    @Test
    void theCustomersPostsAndOurPublishedRepliesOldestFirst() {
        Instant t0 = clock.instant();
        Mention first = post("100", "my bag is lost again", "100", null, t0);
        reply(first, "Sorry, Ana! Which flight was it?", t0.plus(Duration.ofMinutes(5)));
        Mention answer = post("102", "flight 2231 from Denver", "100", "101", t0.plus(Duration.ofMinutes(9)));
        Mention later = post("104", "still nothing", "100", "103", t0.plus(Duration.ofHours(3)));

        Conversation unread = threads.before(answer);
        assertThat(unread.caseOpen()).as("no analysis stored yet").isFalse();
        var a = SamePosts.ANGRY;
        db.mentions().saveAnalysis(Platform.X, "100", new org.careloop.analysis.Analysis(a.lang(), a.sentiment(), a.emotion(), a.troll(), a.intent(),
                new org.careloop.analysis.CareAction(org.careloop.analysis.CareAction.Label.TICKET, false, 0.9), a.reasons()));
        Conversation c = threads.before(answer);
        assertThat(c.turns().get(0).care()).isEqualTo("ticket");
        assertThat(c.caseOpen()).as("the first post's stored analysis makes it a case").isTrue();
        assertThat(c.turns()).extracting(Conversation.Turn::brand, Conversation.Turn::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(false, "my bag is lost again"),
                org.assertj.core.groups.Tuple.tuple(true, "Sorry, Ana! Which flight was it?"));
        assertThat(c.lastBrandReply()).contains("Sorry, Ana! Which flight was it?");
        assertThat(threads.before(later).customerSaid()).as("nothing after the post, and never the post itself")
                .containsExactly("my bag is lost again", "flight 2231 from Denver");
        assertThat(threads.before(first).turns()).as("a post that starts its thread").isEmpty();
    }

    @Test
    void theTeamsRepliesOnThePlatformAreOursAndAPublishedReplyReadBackCountsOnce() {
        Instant t0 = clock.instant();
        Mention first = post("300", "my bag is lost again", "300", null, t0);
        // Written by an agent on X itself: read back by the account's own feed.
        Mention byHand = new Mention(Platform.X, "brand", "301", new Author("1", "acmeair", "Acme Air"), "@ana So sorry! What's the file reference?",
                "en", t0.plus(Duration.ofMinutes(3)), "300", "300", null, false, true);
        db.mentions().insertIfNew(byHand);
        Mention answer = post("302", "LHR12345", "300", "301", t0.plus(Duration.ofMinutes(6)));
        Draft d = reply(answer, "Thanks, Ana, we've added it to your case.", t0.plus(Duration.ofMinutes(8)));
        db.outbox().published(db.outbox().outboxOf(d.id()).orElseThrow().id(), "303", t0.plus(Duration.ofMinutes(9)));
        Mention later = post("304", "any news?", "300", "303", t0.plus(Duration.ofHours(2)));

        Conversation before = threads.before(answer);
        assertThat(before.brandReplied()).as("the team's reply on X counts as ours").isTrue();
        assertThat(before.lastBrandReply()).contains("@ana So sorry! What's the file reference?");
        assertThat(before.customerSaid()).containsExactly("my bag is lost again");
        assertThat(threads.before(later).turns()).extracting(Conversation.Turn::brand).containsExactly(false, true, false, true);

        // The published reply read back by the feed: the same post, once.
        db.mentions().insertIfNew(new Mention(Platform.X, "brand", "303", new Author("1", "acmeair", "Acme Air"),
                "@ana Thanks, Ana, we've added it to your case.", "en", t0.plus(Duration.ofMinutes(9)), "300", "302", null, false, true));
        assertThat(threads.before(later).turns()).extracting(Conversation.Turn::text).containsExactly("my bag is lost again",
                "@ana So sorry! What's the file reference?", "LHR12345", "@ana Thanks, Ana, we've added it to your case.");
    }

    @Test
    void theBrandsOwnPostThatStartsTheThreadIsNoReplyOfOurs() {
        Instant t0 = clock.instant();
        db.mentions().insertIfNew(new Mention(Platform.X, "brand", "400", new Author("1", "acmeair", "Acme Air"), "Fares to Lisbon from $99!",
                "en", t0, "400", null, null, false, true));
        Mention jab = post("401", "these fares are a joke", "400", "400", t0.plus(Duration.ofMinutes(3)));
        assertThat(threads.before(jab).brandReplied()).as("a promotion is not an answer to anyone").isFalse();
        assertThat(threads.before(jab).turns()).isEmpty();
    }

    @Test
    void aRejectedDraftWasNeverSaid() {
        Instant t0 = clock.instant();
        Mention first = post("200", "my bag is lost again", "200", null, t0);
        Draft d = db.drafts().create(SamePosts.drafter().draft(first, SamePosts.ANGRY, SamePosts.APOLOGY, t0, List.of()));
        db.drafts().reject(d.id(), "lead", "wrong tone", t0.plus(Duration.ofMinutes(2)));
        Mention next = post("202", "hello??", "200", "200", t0.plus(Duration.ofMinutes(30)));
        assertThat(threads.before(next).brandReplied()).isFalse();
        assertThat(threads.before(next).customerSaid()).containsExactly("my bag is lost again");
    }

    /** X gives times to the second: an answer posted within the second of the team's reply is still read with it. */
    @Test
    void theTeamsReplyInTheSameSecondAsTheAnswerIsBeforeIt() {
        Instant t0 = clock.instant();
        post("500", "my bag never came off flight AA90", "500", null, t0);
        Instant same = t0.plus(Duration.ofMinutes(2));
        db.mentions().insertIfNew(new Mention(Platform.X, "brand", "501", new Author("1", "acmeair", "Acme Air"), "@ana So sorry! What's the file reference?",
                "en", same, "500", "500", null, false, true));
        Mention answer = post("502", "JFKAA12345", "500", "501", same);
        Mention alongside = post("503", "and a second thing", "500", "500", same);

        assertThat(threads.before(answer).lastBrandReply()).contains("@ana So sorry! What's the file reference?");
        assertThat(threads.before(alongside).customerSaid()).as("a lower id in the same second came first")
                .containsExactly("my bag never came off flight AA90", "JFKAA12345");
        assertThat(threads.before(answer).customerSaid()).as("a higher id in the same second came after").containsExactly("my bag never came off flight AA90");
    }
}
