package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A reply the team wrote on the platform itself withdraws the drafts waiting for its post; CareLoop's own replies do not. */
class AnsweredOnPlatformTest {

    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    Database db;
    AnsweredOnPlatform answered;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:answered-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        answered = new AnsweredOnPlatform(db.drafts(), db.mentions()::repliesTo, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    Mention customer(String id) {
        Mention m = new Mention(Platform.X, "brand", id, new Author("7", "ana", "Ana"), "@acmeair my bag is lost", "en", clock.instant(), id, null, null,
                false, false);
        db.mentions().insertIfNew(m);
        return m;
    }

    static Mention ours(String id, String inReplyTo, String text) {
        return new Mention(Platform.X, "brand", id, new Author("1", "acmeair", "Acme Air"), text, "en", Instant.parse("2026-03-02T09:05:00Z"),
                inReplyTo, inReplyTo, null, false, true);
    }

    Draft pending(Mention to) {
        return db.drafts().create(SamePosts.drafter().draft(to, SamePosts.ANGRY, SamePosts.APOLOGY, clock.instant(), List.of()));
    }

    @Test
    void theTeamsReplyOnThePlatformWithdrawsThePendingDraftWithItsWords() {
        Mention post = customer("100");
        Draft d = pending(post);
        clock.advance(Duration.ofMinutes(4));

        answered.notice(ours("101", "100", "@ana So sorry, Ana! What's the file reference on your bag?"));

        Draft after = db.drafts().find(d.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(DraftStatus.REJECTED);
        assertThat(after.decidedBy()).isEqualTo(Draft.AUTO);
        assertThat(after.error()).isEqualTo("answered on x by the team: @ana So sorry, Ana! What's the file reference on your bag?");
        assertThat(db.drafts().outcomes(Instant.EPOCH)).as("never judged by a person, so no rejection in the template reports").isEmpty();
    }

    @Test
    void ourOwnReplyReadBackOrOnItsWayOutChangesNothing() {
        Mention post = customer("200");
        Draft first = pending(post);
        db.drafts().approve(first.id(), "lead", null, clock.instant());
        Draft holding = db.drafts().create(SamePosts.drafter().draft(post, SamePosts.ANGRY, SamePosts.APOLOGY, clock.instant(), List.of()));

        String sending = db.drafts().find(first.id()).orElseThrow().text();
        // As X gives it back: the handle in front, the link shortened, the ampersand escaped.
        answered.notice(ours("201", "200", "@ana " + sending.replace("&", "&amp;").replaceAll("https?://\\S+", "https://t.co/x1")));
        assertThat(db.drafts().find(holding.id()).orElseThrow().status()).as("a reply approved and not yet out is ours").isEqualTo(DraftStatus.PENDING);

        db.outbox().published(db.outbox().outboxOf(first.id()).orElseThrow().id(), "201", clock.instant());
        answered.notice(ours("201", "200", "@ana the text CareLoop sent"));
        assertThat(db.drafts().find(holding.id()).orElseThrow().status()).as("our published reply read back").isEqualTo(DraftStatus.PENDING);

        answered.notice(ours("202", "200", "@ana and a word from Tom on the team"));
        assertThat(db.drafts().find(holding.id()).orElseThrow().status()).as("a person's reply beside ours").isEqualTo(DraftStatus.REJECTED);
        assertThat(db.drafts().find(first.id()).orElseThrow().status()).isEqualTo(DraftStatus.PUBLISHED);
    }

    @Test
    void aDraftForAPostTheTeamAnsweredBeforeItWasTriagedIsWithdrawnAtOnce() {
        Mention post = customer("400");
        db.mentions().insertIfNew(ours("401", "400", "@ana On it, Ana: check your DMs ^Tom"));
        Draft late = answered.settle(pending(post));
        assertThat(late.status()).isEqualTo(DraftStatus.REJECTED);
        assertThat(late.error()).startsWith("answered on x by the team: @ana On it, Ana");

        Mention other = customer("402");
        Draft d = pending(other);
        assertThat(answered.settle(d)).as("nobody answered this one").isSameAs(d);
    }

    @Test
    void aClosingMessageIsANewWordAndAFirstReplyDraftedBeforeTheTeamsReplyWasReadIsWithdrawn() {
        Mention post = customer("500");
        clock.advance(Duration.ofDays(3));
        Draft closing = db.drafts().create(SamePosts.drafter().closing(post, SamePosts.ANGRY, null, "closing", clock.instant(),
                clock.instant().plus(Duration.ofHours(1)), List.of(), java.util.Map.of("topic", "your bag")));
        // Drafted after the team posted its reply (at the post's time), before CareLoop read that reply.
        Draft first = pending(post);
        answered.notice(ours("501", "500", "@ana So sorry, Ana!"));
        assertThat(db.drafts().find(closing.id()).orElseThrow().status()).isEqualTo(DraftStatus.PENDING);
        assertThat(db.drafts().find(first.id()).orElseThrow().status()).isEqualTo(DraftStatus.REJECTED);
    }

    @Test
    void postsThatAnswerNothingAndCustomersPostsAreLeftAlone() {
        Mention post = customer("300");
        Draft d = pending(post);
        answered.notice(ours("301", null, "Our spring schedule is out!"));
        answered.notice(new Mention(Platform.X, "brand", "302", new Author("8", "bo", "Bo"), "@ana same here", "en", clock.instant(), "300", "300",
                null, false, false));
        assertThat(db.drafts().find(d.id()).orElseThrow().status()).isEqualTo(DraftStatus.PENDING);
    }

    Mention comment(String id, String inReplyTo, String who, boolean page, Instant at) {
        Mention m = new Mention(Platform.FACEBOOK, "page", id, page ? new Author("1", "Acme Air", "Acme Air") : new Author(who, who, who),
                page ? "Sorry, Ana: could you message us the file reference?" : "my bag is lost and still nobody has called", "en", at,
                "P", inReplyTo, null, false, page);
        db.mentions().insertIfNew(m);
        return m;
    }

    @Test
    void onFacebookThePagesReplyUnderACommentAnswersTheRepliesBeforeItThere() {
        Instant t = clock.instant();
        Mention top = comment("A", "P", "ana", false, t);
        Mention again = comment("B", "A", "ana", false, t.plusSeconds(60));
        Draft toTop = pending(top);
        Draft toAgain = pending(again);

        // Facebook files a reply to reply B under A: the Page's answer to Ana's follow-up comes back with A as its parent.
        Mention page = comment("R", "A", null, true, t.plusSeconds(300));
        Mention later = comment("C", "A", "ana", false, t.plusSeconds(600));
        Draft toLater = pending(later);
        answered.notice(page);

        assertThat(db.drafts().find(toTop.id()).orElseThrow().status()).isEqualTo(DraftStatus.REJECTED);
        assertThat(db.drafts().find(toAgain.id()).orElseThrow().status()).as("the follow-up the Page answered").isEqualTo(DraftStatus.REJECTED);
        assertThat(db.drafts().find(toLater.id()).orElseThrow().status()).as("written after the Page's reply").isEqualTo(DraftStatus.PENDING);

        // A draft for the follow-up made after the Page's reply was read is settled at once; one for the later comment is not.
        Draft redrafted = answered.settle(pending(again));
        assertThat(redrafted.status()).isEqualTo(DraftStatus.REJECTED);
        Draft forLater = pending(later);
        assertThat(answered.settle(forLater)).isSameAs(forLater);
    }

    @Test
    void onFacebookOurOwnReplyToAFollowUpReadBackUnderItsCommentChangesNothing() {
        Instant t = clock.instant();
        Mention top = comment("A2", "P", "ana", false, t);
        Mention again = comment("B2", "A2", "ana", false, t.plusSeconds(60));
        Draft toTop = pending(top);
        Draft toAgain = pending(again);
        db.drafts().approve(toAgain.id(), "lead", null, clock.instant());
        String sending = db.drafts().find(toAgain.id()).orElseThrow().text();

        answered.notice(new Mention(Platform.FACEBOOK, "page", "R2", new Author("1", "Acme Air", "Acme Air"), sending, "en", t.plusSeconds(300),
                "P", "A2", null, false, true));

        assertThat(db.drafts().find(toTop.id()).orElseThrow().status()).as("our reply to the follow-up, on its way out").isEqualTo(DraftStatus.PENDING);
        assertThat(db.drafts().find(toAgain.id()).orElseThrow().status()).isEqualTo(DraftStatus.APPROVED);
    }
}
