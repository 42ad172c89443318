package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careloop.config.Settings;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.XWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo scenario on the embedded defaults with {@code CARELOOP_UNATTENDED=true}: every post the
 * rules answer gets its public reply, in its thread, within 60 s of being posted; trolls and spam
 * get none, with their reasons recorded. Default polling and outbox settings, as a user runs it.
 */
class DemoUnattendedTest {

    @TempDir
    static Path dir;

    @Test
    void everyActionablePostIsAnsweredPubliclyWithinAMinute() throws Exception {
        int simPort = freePort();
        Map<String, String> env = new HashMap<>(Map.of("CARELOOP_UNATTENDED", "true", "CARELOOP_ADMIN_PASSWORD", "demo-password"));
        CareLoop app = CareLoop.start(Settings.load(env, Map.of(
                "careloop.http.port", String.valueOf(freePort()), "careloop.http.host", "127.0.0.1",
                "careloop.simulator.port", String.valueOf(simPort), "careloop.simulator.state-file", "",
                "careloop.x.api-url", "http://127.0.0.1:" + simPort + "/",
                "careloop.db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "careloop.rules.dir", dir.resolve("packaged-rules").toString())));
        try {
            Simulator sim = app.simulator().orElseThrow();
            String brand = sim.world().brand().id();
            // The demo plays for about 40 s; give the last post its full minute.
            Instant end = Instant.now().plus(Duration.ofSeconds(110));
            List<String> problems = new ArrayList<>();
            int answered = 0;
            int ignored = 0;
            while (Instant.now().isBefore(end)) {
                Thread.sleep(2000);
                problems.clear();
                answered = 0;
                ignored = 0;
                boolean settled = true;
                for (XWorld.Post p : sim.world().all()) {
                    if (p.authorId().equals(brand) || p.retweetOfId() != null) {
                        continue;
                    }
                    Optional<Decision> d = app.database().mentions().findDecision(Platform.X, p.id());
                    if (d.isEmpty()) {
                        settled = false;
                        continue;
                    }
                    if (!d.get().wantsReply()) {
                        assertThat(d.get().reason()).as("ignored post %s has a reason", p.text()).isNotBlank();
                        ignored++;
                        continue;
                    }
                    Optional<XWorld.Post> reply = sim.published().stream().filter(r -> p.id().equals(r.inReplyToId())).findFirst();
                    if (reply.isEmpty()) {
                        settled = false;
                        problems.add("no reply yet to: " + p.text());
                        continue;
                    }
                    long seconds = Duration.between(p.createdAt(), reply.get().createdAt()).toSeconds();
                    if (seconds > 60) {
                        problems.add(seconds + " s to answer: " + p.text());
                    }
                    answered++;
                }
                if (settled && sim.world().played("kw-complaint") && answered > 0) {
                    break;
                }
            }
            System.out.printf("Demo, unattended: %d posts answered, %d ignored%n", answered, ignored);
            assertThat(problems).isEmpty();
            assertThat(answered).isGreaterThanOrEqualTo(20);
            assertThat(ignored).isGreaterThanOrEqualTo(4);
        } finally {
            app.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
