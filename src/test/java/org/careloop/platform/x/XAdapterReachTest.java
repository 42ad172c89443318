package org.careloop.platform.x;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.careloop.platform.Mention;
import org.careloop.platform.PlatformAdapter;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.careloop.simulator.XWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The X connector where X's reach ends, against the simulator: a search cursor older than recent
 * search's 7 days, posts search indexes late, and more mentions between two polls than the mentions
 * timeline's 800. Nothing X still serves is lost.
 */
class XAdapterReachTest {

    Simulator sim;
    XWorld world;
    XWorld.User ben;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1));
        world = sim.world();
        ben = world.userOrCreate("ben", "Ben");
        log.start();
        ((Logger) LoggerFactory.getLogger(XAdapter.class)).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(XAdapter.class)).detachAppender(log);
        sim.stop();
    }

    XAdapter adapter(String query) {
        return new XAdapter(new XAccount("brand", sim.baseUrl() + "/", "sim-consumer-key", "sim-consumer-secret",
                "sim-acmeair-token", "sim-acmeair-secret", query, 100));
    }

    String post(String text) {
        return world.publish(ben.id(), text, null, null, null, null).id();
    }

    String postAt(Duration ago, String text) {
        return world.publishAt(Instant.now().minus(ago), ben.id(), text).id();
    }

    static List<String> ids(PlatformAdapter.Batch batch) {
        return batch.mentions().stream().map(Mention::id).toList();
    }

    List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aSearchCursorOlderThanSevenDaysIsReadFromXsReachWithNoPostWithinItLost() throws Exception {
        XAdapter x = adapter("\"acme air\"");
        String lastRead = postAt(Duration.ofDays(9), "Acme Air, see you next week");
        String outOfReach = postAt(Duration.ofDays(8), "Acme Air, anyone there?");
        String sixDays = postAt(Duration.ofDays(6), "Acme Air lost my bag");
        String hourAgo = postAt(Duration.ofHours(1), "Acme Air still has my bag");
        String now = post("Acme Air, hello?");

        PlatformAdapter.Batch batch = x.fetch("search", lastRead);
        assertThat(ids(batch)).containsExactly(sixDays, hourAgo, now).doesNotContain(outOfReach);
        assertThat(batch.nextCursor()).isEqualTo(now);
        assertThat(warnings()).singleElement().asString()
                .contains("X refused the search cursor", lastRead, "older than the 7 days recent search reaches");

        String next = post("Acme Air answered, thanks");
        PlatformAdapter.Batch after = x.fetch("search", batch.nextCursor());
        assertThat(ids(after)).as("back on a since_id: X accepts it").endsWith(next);
        assertThat(warnings()).hasSize(1);
    }

    @Test
    void aQuietWeekLeavesTheSearchCursorWithinReach() throws Exception {
        XAdapter x = adapter("\"acme air\"");
        String lastRead = postAt(Duration.ofDays(6).plusHours(23), "Acme Air, last week");

        PlatformAdapter.Batch quiet = x.fetch("search", lastRead);
        assertThat(ids(quiet)).as("only the post read before, again (the overlap)").containsExactly(lastRead);
        assertThat(XCursor.timeOf(Long.parseLong(quiet.nextCursor()))).isAfter(Instant.now().minus(Duration.ofDays(2)));

        // Days later, still within X's reach: read with a since_id, no fall-back.
        String monday = post("Acme Air on Monday");
        assertThat(ids(x.fetch("search", quiet.nextCursor()))).containsExactly(monday);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aPostSearchShowsAfterNewerOnesIsCaughtByReadingALittleBack() throws Exception {
        XAdapter x = adapter("\"acme air\"");
        String first = post("Acme Air one");
        PlatformAdapter.Batch one = x.fetch("search", null);
        assertThat(ids(one)).containsExactly(first);

        String late = post("Acme Air two, indexed late");
        world.holdFromSearch(late);
        String third = post("Acme Air three");
        PlatformAdapter.Batch two = x.fetch("search", one.nextCursor());
        assertThat(ids(two)).contains(third).doesNotContain(late);
        assertThat(two.nextCursor()).isEqualTo(third);

        world.indexForSearch(late);
        PlatformAdapter.Batch three = x.fetch("search", two.nextCursor());
        // Read again from 30 s before the cursor: the late post, and posts delivered before (the store drops those).
        assertThat(ids(three)).contains(late);
        assertThat(three.nextCursor()).isEqualTo(third);
    }

    @Test
    void aThousandMentionsBetweenTwoPollsAreAllRead() throws Exception {
        XAdapter x = adapter(null);
        String before = post("@acmeair hello");
        PlatformAdapter.Batch first = x.fetch("mentions", null);
        assertThat(ids(first)).containsExactly(before);

        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            burst.add(post("@acmeair question " + i));
        }
        Set<String> read = new LinkedHashSet<>();
        String cursor = first.nextCursor();
        PlatformAdapter.Batch capped = x.fetch("mentions", cursor);
        assertThat(capped.mentions()).as("the timeline's 800 newest").hasSize(800);
        assertThat(capped.nextCursor()).startsWith("search:" + before + ":");
        read.addAll(ids(capped));
        cursor = capped.nextCursor();
        for (int poll = 0; poll < 5 && cursor.startsWith("search:"); poll++) {
            PlatformAdapter.Batch b = x.fetch("mentions", cursor);
            read.addAll(ids(b));
            cursor = b.nextCursor();
        }

        assertThat(read).containsExactlyInAnyOrderElementsOf(burst);
        assertThat(cursor).isEqualTo(burst.get(999));
        String after = post("@acmeair and one more");
        assertThat(ids(x.fetch("mentions", cursor))).containsExactly(after);
    }

    @Test
    void mentionsBeyondTheTimelinesReachAndSevenDaysOldCursorAreReadFromXsSearchReach() throws Exception {
        XAdapter x = adapter(null);
        String lastRead = world.publishAt(Instant.now().minus(Duration.ofDays(9)), ben.id(), "@acmeair see you").id();
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            burst.add(post("@acmeair question " + i));
        }
        PlatformAdapter.Batch capped = x.fetch("mentions", lastRead);
        Set<String> read = new LinkedHashSet<>(ids(capped));
        assertThat(capped.nextCursor()).isEqualTo("search:" + lastRead + ":" + burst.get(100) + ":" + burst.get(899));
        PlatformAdapter.Batch rest = x.fetch("mentions", capped.nextCursor());
        read.addAll(ids(rest));

        assertThat(read).containsExactlyInAnyOrderElementsOf(burst);
        assertThat(rest.nextCursor()).isEqualTo(burst.get(899));
        assertThat(warnings()).singleElement().asString().contains("X refused the mentions cursor");
    }
}
