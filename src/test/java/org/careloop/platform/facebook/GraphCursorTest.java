package org.careloop.platform.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.junit.jupiter.api.Test;

/** The time cursor of the Graph feeds and the usage headers, offline. */
class GraphCursorTest {

    static Mention at(String id, long epochSecond) {
        return new Mention(Platform.FACEBOOK, "facebook-brand", id, new Author("1", "A", "A"), "t", null,
                Instant.ofEpochSecond(epochSecond), id, null, null, false, false);
    }

    @Test
    void itemsInTheCursorsSecondAreNewUnlessDeliveredAlready() {
        GraphCursor c = GraphCursor.parse("1700000000:b,a");
        assertThat(c.isNew(1699999999, "z")).isFalse();
        assertThat(c.isNew(1700000000, "a")).isFalse();
        assertThat(c.isNew(1700000000, "c")).isTrue();
        assertThat(c.isNew(1700000001, "a")).isTrue();
        assertThat(GraphCursor.parse(null).isNew(0, "x")).isTrue();
    }

    @Test
    void aBatchIsOldestFirstAndTheCursorMovesPastIt() {
        GraphCursor c = GraphCursor.parse("100");
        var batch = c.batch(List.of(at("y", 105), at("x", 103), at("w", 105)), "100");
        assertThat(batch.mentions()).extracting(Mention::id).containsExactly("x", "w", "y");
        assertThat(batch.nextCursor()).isEqualTo("105:w,y");
        assertThat(c.batch(List.of(), "100").nextCursor()).as("nothing new: the cursor stays").isEqualTo("100");
        assertThat(GraphCursor.parse(null).batch(List.of(), null).nextCursor()).isNull();
        assertThatThrownBy(() -> GraphCursor.parse("yesterday")).hasMessageContaining("Not a Graph API cursor");
    }

    @Test
    void usageIsTheHighestPercentageOfBothHeaders() {
        GraphUsage u = GraphUsage.parse("{\"call_count\":28,\"total_time\":25,\"total_cputime\":25}",
                "{\"104\":[{\"type\":\"pages\",\"call_count\":12,\"total_cputime\":91,\"total_time\":3,\"estimated_time_to_regain_access\":7}]}",
                Instant.EPOCH);
        assertThat(u.percent()).isEqualTo(91);
        assertThat(u.regainAccess()).isEqualTo(Duration.ofMinutes(7));
        assertThat(GraphUsage.parse("{\"call_count\":5}", null, null).percent()).isEqualTo(5);
        assertThat(GraphUsage.parse("not json", "", null)).isNull();
        assertThat(GraphUsage.parse(null, null, null)).isNull();
    }
}
