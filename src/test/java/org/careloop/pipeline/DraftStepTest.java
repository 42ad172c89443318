package org.careloop.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.analysis.Analysis;
import org.careloop.care.Draft;
import org.careloop.care.DraftSettler;
import org.careloop.care.Drafter;
import org.careloop.care.MutableClock;
import org.careloop.care.SamePosts;
import org.careloop.care.UnattendedGate;
import org.careloop.care.UnsaidReplies;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes drafting on one account through one database (two pools on one H2): a text one of them
 * is drafting is not the other's too, which drafts another phrasing.
 */
class DraftStepTest {

    static final AtomicInteger IDS = new AtomicInteger();
    static final Analysis ANGRY = SamePosts.ANGRY;
    static final Decision APOLOGY = SamePosts.APOLOGY;

    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    Drafter drafter = SamePosts.drafter();
    Database here;
    Database there;

    @BeforeEach
    void open() {
        String url = "jdbc:h2:mem:draft-step-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        here = Database.open(url, "sa", "");
        there = Database.open(url, "sa", "");
    }

    @AfterEach
    void close() {
        here.close();
        there.close();
    }

    DraftStep node(Database db) {
        UnattendedGate attended = new UnattendedGate(new UnattendedGate.Policy(Map.of("brand", false), false, 0.6, 0.4, 2, 3, false), () -> false,
                () -> SamePosts.RULES, db.drafts(), clock);
        return new DraftStep(drafter, db.drafts(), new UnsaidReplies(db.drafts(),
                db.recentTexts(), clock), new DraftSettler(db.drafts(), attended, clock), null, db.alerts(), clock);
    }

    /** Customers of one name, so their replies can be word for word the same. */
    Triage post() {
        String id = String.valueOf(5000 + IDS.incrementAndGet());
        Mention m = new Mention(Platform.X, "brand", id, new Author("a" + id, "sam" + id, "Sam"), "my bag is lost again", "en", clock.instant(),
                id, null, null, false, false);
        here.mentions().insertIfNew(m);
        return new Triage(m, ANGRY, APOLOGY);
    }

    @Test
    void aTextTheOtherNodeIsDraftingIsSaidOtherwise() {
        Triage t = post();
        String first = drafter.draft(t.mention(), ANGRY, APOLOGY, clock.instant(), List.of()).text();
        assertThat(there.recentTexts().take("x", "brand", first, clock.instant())).as("the other node drafts it, not yet stored").isTrue();

        Draft drafted = node(here).draft(t);
        assertThat(drafted.text()).isNotNull().isNotEqualTo(first);
        assertThat(there.recentTexts().take("x", "brand", drafted.text(), clock.instant())).as("this node took its own text").isFalse();
    }

    @Test
    void twoNodesDraftingAtOnceNeverDraftOneTextTwice() throws Exception {
        List<DraftStep> nodes = List.of(node(here), node(there));
        List<Triage> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            posts.add(post());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> drafting = new ArrayList<>();
            for (int i = 0; i < posts.size(); i++) {
                DraftStep node = nodes.get(i % 2);
                Triage t = posts.get(i);
                drafting.add(() -> node.draft(t).text());
            }
            List<String> texts = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(drafting)) {
                texts.add(f.get());
            }
            assertThat(texts).doesNotContainNull().doesNotHaveDuplicates();
        } finally {
            pool.shutdown();
        }
    }
}
