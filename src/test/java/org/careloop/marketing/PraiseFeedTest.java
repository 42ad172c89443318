package org.careloop.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Emotion;
import org.careloop.analysis.Intent;
import org.careloop.analysis.Sentiment;
import org.careloop.analysis.Troll;
import org.careloop.pipeline.Triage;
import org.careloop.webhook.Webhook;
import org.careloop.config.Json;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which posts enter the praise feed, once each, and the webhook's announcement of each new item. */
class PraiseFeedTest {

    static final AtomicInteger IDS = new AtomicInteger(100);
    static Database db;
    static HttpServer receiver;
    static final List<JsonNode> announced = new CopyOnWriteArrayList<>();
    static PraiseFeed feed;

    @BeforeAll
    static void start() throws Exception {
        db = Database.open("jdbc:h2:mem:praisefeed;DB_CLOSE_DELAY=-1", "sa", "");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/praise", ex -> {
            announced.add(Json.mapper().readTree(ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/praise");
        feed = new PraiseFeed(db.praise(), new Webhook(url, "k", 3, Duration.ofMillis(10), Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        db.close();
    }

    static Mention post(String text) {
        String id = String.valueOf(IDS.incrementAndGet());
        Mention m = new Mention(Platform.X, "brand", id, new Author("a" + id, "fan" + id, "Fan " + id), text, "en",
                Instant.parse("2026-11-05T10:00:00Z"), id, null, "https://x.com/fan" + id + "/status/" + id, false, false);
        db.mentions().insertIfNew(m);
        return m;
    }

    static Analysis analysis(Intent.Label intent, boolean troll, double sentiment) {
        return new Analysis("en", new Sentiment(sentiment > 0 ? Sentiment.Label.POSITIVE : Sentiment.Label.NEGATIVE, sentiment, 0.8),
                Emotion.NONE, troll ? new Troll(true, 0.9, false, List.of("bait")) : Troll.NONE, new Intent(intent, 0.8), List.of());
    }

    static Decision decision(Decision.Action action, boolean marketing) {
        return new Decision("r", action, action == Decision.Action.IGNORE ? List.of() : List.of("thanks"), "why", Decision.Priority.NORMAL,
                false, marketing, true, null);
    }

    static boolean entered(Analysis a, Decision d) {
        Mention m = post("some post");
        feed.collect(new Triage(m, a, d));
        return db.praise().find(Platform.X, m.id()).isPresent();
    }

    @Test
    void praiseEntersUnlessTrollOrIgnoredByTheRules() {
        assertThat(entered(analysis(Intent.Label.PRAISE, false, 0.9), decision(Decision.Action.REPLY, false))).isTrue();
        assertThat(entered(analysis(Intent.Label.PRAISE, true, 0.9), decision(Decision.Action.REPLY, false))).isFalse();
        assertThat(entered(analysis(Intent.Label.PRAISE, false, 0.9), decision(Decision.Action.IGNORE, false))).isFalse();
        assertThat(entered(analysis(Intent.Label.SPAM, false, 0.9), decision(Decision.Action.IGNORE, false))).isFalse();
        assertThat(entered(analysis(Intent.Label.QUESTION, false, 0.4), decision(Decision.Action.REPLY, false))).isFalse();
        assertThat(entered(analysis(Intent.Label.COMPLAINT, false, -0.6), decision(Decision.Action.REPLY, false))).isFalse();
    }

    @Test
    void aRuleSayingMarketingAddsWhateverTheIntent() {
        Mention m = post("@acmeair the new lounge in Lisbon is something else");
        feed.collect(new Triage(m, analysis(Intent.Label.OTHER, false, 0.3), decision(Decision.Action.REPLY, true)));
        Praise p = db.praise().find(Platform.X, m.id()).orElseThrow();
        assertThat(p.source()).isEqualTo(Praise.Source.RULE);
        assertThat(p.score()).isEqualTo(0.3);
    }

    @Test
    void eachPostEntersOnceAndIsAnnouncedOnce() throws Exception {
        Mention kind = post("@acmeair best crew ever, thank you!");
        Mention other = post("@acmeair smooth flight, lovely staff");
        Triage t = new Triage(kind, analysis(Intent.Label.PRAISE, false, 0.95), decision(Decision.Action.REPLY, true));
        feed.collect(t);
        feed.collect(t);
        var shared = feed.share(kind, t.analysis(), "alice");
        assertThat(shared.added()).isFalse();
        assertThat(shared.item().source()).isEqualTo(Praise.Source.RULE);
        var byHand = feed.share(other, null, "alice");
        assertThat(byHand.added()).isTrue();
        assertThat(byHand.item().source()).isEqualTo(Praise.Source.AGENT);
        assertThat(byHand.item().addedBy()).isEqualTo("alice");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> announced.stream().filter(n -> List.of(kind.id(), other.id()).contains(n.at("/data/postId").asText())).count() >= 2);
        List<JsonNode> ours = announced.stream().filter(n -> List.of(kind.id(), other.id()).contains(n.at("/data/postId").asText())).toList();
        assertThat(ours).extracting(n -> n.at("/data/postId").asText()).containsExactlyInAnyOrder(kind.id(), other.id());
        JsonNode item = ours.stream().filter(n -> n.at("/data/postId").asText().equals(kind.id())).findFirst().orElseThrow();
        assertThat(item.get("event").asText()).isEqualTo("praise.added");
        assertThat(item.at("/data/author/handle").asText()).isEqualTo(kind.author().handle());
        assertThat(item.at("/data/text").asText()).isEqualTo(kind.text());
        assertThat(item.at("/data/permalink").asText()).isEqualTo(kind.permalink());
        assertThat(item.at("/data/score").asDouble()).isEqualTo(0.95);
        assertThat(item.at("/data/platform").asText()).isEqualTo("x");
        assertThat(item.at("/data/postedAt").asText()).isEqualTo("2026-11-05T10:00:00Z");
    }
}
