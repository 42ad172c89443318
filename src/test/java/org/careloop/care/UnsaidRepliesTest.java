package org.careloop.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.careloop.analysis.Analysis;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holding replies and closing messages, like first replies, never repeat what the account said in a day. */
class UnsaidRepliesTest {

    static final Analysis ANGRY = SamePosts.ANGRY;
    static final Decision APOLOGY = SamePosts.APOLOGY;

    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    Drafter drafter = SamePosts.drafter();
    Database db;
    UnsaidReplies unsaid;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:unsaid-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        unsaid = new UnsaidReplies(db.drafts(), db.recentTexts(), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A customer called Sam: two of them can get word for word the same reply. */
    Draft pending(String id) {
        Mention m = new Mention(Platform.X, "brand", id, new Author("a" + id, "sam" + id, "Sam"), "my bag is lost again", "en", clock.instant(),
                id, null, null, false, false);
        db.mentions().insertIfNew(m);
        return db.drafts().create(unsaid.draft(m, said -> drafter.draft(m, ANGRY, APOLOGY, clock.instant(), said)));
    }

    Draft holding(Draft d) {
        return db.drafts().create(unsaid.draft(d.mention(), said -> drafter.holding(d, "sla-holding", clock.instant(), "holding", said)));
    }

    @Test
    void holdingRepliesToTwoCustomersOfOneNameDiffer() {
        Draft first = pending("7001");
        Draft second = pending("7002");
        clock.advance(Duration.ofMinutes(6));
        String one = holding(first).text();
        String two = holding(second).text();
        assertThat(one).isNotBlank();
        assertThat(two).isNotBlank().isNotEqualTo(one);
    }

    @Test
    void aTextAnotherNodeIsDraftingIsSaidOtherwise() {
        Draft d = pending("7003");
        String usual = drafter.holding(d, "sla-holding", clock.instant(), "holding", unsaid.said(d.mention())).text();
        assertThat(db.recentTexts().take("x", "brand", usual, clock.instant())).as("another node's holding reply, not yet stored").isTrue();
        assertThat(holding(d).text()).isNotBlank().isNotEqualTo(usual);
    }

    @Test
    void aDrafterWithNoOtherWordsKeepsThem() {
        Draft d = pending("7004");
        Draft only = drafter.holding(d, "sla-holding", clock.instant(), "holding", List.of(""));
        db.recentTexts().take("x", "brand", only.text(), clock.instant());
        assertThat(unsaid.draft(d.mention(), said -> only).text()).isEqualTo(only.text());
    }

    @Test
    void whatTheAccountSaidCountsForADay() {
        Draft d = pending("7005");
        Mention other = new Mention(Platform.X, "brand", "7006", new Author("b7006", "kim", "Kim"), "where is my bag", "en", clock.instant(),
                "7006", null, null, false, false);
        assertThat(unsaid.said(other).among(List.of(d.text(), d.text() + " Thanks!"))).as("said to another customer today")
                .containsExactly(d.text());
        assertThat(unsaid.said(other).last()).isEmpty();
        clock.advance(RecentTexts.DAY.plusMinutes(1));
        assertThat(unsaid.said(other).among(List.of(d.text()))).isEmpty();
        Said toThem = unsaid.said(d.mention());
        assertThat(toThem.among(List.of(d.text()))).as("this customer's own latest replies, whenever they were").containsExactly(d.text());
        assertThat(toThem.last()).isEqualTo(d.text());
    }
}
