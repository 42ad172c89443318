package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.CareAction;
import org.careloop.analysis.Sentiment;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Posts about the same thing grouped: by their words ({@link Grouping}), then by care action and time ({@link Clustering}). */
class GroupingTest {

    static final Instant T0 = Instant.parse("2026-12-03T14:00:00Z");
    static final AtomicInteger IDS = new AtomicInteger(100);
    final Grouping grouping = new Grouping("Acme Air");
    Database db;
    Clustering clustering;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:grouping-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        clustering = new Clustering(db.clusters(), grouping, Duration.ofHours(6));
    }

    @AfterEach
    void close() {
        db.close();
    }

    boolean together(String a, String b) {
        return grouping.together(grouping.words(a, "en"), grouping.words(b, "en"));
    }

    @Test
    void nearDuplicatesGoTogether() {
        assertThat(together("@AcmeAir flight AA 1234 to Denver cancelled, no rebooking offered. Stuck at the gate!",
                "RT flight AA 881 to Denver cancelled, no rebooking offered. stuck at the gate")).isTrue();
        assertThat(together("Your app keeps crashing when I try to check in", "Your app keeps crashing when I try to check in!!! #fail"))
                .isTrue();
    }

    @Test
    void pronounsAndAuxiliariesMakeNoTwoPostsAlike() {
        // Found by a 2,000-post crisis: 161 cancellations joined a cluster about a double charge through "my" and "I".
        assertThat(together("@acmeair my flight 201 was cancelled, I need to get home tonight", "@acmeair I was charged twice for my booking"))
                .isFalse();
        assertThat(together("@acmeair my flight 201 was cancelled, I need to get home tonight", "@acmeair flight 200 to Denver cancelled and nobody tells us anything"))
                .as("the same cancellation in other words").isTrue();
    }

    @Test
    void postsSharingTheirTopicWordsGoTogether() {
        assertThat(together("@acmeair is the app down? can't log in", "Acme Air app down again, no way to check in for my flight"))
                .as("the app down, in other words").isTrue();
        assertThat(together("My flight got cancelled and nobody at the desk helps", "Cancelled flight again. Third time this month"))
                .isTrue();
    }

    @Test
    void postsAboutOtherThingsOrSharingOneWordDoNot() {
        assertThat(together("My bag never arrived in Boston", "The app is down, can't check in")).isFalse();
        assertThat(together("flight delayed 3 hours, great", "my flight to Denver was cancelled")).as("only 'flight' shared").isFalse();
        assertThat(together("@acmeair Acme Air", "Acme Air @acmeair")).as("the brand's name says nothing").isFalse();
        assertThat(together("flight 1234 at 10:30", "flight 1234 at 10:30")).as("numbers say which trip, not what about").isFalse();
    }

    @Test
    void aClusterIsNamedByTheWordsMostOfItsPostsShare() {
        String label = grouping.label(List.of(grouping.words("Flight to Denver cancelled, stuck at the gate", "en"),
                grouping.words("Cancelled flight again!!", "en"), grouping.words("why was my flight cancelled?", "en")));
        assertThat(label).isEqualTo("flight cancelled");
        assertThat(grouping.label(List.of(grouping.words("your app is down, I can't check in for my 7am flight", "en"),
                grouping.words("app down? check in keeps failing, can't do it", "en"), grouping.words("is the app down?? can't check in at all", "en"))))
                .doesNotContain("can't").contains("app");
    }

    @Test
    void postsOfOneCareActionWithinTheWindowFormAClusterAcrossPlatforms() {
        Draft a = place(Platform.X, "Flight AA 12 to Denver cancelled, stuck at the gate", CareAction.Label.APOLOGIZE, T0);
        Draft b = place(Platform.FACEBOOK, "my flight to Denver got cancelled and I am stuck here", CareAction.Label.APOLOGIZE, T0.plusSeconds(90));
        place(Platform.X, "lost my bag in Boston, no one answers", CareAction.Label.APOLOGIZE, T0.plusSeconds(100));
        List<Clusters.Summary> open = db.clusters().open(T0.plusSeconds(120), 10);
        assertThat(open).singleElement().satisfies(c -> {
            assertThat(c.size()).isEqualTo(2);
            assertThat(c.careAction()).isEqualTo("apologize");
            assertThat(c.platforms()).containsExactly("facebook", "x");
            assertThat(c.firstAt()).isEqualTo(T0);
            assertThat(c.lastAt()).isEqualTo(T0.plusSeconds(90));
        });
        assertThat(db.clusters().waiting(open.get(0).id(), T0.plusSeconds(120), 10)).extracting(Draft::id).containsExactly(a.id(), b.id());
    }

    @Test
    void anotherCareActionOrATimeFarApartIsAnotherCluster() {
        place(Platform.X, "Flight to Denver cancelled, stuck at the gate", CareAction.Label.APOLOGIZE, T0);
        place(Platform.X, "Flight to Denver cancelled, stuck at the gate. Need a hotel voucher", CareAction.Label.ESCALATE, T0.plusSeconds(60));
        place(Platform.X, "flight to Denver cancelled, stuck at the gate", CareAction.Label.APOLOGIZE, T0.plus(Duration.ofHours(7)));
        assertThat(db.clusters().open(T0.plus(Duration.ofHours(8)), 10)).as("three clusters of one post each, none shown").isEmpty();
    }

    @Test
    void postsOnAnotherTopicOfTheRulesAreAnotherClusterWhateverWordsTheyShare() {
        clustering = new Clustering(db.clusters(), grouping, Duration.ofHours(6),
                text -> org.careloop.rules.RuleBook.load(java.nio.file.Path.of("rules")).settings().topicOf(text).map(org.careloop.rules.Topic::key));
        place(Platform.X, "@acmeair flight 200 to Denver cancelled and nobody tells us anything", CareAction.Label.TICKET, T0);
        place(Platform.X, "@acmeair flight 201 to Denver cancelled and nobody tells us anything", CareAction.Label.TICKET, T0.plusSeconds(1));
        // Found by a 2,000-post crisis: these share "flight" and "nobody", a third of their words, and joined the cancellations.
        place(Platform.X, "@acmeair no bags from flight 202 at the Boston carousel, nobody from the airline here", CareAction.Label.TICKET, T0.plusSeconds(2));
        place(Platform.X, "@acmeair no bags from flight 203 at the Boston carousel, nobody from the airline here", CareAction.Label.TICKET, T0.plusSeconds(3));
        assertThat(db.clusters().open(T0.plusSeconds(60), 10)).extracting(Clusters.Summary::size).containsExactly(2, 2);
    }

    @Test
    void onlyPendingRepliesTakePart() {
        Draft first = place(Platform.X, "The app is down, can't check in", CareAction.Label.TICKET, T0);
        db.drafts().approve(first.id(), "agent", null, T0.plusSeconds(5));
        place(Platform.X, "app down for anyone else? can't check in", CareAction.Label.TICKET, T0.plusSeconds(30));
        assertThat(db.clusters().open(T0.plusSeconds(60), 10)).as("the approved post no longer waits").isEmpty();
        Draft third = place(Platform.X, "can't check in, the app is down!", CareAction.Label.TICKET, T0.plusSeconds(40));
        assertThat(db.clusters().open(T0.plusSeconds(60), 10)).singleElement().satisfies(c -> assertThat(c.size()).isEqualTo(2));
        db.drafts().snooze(third.id(), "agent", T0.plusSeconds(3600), T0.plusSeconds(50));
        assertThat(db.clusters().open(T0.plusSeconds(60), 10)).as("a snoozed post is out of the queue").isEmpty();
    }

    Draft place(Platform platform, String text, CareAction.Label action, Instant at) {
        String id = String.valueOf(IDS.incrementAndGet());
        Mention m = new Mention(platform, "brand", id, new Author("u" + id, "cust" + id, "Customer " + id), text, "en", at, id, null, null,
                false, false);
        db.mentions().insertIfNew(m);
        Analysis a = new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.6, 0.8), null, null, null, new CareAction(action, false, 0.9),
                List.of());
        Draft d = db.drafts().create(new Draft(0, m, a, "rule", "problem", "Sorry " + id, DraftStatus.PENDING, at, at.plusSeconds(600),
                null, null, null, null));
        return clustering.place(d);
    }
}
