package org.careloop.platform.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformAdapter.Reply;
import org.careloop.platform.PlatformException;
import org.careloop.simulator.GraphWorld;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Instagram connector through RestFB, with its Page's token, against the simulator's Graph API. */
class InstagramAdapterTest {

    Simulator sim;
    InstagramAdapter ig;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1));
        ig = adapter(2);
    }

    /** The brand's Instagram account through the simulator, reading {@code pageSize} items a page. */
    InstagramAdapter adapter(int pageSize) {
        GraphSettings settings = new GraphSettings(sim.baseUrl() + "/", "v23.0", null, Duration.ofSeconds(5), pageSize, 10, 25, 80,
                Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofDays(1));
        FacebookAdapter page = new FacebookAdapter(new FacebookAccount("brand", null, () -> "sim-page-acmeair", "env"), settings);
        return new InstagramAdapter(new InstagramAccount("brand", "brand", null), page, settings);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    String comment(String name, String on, String text, String edge) {
        return new SimCustomer(sim.baseUrl(), name).publish(on + "/" + edge, text);
    }

    @Test
    void findsTheAccountLinkedToThePage() throws Exception {
        PlatformAdapter.Identity me = ig.identify();
        assertThat(me.id()).isEqualTo(sim.graph().instagram().id());
        assertThat(me.handle()).isEqualTo("acmeair");
    }

    @Test
    void readsCommentsAndRepliesOnTheMediaThroughSeveralPagesAndResumes() throws Exception {
        String media = sim.graph().media("Sunrise over the Atlantic").id();
        String q = comment("priya_flies", media, "can I bring my cat?", "comments");
        String r = comment("jana_k", q, "asking the same", "replies");
        for (int i = 0; i < 4; i++) {
            comment("fan" + i, media, "love it " + i, "comments");
        }
        PlatformAdapter.Batch first = ig.fetch(InstagramAdapter.COMMENTS, null);
        List<Mention> found = first.mentions();
        assertThat(found).hasSize(6); // page size 2: three pages of top-level comments, the reply inline
        Mention question = found.get(0);
        assertThat(question.platform()).isEqualTo(Platform.INSTAGRAM);
        assertThat(question.id()).isEqualTo(q);
        assertThat(question.author().handle()).isEqualTo("priya_flies");
        assertThat(question.conversationId()).isEqualTo(media);
        assertThat(question.inReplyToId()).isEqualTo(media);
        assertThat(question.permalink()).endsWith("/instagram#o" + media);
        assertThat(found.get(1).id()).isEqualTo(r);
        assertThat(found.get(1).inReplyToId()).isEqualTo(q);

        String later = comment("lena_b", media, "gorgeous", "comments");
        assertThat(ig.fetch(InstagramAdapter.COMMENTS, first.nextCursor()).mentions()).extracting(Mention::id).containsExactly(later);
    }

    @Test
    void aBusyThreadsRepliesAreReadPastTheFirstInlinePage() throws Exception {
        String media = sim.graph().media("Flight delayed again?").id();
        String q = comment("omar_travels", media, "is AA77 delayed?", "comments");
        for (int i = 0; i < 30; i++) {
            comment("rider" + i, q, "me too, stuck at the gate " + i, "replies");
        }
        // Pages of 25 as configured by default (this class's adapter reads 2 at a time).
        List<Mention> found = adapter(25).fetch(InstagramAdapter.COMMENTS, null).mentions();
        // The Graph API gives 25 replies inline, then a next link; all 30 are read.
        assertThat(found).hasSize(31);
        assertThat(found).filteredOn(m -> q.equals(m.inReplyToId())).hasSize(30);
    }

    @Test
    void repliesOnTheTopLevelCommentOnceAndHidesWithHide() throws Exception {
        String media = sim.graph().media("New lounge in Lisbon").id();
        String q = comment("priya_flies", media, "is it open to economy?", "comments");
        String r = comment("jana_k", q, "and for kids?", "replies");
        PlatformAdapter.Published p = ig.publish(new Reply("1", r, "Hi Jana! Yes, kids are welcome."));
        GraphWorld.Item reply = sim.graph().item(p.id()).orElseThrow();
        assertThat(reply.parentId()).as("Instagram threads are two levels deep").isEqualTo(q);
        assertThat(reply.authorId()).isEqualTo(sim.graph().instagram().id());
        assertThat(p.permalink()).endsWith("/instagram#o" + media);
        assertThat(ig.findReply(new Reply("1", r, "Hi Jana! Yes, kids are welcome."))).map(PlatformAdapter.Published::id).contains(p.id());
        assertThat(ig.findReply(new Reply("2", r, "something else"))).isEmpty();

        String spam = comment("cryptoking_x", media, "FREE tokens bit.ly/xx", "comments");
        ig.hide(spam, true);
        assertThat(sim.graph().item(spam).orElseThrow().hidden()).isTrue();
        ig.hide(spam, false);
        assertThat(sim.graph().item(spam).orElseThrow().hidden()).isFalse();
        assertThatThrownBy(() -> ig.hide(media, true)).isInstanceOf(PlatformException.class).hasMessageContaining("does not exist");
    }
}
