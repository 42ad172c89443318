package org.careloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario post that answers the brand's reply waits for that reply, then replies to it in the same thread. */
class ScenarioAnswersTest {

    @Test
    void anAnswerWaitsForOurReplyAndJoinsItsThread(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("answers.yaml");
        Files.writeString(file, """
                brand: { handle: acmeair, name: Acme Air }
                users: [ { handle: jana, name: Jana } ]
                posts:
                  - { key: q, at: 0s, author: jana, text: "@acmeair my app crashes at check-in" }
                  - { key: a, at: 0s, author: jana, answers: q, text: "@acmeair iPhone 12, latest update" }
                """);
        try (Simulator sim = Simulator.start(new SimulatorConfig("127.0.0.1", 0, file.toString(), null, 1))) {
            XWorld world = sim.world();
            await().atMost(Duration.ofSeconds(10)).until(() -> world.played("q"));
            Thread.sleep(1500);
            assertThat(world.played("a")).as("no reply of ours yet: the answer waits").isFalse();
            String asked = world.playedPost("q").orElseThrow();
            XWorld.Post ours = world.publish(world.brand().id(), "@jana Sorry! Which phone are you using?", asked, null, null, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> world.played("a"));
            Optional<XWorld.Post> answer = world.post(world.playedPost("a").orElseThrow());
            assertThat(answer).get().extracting(XWorld.Post::inReplyToId).isEqualTo(ours.id());
            assertThat(answer.get().conversationId()).isEqualTo(world.post(asked).orElseThrow().conversationId());
        }
    }

    @Test
    void answersIsForXAndAnEarlierPost(@TempDir Path dir) throws Exception {
        Path later = dir.resolve("later.yaml");
        Files.writeString(later, "brand: { handle: a, name: A }\nusers: []\nposts:\n  - { key: a, author: j, answers: q, text: t }\n"
                + "  - { key: q, author: j, text: t }\n");
        assertThatThrownBy(() -> Scenario.load(later.toString())).hasMessageContaining("refers to 'q', which is not an earlier post");
        Path graph = dir.resolve("graph.yaml");
        Files.writeString(graph, "brand: { handle: a, name: A }\nusers: []\nposts:\n  - { key: q, platform: facebook, author: j, text: t }\n"
                + "  - { key: a, platform: facebook, author: j, answers: q, text: t }\n");
        assertThatThrownBy(() -> Scenario.load(graph.toString())).hasMessageContaining("answers is for X only");
    }
}
