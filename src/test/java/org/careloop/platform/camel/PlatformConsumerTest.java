package org.careloop.platform.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.careloop.platform.Author;
import org.careloop.platform.Connections;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The platform consumer: order, cursor only after processing, and connection health. */
class PlatformConsumerTest {

    final FakeAdapter adapter = new FakeAdapter();
    final Connections connections = new Connections();
    final MemoryCursors cursors = new MemoryCursors();
    final List<String> received = new CopyOnWriteArrayList<>();
    volatile String failOn;
    CamelContext camel;
    PlatformConsumer consumer;

    /** A huge delay: the test drives the polls itself. */
    static final String MANUAL = "platform:brand?initialDelay=3600000&delay=3600000";

    final TestClock clock = new TestClock();
    final List<String> cursorWhileProcessing = new CopyOnWriteArrayList<>();

    @BeforeEach
    void register() {
        connections.register(adapter);
    }

    PlatformConsumer watch(String uri) throws Exception {
        camel = new DefaultCamelContext();
        camel.addComponent("platform", new PlatformComponent(connections, cursors, clock));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("watch").process(e -> {
                    Mention m = e.getMessage().getBody(Mention.class);
                    String feed = e.getMessage().getHeader(PlatformConstants.FEED, String.class);
                    cursorWhileProcessing.add(cursors.get("brand", feed).orElse("none"));
                    if (m.id().equals(failOn)) {
                        throw new IllegalStateException("database down");
                    }
                    assertThat(e.getMessage().getHeader(PlatformConstants.PLATFORM)).isEqualTo("x");
                    assertThat(e.getMessage().getHeader(PlatformConstants.ACCOUNT)).isEqualTo("brand");
                    received.add(m.id() + "@" + feed);
                });
            }
        });
        camel.start();
        consumer = (PlatformConsumer) camel.getRoute("watch").getConsumer();
        return consumer;
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void deliversEachFeedInOrderAndStoresTheCursorAfterwards() throws Exception {
        watch(MANUAL);
        adapter.posts.put("mentions", List.of("1", "2", "3"));
        adapter.posts.put("search", List.of("7"));
        assertThat(consumer.poll()).isEqualTo(4);
        assertThat(received).containsExactly("1@mentions", "2@mentions", "3@mentions", "7@search");
        // Read last first, triaged first first: what a later feed answers is in the earlier feed's batch.
        assertThat(adapter.fetchOrder).containsExactly("search", "mentions");
        assertThat(cursorWhileProcessing).as("the cursor moves only after the whole batch").containsOnly("none");
        assertThat(cursors.get("brand", "mentions")).contains("3");
        assertThat(cursors.get("brand", "search")).contains("7");
        assertThat(adapter.sinceAsked).containsEntry("mentions", null);

        consumer.poll();
        assertThat(adapter.sinceAsked).containsEntry("mentions", "3");
        assertThat(received).hasSize(4);
        assertThat(connections.status("brand").orElseThrow().handle()).isEqualTo("acmeair");
        assertThat(connections.status("brand").orElseThrow().lastFetch()).isNotNull();
    }

    @Test
    void aFailedPostKeepsTheCursorSoTheBatchComesAgain() throws Exception {
        watch(MANUAL);
        adapter.posts.put("mentions", List.of("1", "2", "3"));
        failOn = "2";
        consumer.poll();
        assertThat(received).containsExactly("1@mentions");
        assertThat(cursors.get("brand", "mentions")).isEmpty();

        failOn = null;
        consumer.poll();
        assertThat(received).containsExactly("1@mentions", "1@mentions", "2@mentions", "3@mentions");
        assertThat(cursors.get("brand", "mentions")).contains("3");
    }

    @Test
    void rejectedCredentialsMarkTheAccountUnhealthyUntilTheyWorkAgain() throws Exception {
        watch(MANUAL);
        adapter.authFailing = true;
        assertThat(consumer.poll()).isZero();
        Connections.Status down = connections.status("brand").orElseThrow();
        assertThat(down.healthy()).isFalse();
        assertThat(down.lastError()).startsWith("auth:");

        adapter.authFailing = false;
        adapter.posts.put("mentions", List.of("5"));
        consumer.poll();
        assertThat(connections.status("brand").orElseThrow().healthy()).isTrue();
        assertThat(received).containsExactly("5@mentions");
    }

    @Test
    void aPlatformOutageIsToleratedForAFewPollsThenRecordedWithAnAlertAndNotFatal() throws Exception {
        List<Connections.Status> alerts = new CopyOnWriteArrayList<>();
        connections.onUnhealthy(alerts::add);
        watch(MANUAL);
        adapter.identify();
        consumer.poll();
        adapter.outage = true;
        for (int poll = 1; poll <= Connections.DEFAULT_FAILED_POLLS_TOLERATED; poll++) {
            assertThat(consumer.poll()).isZero();
            Connections.Status blip = connections.status("brand").orElseThrow();
            assertThat(blip.healthy()).as("poll %d of an outage is a blip", poll).isTrue();
            assertThat(blip.lastError()).startsWith("transient:");
        }
        consumer.poll();
        assertThat(connections.status("brand").orElseThrow().healthy()).isFalse();
        consumer.poll();
        assertThat(alerts).as("one alert when it turns, not one per poll").hasSize(1);
        assertThat(alerts.get(0).lastError()).isEqualTo("transient: 503");

        adapter.outage = false;
        adapter.posts.put("mentions", List.of("9"));
        consumer.poll();
        assertThat(received).containsExactly("9@mentions");
        assertThat(connections.status("brand").orElseThrow().healthy()).isTrue();
    }

    @Test
    void anAdapterBugIsRecordedLikeAnOutage() throws Exception {
        watch(MANUAL);
        adapter.broken = true;
        for (int poll = 0; poll <= Connections.DEFAULT_FAILED_POLLS_TOLERATED; poll++) {
            assertThat(consumer.poll()).isZero();
        }
        Connections.Status down = connections.status("brand").orElseThrow();
        assertThat(down.healthy()).isFalse();
        assertThat(down.lastError()).startsWith("transient:").contains("cannot read the answer");
        adapter.broken = false;
        adapter.posts.put("mentions", List.of("4"));
        consumer.poll();
        assertThat(received).containsExactly("4@mentions");
        assertThat(connections.status("brand").orElseThrow().healthy()).isTrue();
    }

    @Test
    void aReadThePlatformRefusesTurnsTheConnectionUnhealthyAtOnceUntilThatFeedIsReadAgain() throws Exception {
        List<Connections.Status> alerts = new CopyOnWriteArrayList<>();
        connections.onUnhealthy(alerts::add);
        watch(MANUAL);
        adapter.posts.put("mentions", List.of("1"));
        adapter.refusing = "search";
        consumer.poll();
        Connections.Status down = connections.status("brand").orElseThrow();
        assertThat(down.healthy()).isFalse();
        assertThat(down.lastError()).isEqualTo("rejected: HTTP 400 Invalid 'since_id'");
        assertThat(received).as("the other feed is still read").containsExactly("1@mentions");

        adapter.posts.put("mentions", List.of("1", "2"));
        consumer.poll();
        connections.succeeded("brand"); // a reply published meanwhile
        assertThat(connections.status("brand").orElseThrow().healthy()).as("only the refused read heals it").isFalse();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).lastError()).contains("Invalid 'since_id'");

        adapter.refusing = null;
        consumer.poll();
        Connections.Status up = connections.status("brand").orElseThrow();
        assertThat(up.healthy()).isTrue();
        assertThat(up.lastError()).isNull();
    }

    @Test
    void theFeedsOptionLimitsWhatIsPolled() throws Exception {
        watch(MANUAL + "&feeds=search");
        adapter.posts.put("mentions", List.of("1"));
        adapter.posts.put("search", List.of("7"));
        assertThat(consumer.poll()).isEqualTo(1);
        assertThat(received).containsExactly("7@search");
        assertThat(adapter.sinceAsked).doesNotContainKey("mentions");
    }

    @Test
    void withoutAScheduleItPollsEveryTenSeconds() throws Exception {
        assertThat(watch("platform:brand").getDelay()).isEqualTo(10_000);
        assertThat(consumer.getScheduler().getClass().getSimpleName()).isEqualTo("DefaultScheduledPollConsumerScheduler");
    }

    @Test
    void anUnknownFeedStopsTheRouteFromStarting() {
        assertThatThrownBy(() -> watch(MANUAL + "&feeds=mentions,dms")).hasStackTraceContaining(
                "Account brand has no feed [dms] (its feeds: [mentions, search])");
    }

    @Test
    void anUnknownAccountIsACleanError() {
        assertThatThrownBy(() -> watch("platform:nobody")).hasStackTraceContaining(
                "No connected account named 'nobody' (configured accounts: [brand])");
    }

    @Test
    void aRateLimitPausesThatFeedUntilTheResetAndTheOthersGoOn() throws Exception {
        watch(MANUAL);
        adapter.posts.put("mentions", List.of("1"));
        adapter.posts.put("search", List.of("7"));
        adapter.rateLimitedUntil = clock.instant().plusSeconds(60);
        assertThat(consumer.poll()).isEqualTo(1);
        assertThat(received).containsExactly("7@search");
        assertThat(connections.status("brand").orElseThrow().lastError()).startsWith("rate_limited:");
        assertThat(connections.status("brand").orElseThrow().healthy()).isTrue();

        clock.advance(30);
        adapter.posts.put("search", List.of("7", "8"));
        assertThat(consumer.poll()).isEqualTo(1);
        assertThat(adapter.fetches.get("mentions")).as("no call before the reset").isEqualTo(1);
        assertThat(received).containsExactly("7@search", "8@search");

        clock.advance(31);
        assertThat(consumer.poll()).isEqualTo(1);
        assertThat(received).containsExactly("7@search", "8@search", "1@mentions");
        assertThat(connections.status("brand").orElseThrow().lastError()).isNull();
    }

    @Test
    void pollsOnAQuartzSchedule() throws Exception {
        adapter.posts.put("mentions", List.of("1", "2"));
        watch("platform:brand?scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?&scheduler.triggerId=watch-brand");
        assertThat(consumer.getScheduler().getClass().getSimpleName()).isEqualTo("QuartzScheduledPollConsumerScheduler");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(received).startsWith("1@mentions", "2@mentions"));
    }

    static Mention mention(String id) {
        return new Mention(Platform.X, "brand", id, new Author("u", "cust", "Cust"), "@acmeair hi " + id, "en",
                Instant.now(), id, null, null, false, false);
    }

    static final class FakeAdapter implements PlatformAdapter {
        final Map<String, List<String>> posts = new HashMap<>();
        final Map<String, String> sinceAsked = new HashMap<>();
        volatile boolean authFailing;
        volatile boolean outage;
        volatile Instant rateLimitedUntil;
        volatile boolean broken;
        /** A feed the platform refuses to read (a 400 every poll), or null. */
        volatile String refusing;
        final Map<String, Integer> fetches = new HashMap<>();
        final List<String> fetchOrder = java.util.Collections.synchronizedList(new ArrayList<>());

        public Platform platform() {
            return Platform.X;
        }

        public String account() {
            return "brand";
        }

        public List<String> feeds() {
            return List.of("mentions", "search");
        }

        public Batch fetch(String feed, String since) throws PlatformException {
            fetches.merge(feed, 1, Integer::sum);
            fetchOrder.add(feed);
            if (broken) {
                throw new IllegalStateException("cannot read the answer");
            }
            if (rateLimitedUntil != null && feed.equals("mentions")) {
                Instant reset = rateLimitedUntil;
                rateLimitedUntil = null;
                throw new PlatformException(PlatformException.Kind.RATE_LIMITED, "429", reset, null);
            }
            if (authFailing) {
                throw new PlatformException(PlatformException.Kind.AUTH, "401 rejected", null);
            }
            if (outage) {
                throw new PlatformException(PlatformException.Kind.TRANSIENT, "503", null);
            }
            if (feed.equals(refusing)) {
                throw new PlatformException(PlatformException.Kind.REJECTED, "HTTP 400 Invalid 'since_id'", null);
            }
            sinceAsked.put(feed, since);
            List<Mention> out = new ArrayList<>();
            String next = since;
            for (String id : posts.getOrDefault(feed, List.of())) {
                if (since == null || Long.parseLong(id) > Long.parseLong(since)) {
                    out.add(mention(id));
                    next = id;
                }
            }
            return new Batch(out, next);
        }

        public Published publish(Reply reply) {
            throw new UnsupportedOperationException();
        }

        public Identity identify() throws PlatformException {
            if (authFailing) {
                throw new PlatformException(PlatformException.Kind.AUTH, "401 rejected", null);
            }
            return new Identity("1", "acmeair", "Acme Air");
        }
    }

    static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-20T10:00:00Z");

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        public Instant instant() {
            return now;
        }

        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static final class MemoryCursors implements CursorStore {
        final Map<String, String> values = new HashMap<>();

        public Optional<String> get(String account, String feed) {
            return Optional.ofNullable(values.get(account + "/" + feed));
        }

        public void put(String account, String feed, String cursor) {
            values.put(account + "/" + feed, cursor);
        }
    }
}
