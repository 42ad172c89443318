package org.careloop.platform.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.restfb.DefaultFacebookClient;
import com.restfb.Parameter;
import com.restfb.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.careloop.config.Json;
import org.careloop.platform.Mention;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformAdapter.Reply;
import org.careloop.platform.PlatformException;
import org.careloop.platform.PlatformException.Kind;
import org.careloop.simulator.GraphWorld;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Facebook connector through the real RestFB client, over HTTP, against the simulator's Graph
 * API; customers act through RestFB too, with {@code sim:<name>} tokens.
 */
class FacebookAdapterTest {

    @TempDir
    Path dir;
    Simulator sim;
    final HttpClient http = HttpClient.newHttpClient();
    final AtomicReference<String> token = new AtomicReference<>("sim-page-acmeair");

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, "none", dir.resolve("sim.json"), 1));
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    GraphSettings settings(int pageSize, int maxPages) {
        return new GraphSettings(sim.baseUrl() + "/", "v24.0", null, Duration.ofSeconds(5), pageSize, maxPages, 25, 80,
                Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofDays(1));
    }

    FacebookAdapter adapter(int pageSize, int maxPages) {
        return new FacebookAdapter(new FacebookAccount("brand", null, token::get, "CARELOOP_FACEBOOK_BRAND_PAGE_TOKEN"),
                settings(pageSize, maxPages));
    }

    /** A Graph API client acting as a customer, as any client can against the simulator. */
    DefaultFacebookClient customer(String name) {
        return new SimCustomer(sim.baseUrl(), name).client();
    }

    String pageId() {
        return sim.graph().page().id();
    }

    String visitorPost(String name, String text) {
        return new SimCustomer(sim.baseUrl(), name).publish(pageId() + "/feed", text);
    }

    String comment(String name, String on, String text) {
        return new SimCustomer(sim.baseUrl(), name).publish(on + "/comments", text);
    }

    JsonObject fault(String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject();
    }

    @Test
    void identifiesThePageByItsToken() throws Exception {
        PlatformAdapter.Identity me = adapter(25, 10).identify();
        assertThat(me.id()).isEqualTo(pageId());
        assertThat(me.name()).isEqualTo("Acme Air");
    }

    @Test
    void readsVisitorPostsAndCommentsWithThreadsAuthorsAndPermalinks() throws Exception {
        FacebookAdapter fb = adapter(25, 10);
        String brandPost = sim.graph().post(pageId(), "Winter schedule: new flights to Lisbon").id();
        String visitor = visitorPost("jana_k", "My bag didn't arrive in Boston, flight AA512");
        String question = comment("grace_n", brandPost, "How many bags are included?");
        String reply = comment("priya_flies", question, "Same question here!");

        List<Mention> posts = fb.fetch(FacebookAdapter.POSTS, null).mentions();
        assertThat(posts).extracting(Mention::id).containsExactly(brandPost, visitor);
        Mention v = posts.get(1);
        assertThat(v.isCustomerPost()).isTrue();
        assertThat(v.author().name()).isEqualTo("jana_k");
        assertThat(v.conversationId()).isEqualTo(visitor);
        assertThat(v.inReplyToId()).isNull();
        assertThat(v.permalink()).isEqualTo(sim.baseUrl().replace("127.0.0.1", "127.0.0.1") + "/facebook#o" + visitor);
        assertThat(posts.get(0).fromBrand()).as("the Page's own post").isTrue();

        List<Mention> comments = fb.fetch(FacebookAdapter.COMMENTS, null).mentions();
        assertThat(comments).extracting(Mention::id).containsExactly(question, reply);
        assertThat(comments.get(0).conversationId()).isEqualTo(brandPost);
        assertThat(comments.get(0).inReplyToId()).isEqualTo(brandPost);
        assertThat(comments.get(1).conversationId()).isEqualTo(brandPost);
        assertThat(comments.get(1).inReplyToId()).isEqualTo(question);
        assertThat(comments.get(1).text()).isEqualTo("Same question here!");
        assertThat(comments.get(1).permalink()).endsWith("/facebook#o" + reply);
    }

    @Test
    void cursorsResumeAcrossARestartOfCareLoopAndOfTheSimulator() throws Exception {
        String post = visitorPost("jana_k", "first post");
        comment("grace_n", post, "first comment");
        PlatformAdapter.Batch posts = adapter(25, 10).fetch(FacebookAdapter.POSTS, null);
        PlatformAdapter.Batch comments = adapter(25, 10).fetch(FacebookAdapter.COMMENTS, null);
        assertThat(posts.mentions()).hasSize(1);
        assertThat(comments.mentions()).hasSize(1);

        // Both restart: the simulator from its state file, CareLoop with a new adapter and the stored cursors.
        int port = sim.port();
        sim.stop();
        sim = Simulator.start(new SimulatorConfig("127.0.0.1", port, "none", dir.resolve("sim.json"), 1));
        String later = visitorPost("tomasz_w", "second post");
        String laterComment = comment("grace_n", post, "second comment");
        FacebookAdapter restarted = adapter(25, 10);
        assertThat(restarted.fetch(FacebookAdapter.POSTS, posts.nextCursor()).mentions()).extracting(Mention::id).containsExactly(later);
        PlatformAdapter.Batch again = restarted.fetch(FacebookAdapter.COMMENTS, comments.nextCursor());
        assertThat(again.mentions()).extracting(Mention::id).containsExactly(laterComment);
        assertThat(restarted.fetch(FacebookAdapter.COMMENTS, again.nextCursor()).mentions()).as("nothing new: nothing repeated").isEmpty();
    }

    @Test
    void theFirstReadGoesBackOnlyTheLookback() throws Exception {
        String post = visitorPost("jana_k", "an old post");
        comment("grace_n", post, "an old comment");
        // An adapter whose clock is two days ahead: for it, these are two days old.
        FacebookAdapter later = new FacebookAdapter(new FacebookAccount("brand", null, token::get, "env"), settings(25, 10),
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofDays(2)));
        PlatformAdapter.Batch posts = later.fetch(FacebookAdapter.POSTS, null);
        assertThat(posts.mentions()).isEmpty();
        assertThat(posts.nextCursor()).as("the start of the lookback is stored").isNotNull();
        assertThat(later.fetch(FacebookAdapter.COMMENTS, null).mentions()).isEmpty();
        assertThat(adapter(25, 10).fetch(FacebookAdapter.POSTS, null).mentions()).extracting(Mention::id).containsExactly(post);
    }

    @Test
    void followsPagingNextThroughSeveralPagesAndLeavesTheRestForTheNextPoll() throws Exception {
        for (int i = 0; i < 7; i++) {
            visitorPost("user" + i, "post number " + i);
        }
        List<Mention> all = adapter(2, 10).fetch(FacebookAdapter.POSTS, null).mentions();
        assertThat(all).extracting(Mention::text).containsExactly("post number 0", "post number 1", "post number 2",
                "post number 3", "post number 4", "post number 5", "post number 6");

        String post = visitorPost("jana_k", "thread");
        for (int i = 0; i < 5; i++) {
            comment("c" + i, post, "comment " + i);
        }
        PlatformAdapter.Batch first = adapter(2, 10).fetch(FacebookAdapter.COMMENTS, null);
        assertThat(first.mentions()).extracting(Mention::text).containsExactly("comment 0", "comment 1", "comment 2", "comment 3", "comment 4");
    }

    @Test
    void repliesInTheThreadAndFindsAnEarlierAttemptInsteadOfPostingTwice() throws Exception {
        FacebookAdapter fb = adapter(25, 10);
        String post = visitorPost("jana_k", "my refund?");
        String c = comment("grace_n", post, "what about mine?");
        PlatformAdapter.Published p = fb.publish(new Reply("1", c, "Hi Grace, we're on it."));
        GraphWorld.Item reply = sim.graph().item(p.id()).orElseThrow();
        assertThat(reply.parentId()).isEqualTo(c);
        assertThat(reply.authorId()).isEqualTo(pageId());
        assertThat(p.permalink()).endsWith("/facebook#o" + p.id());
        assertThat(fb.findReply(new Reply("1", c, "Hi Grace,  we're on it."))).map(PlatformAdapter.Published::id).contains(p.id());
        assertThat(fb.findReply(new Reply("2", c, "another text"))).isEmpty();

        // Accepted, but the answer never arrives in time: the reply is found, not sent again.
        fault("{\"endpoint\": \"POST /:id/comments\", \"kind\": \"accept-then-timeout\", \"delayMs\": 8000}");
        assertThatThrownBy(() -> fb.publish(new Reply("3", post, "Sorry Jana, checking now.")))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
        assertThat(fb.findReply(new Reply("3", post, "Sorry Jana, checking now."))).isPresent();
        assertThat(sim.graph().thread(post)).filteredOn(i -> i.text().equals("Sorry Jana, checking now.")).hasSize(1);
    }

    @Test
    void hidesAndShowsACommentWithoutDeletingIt() throws Exception {
        FacebookAdapter fb = adapter(25, 10);
        String post = visitorPost("jana_k", "hello");
        String troll = comment("hot_takes_99", post, "your CEO is a clown");
        fb.hide(troll, true);
        assertThat(sim.graph().item(troll).orElseThrow().hidden()).isTrue();
        fb.hide(troll, false);
        assertThat(sim.graph().item(troll)).map(GraphWorld.Item::hidden).contains(false);
        assertThatThrownBy(() -> customer("hot_takes_99").publish(troll, JsonObject.class, Parameter.with("is_hidden", true)))
                .hasMessageContaining("Permissions error");
        fb.hide(post, true);
        assertThat(sim.graph().item(post).orElseThrow().hidden()).as("a visitor post can be hidden too").isTrue();
        String own = sim.graph().post(pageId(), "our news").id();
        assertThatThrownBy(() -> fb.hide(own, true)).isInstanceOf(PlatformException.class);
    }

    @Test
    void anExpiredTokenIsAnAuthFailureUntilANewTokenIsConfigured() throws Exception {
        FacebookAdapter fb = adapter(25, 10);
        fb.identify();
        String fresh = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/graph/expire-token"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
        assertThatThrownBy(() -> fb.fetch(FacebookAdapter.POSTS, null))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTH);
                    assertThat(e.getMessage()).contains("code 190", "subcode 463", "expired");
                });
        token.set(fresh);
        assertThat(fb.identify().id()).isEqualTo(pageId());
        assertThat(fb.fetch(FacebookAdapter.POSTS, null).mentions()).isEmpty();
    }

    @Test
    void slowsDownBeforeTheLimitFromTheUsageHeaders() throws Exception {
        fault("{\"endpoint\": \"graph\", \"rateLimit\": 10}");
        FacebookAdapter fb = adapter(25, 10);
        fb.identify();
        int reads = 0;
        PlatformException stopped = null;
        for (int i = 0; i < 12 && stopped == null; i++) {
            try {
                fb.fetch(FacebookAdapter.POSTS, null);
                reads++;
            } catch (PlatformException e) {
                stopped = e;
            }
        }
        assertThat(stopped).as("reads pause before the limit").isNotNull();
        assertThat(stopped.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(stopped.getMessage()).contains("80 %");
        assertThat(stopped.retryAfter()).isAfter(Instant.now().plusSeconds(30));
        assertThat(reads).isEqualTo(7); // identify + 7 reads = 8 of 10 calls: 80 %
        // The limit itself was never reached: the Page can still answer a customer.
        String post = visitorPost("jana_k", "hello?");
        assertThat(fb.publish(new Reply("1", post, "Hi Jana!")).id()).isNotBlank();
    }

    @Test
    void backsOffOnRateLimitCodes() throws Exception {
        FacebookAdapter fb = adapter(25, 10);
        fb.identify();
        for (int code : new int[] {4, 17, 32, 613}) {
            fault("{\"endpoint\": \"GET /:page-id/feed\", \"status\": 400, \"code\": " + code + "}");
            Instant before = Instant.now();
            assertThatThrownBy(() -> fb.fetch(FacebookAdapter.POSTS, null))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).as("code %d", code).isEqualTo(Kind.RATE_LIMITED);
                        assertThat(e.getMessage()).contains("(code " + code + ")");
                        assertThat(e.retryAfter()).isAfterOrEqualTo(before.plus(Duration.ofMinutes(5)));
                    });
        }
        fault("{\"endpoint\": \"GET /:page-id/feed\", \"status\": 503}");
        assertThatThrownBy(() -> fb.fetch(FacebookAdapter.POSTS, null))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
        assertThat(fb.fetch(FacebookAdapter.POSTS, null).mentions()).isEmpty();
    }
}
