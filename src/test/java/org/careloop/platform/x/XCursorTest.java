package org.careloop.platform.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class XCursorTest {

    @Test
    void aPlainCursorReadsEverythingAfterIt() {
        XCursor c = XCursor.parse("1000");
        assertThat(c.isNew(1000)).isFalse();
        assertThat(c.isNew(1001)).isTrue();
        assertThat(c.caughtUp(null).format()).isEqualTo("1000");
        assertThat(c.caughtUp(1500L).format()).isEqualTo("1500");
    }

    @Test
    void anOpenGapReadsOnlyInsideItAndKeepsTheNewest() {
        XCursor gap = XCursor.parse("1000").gapBelow(1400, 1500L);
        assertThat(gap.format()).isEqualTo("1000:1400:1500");
        XCursor back = XCursor.parse(gap.format());
        assertThat(back).isEqualTo(gap);
        assertThat(back.isNew(1200)).isTrue();
        assertThat(back.isNew(1400)).isFalse();
        assertThat(back.isNew(1600)).as("newer than the gap: read after it closes").isFalse();
        assertThat(back.gapBelow(1200, 1399L).format()).isEqualTo("1000:1200:1500");
        assertThat(back.caughtUp(1399L).format()).as("never backwards").isEqualTo("1500");
    }

    @Test
    void aGapLeftToSearchKeepsSoWhileItIsReadAndCloses() {
        XCursor gap = XCursor.parse("1000").searchBelow(1400, 1500L);
        assertThat(gap.format()).isEqualTo("search:1000:1400:1500");
        XCursor back = XCursor.parse(gap.format());
        assertThat(back).isEqualTo(gap);
        assertThat(back.bySearch()).isTrue();
        assertThat(back.gapBelow(1200, null).format()).isEqualTo("search:1000:1200:1500");
        assertThat(back.caughtUp(1399L).format()).isEqualTo("1500");
        assertThat(XCursor.parse("1000:1400:1500").bySearch()).isFalse();
        assertThatThrownBy(() -> XCursor.parse("find:1000:1400:1500")).hasMessageContaining("find:1000");
    }

    @Test
    void snowflakesTellTheirTimeAndReachBack() {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        long id = XCursor.firstIdAt(at) + 17; // a sequence number in the low bits
        assertThat(XCursor.timeOf(id)).isEqualTo(at);
        XCursor back = XCursor.parse(Long.toString(id)).reachingBack(Duration.ofSeconds(30));
        assertThat(XCursor.timeOf(back.since())).isEqualTo(at.minusSeconds(30));
        assertThat(back.newest()).as("reading back does not move the place").isEqualTo(id);
        assertThat(XCursor.parse(null).reachingBack(Duration.ofSeconds(30)).since()).isNull();
    }

    @Test
    void aCursorReadThroughToNowMovesUpToAFloorButAnOpenGapStays() {
        assertThat(XCursor.parse("1000").atLeast(5000).format()).isEqualTo("5000");
        assertThat(XCursor.parse("9000").atLeast(5000).format()).isEqualTo("9000");
        assertThat(XCursor.parse("1000:1400:1500").atLeast(5000).format()).isEqualTo("1000:1400:1500");
        assertThat(XCursor.parse(null).atLeast(5000).format()).isNull();
    }

    @Test
    void snowflakesCompareAsNumbers() {
        XCursor c = XCursor.parse("999999999999999999");
        assertThat(c.isNew(1850000000000000102L)).isTrue();
        assertThat(c.caughtUp(1850000000000000102L).format()).isEqualTo("1850000000000000102");
    }

    @Test
    void noCursorYetAndGarbage() {
        assertThat(XCursor.parse(null).format()).isNull();
        assertThat(XCursor.parse("").isNew(1)).isTrue();
        assertThatThrownBy(() -> XCursor.parse("12:x")).hasMessageContaining("12:x");
    }
}
