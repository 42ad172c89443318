package org.careloop.platform.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.careloop.config.Json;
import org.careloop.platform.Mention;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.careloop.simulator.XWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The X connector through the real twitter4j client, over HTTP, against the simulator. */
class XAdapterTest {

    Simulator sim;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", null, 1));
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    XAdapter adapter(String accessToken, String query, int pageSize) {
        return new XAdapter(new XAccount("brand", sim.baseUrl() + "/", "sim-consumer-key", "sim-consumer-secret",
                accessToken, "sim-acmeair-secret", query, pageSize));
    }

    String post(String handle, String text, String replyTo) throws Exception {
        var body = Json.mapper().createObjectNode().put("text", text);
        if (replyTo != null) {
            body.putObject("reply").put("in_reply_to_tweet_id", replyTo);
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/2/tweets"))
                .header("Authorization", "Bearer sim:" + handle).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        return Json.mapper().readTree(r.body()).at("/data/id").asText();
    }

    @Test
    void identifiesTheAccountWithOAuth1() throws Exception {
        PlatformAdapter.Identity me = adapter("sim-acmeair-token", null, 100).identify();
        assertThat(me.handle()).isEqualTo("acmeair");
        assertThat(me.name()).isEqualTo("Acme Air");
        assertThat(me.id()).isEqualTo(sim.world().brand().id());
    }

    @Test
    void readsMentionsNormalisedOldestFirstAndFlagsRetweetsAndTheBrand() throws Exception {
        XAdapter x = adapter("sim-acmeair-token", null, 100);
        String first = post("jana_k", "@acmeair my bag is lost", null);
        String brandReply = sim.world().publish(sim.world().brand().id(), "@jana_k so sorry, we're on it", first, null, null, "en").id();
        String followUp = post("jana_k", "@acmeair thanks, still nothing though", brandReply);
        XWorld.User fan = sim.world().userOrCreate("fan", "Fan");
        String retweet = sim.world().publish(fan.id(), null, null, first, null, null).id();
        post("someone", "unrelated post", null);

        PlatformAdapter.Batch batch = x.fetch("mentions", null);
        assertThat(batch.mentions()).extracting(Mention::id).containsExactly(first, followUp, retweet);
        Mention m = batch.mentions().get(0);
        assertThat(m.author().handle()).isEqualTo("jana_k");
        assertThat(m.text()).isEqualTo("@acmeair my bag is lost");
        assertThat(m.lang()).isEqualTo("en");
        assertThat(m.createdAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(m.conversationId()).isEqualTo(first);
        assertThat(m.permalink()).isEqualTo("https://x.com/jana_k/status/" + first);
        assertThat(m.isCustomerPost()).isTrue();
        Mention reply = batch.mentions().get(1);
        assertThat(reply.inReplyToId()).isEqualTo(brandReply);
        assertThat(reply.conversationId()).isEqualTo(first);
        assertThat(batch.mentions().get(2).retweet()).isTrue();
        assertThat(batch.nextCursor()).isEqualTo(retweet);

        assertThat(x.fetch("mentions", batch.nextCursor()).mentions()).isEmpty();
        assertThat(x.fetch("mentions", batch.nextCursor()).nextCursor()).isEqualTo(batch.nextCursor());
    }

    @Test
    void followsPaginationAcrossPages() throws Exception {
        XAdapter x = adapter("sim-acmeair-token", null, 5);
        for (int i = 0; i < 12; i++) {
            post("user" + i, "@acmeair question number " + i, null);
        }
        PlatformAdapter.Batch batch = x.fetch("mentions", null);
        assertThat(batch.mentions()).hasSize(12);
        assertThat(batch.mentions().get(0).text()).endsWith("number 0");
        assertThat(batch.mentions().get(11).text()).endsWith("number 11");
    }

    @Test
    void keywordSearchFindsUntaggedPosts() throws Exception {
        XAdapter x = adapter("sim-acmeair-token", "\"acme air\" -from:acmeair -is:retweet", 100);
        assertThat(x.feeds()).containsExactly("replies", "mentions", "search");
        String untagged = post("ben", "Does Acme Air take bikes as baggage?", null);
        post("ben", "I love air travel", null);
        assertThat(x.fetch("search", null).mentions()).extracting(Mention::id).containsExactly(untagged);
    }

    @Test
    void publishesARepliesInTheThread() throws Exception {
        XAdapter x = adapter("sim-acmeair-token", null, 100);
        x.identify();
        String question = post("priya", "@acmeair how many bags can I check?", null);
        PlatformAdapter.Published p = x.publish(new PlatformAdapter.Reply("1", question, "@priya two bags of 23 kg each."));
        List<XWorld.Post> published = sim.published();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).id()).isEqualTo(p.id());
        assertThat(published.get(0).inReplyToId()).isEqualTo(question);
        assertThat(published.get(0).conversationId()).isEqualTo(question);
        assertThat(p.permalink()).isEqualTo("https://x.com/acmeair/status/" + p.id());
    }

    @Test
    void rejectedCredentialsAreAnAuthError() {
        assertThatThrownBy(() -> adapter("wrong-token", null, 100).identify())
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTH));
    }

    @Test
    void serverErrorsAreTransientAndRateLimitsCarryTheReset() throws Exception {
        XAdapter x = adapter("sim-acmeair-token", null, 100);
        x.identify();
        control("/sim/faults", "{\"endpoint\":\"GET /2/users/:id/mentions\",\"status\":503,\"times\":1}");
        assertThatThrownBy(() -> x.fetch("mentions", null))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.TRANSIENT));

        control("/sim/faults", "{\"endpoint\":\"GET /2/users/:id/mentions\",\"rateLimit\":1}");
        x.fetch("mentions", null);
        assertThatThrownBy(() -> x.fetch("mentions", null))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformException.Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isAfter(Instant.now());
                });
    }

    @Test
    void duplicateReplyIsReportedAsSuch() throws Exception {
        XAdapter x = adapter("sim-acmeair-token", null, 100);
        String q = post("priya", "@acmeair hello", null);
        x.publish(new PlatformAdapter.Reply("1", q, "Hi Priya!"));
        assertThatThrownBy(() -> x.publish(new PlatformAdapter.Reply("2", q, "Hi Priya!")))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.DUPLICATE));
    }

    @Test
    void findsTheBrandsOwnReplyInTheThreadByText() throws Exception {
        XAdapter x = adapter("sim-acmeair-token", null, 100);
        String q = post("priya", "@acmeair where is my bag?", null);
        String other = post("omar", "@acmeair and mine?", null);
        PlatformAdapter.Reply reply = new PlatformAdapter.Reply("7", q, "@priya We're on it & we'll update you: https://acme.example/t/1");
        assertThat(x.findReply(reply)).isEmpty();

        // Same text to another customer, other text to this one, and a customer quoting it: none of them is the reply.
        x.publish(new PlatformAdapter.Reply("8", other, reply.text()));
        x.publish(new PlatformAdapter.Reply("9", q, "@priya Something else entirely"));
        post("priya", reply.text(), q);
        assertThat(x.findReply(reply)).isEmpty();

        // X rewrites links to t.co and escapes & as &amp;: still the same reply.
        String id = sim.world().publish(sim.world().brand().id(), "@priya We're on it &amp; we'll update you: https://t.co/AbC123",
                q, null, null, "en").id();
        PlatformAdapter.Published found = x.findReply(reply).orElseThrow();
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.permalink()).isEqualTo("https://x.com/acmeair/status/" + id);
    }

    @Test
    void aCallXAcceptsButDoesNotAnswerInTimeIsTransientAndTheReplyCanBeFound() throws Exception {
        XAdapter x = new XAdapter(new XAccount("brand", sim.baseUrl() + "/", "sim-consumer-key", "sim-consumer-secret",
                "sim-acmeair-token", "sim-acmeair-secret", null, 100, Duration.ofMillis(800)));
        x.identify();
        String q = post("priya", "@acmeair is the lounge open?", null);
        control("/sim/faults", "{\"endpoint\":\"POST /2/tweets\",\"kind\":\"accept-then-timeout\",\"delayMs\":3000}");
        PlatformAdapter.Reply reply = new PlatformAdapter.Reply("1", q, "@priya Yes, from 5 am.");
        long start = System.nanoTime();
        assertThatThrownBy(() -> x.publish(reply)).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
            assertThat(e.getMessage()).contains("no answer in time");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(sim.published()).hasSize(1);
        assertThat(x.findReply(reply).orElseThrow().id()).isEqualTo(sim.published().get(0).id());
    }

    private void control(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
