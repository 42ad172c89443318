package org.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.careloop.config.Settings;
import org.careloop.simulator.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CareLoop's own simulator on a port other than the default, with no X API URL configured: the X
 * connector reads that simulator (the one the start-up banner names), not whatever listens on the
 * default port 8090.
 */
class EmbeddedSimulatorIT {

    private static final String TOKEN = "embedded-sim-api-token-3Wd8";

    @TempDir
    static Path dir;

    @Test
    void xFollowsTheEmbeddedSimulatorOnAnotherPort() throws Exception {
        int simPort = freePort();
        Settings settings = Settings.load(Map.of("CARELOOP_API_TOKEN", TOKEN, "CARELOOP_ADMIN_PASSWORD", "embedded-admin-password"), Map.of(
                "careloop.http.port", String.valueOf(freePort()), "careloop.http.host", "127.0.0.1",
                // Only the simulator's port is changed: careloop.x.api-url is left to its default.
                "careloop.simulator.port", String.valueOf(simPort),
                // Its HTTPS twin on a free port of its own: port + 1 may be taken on a busy machine.
                "careloop.simulator.https-port", String.valueOf(freePort()),
                "careloop.simulator.scenario", "none", "careloop.simulator.state-file", "",
                "careloop.x.poll-cron", "0/1 * * * * ?",
                "careloop.db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "careloop.rules.dir", dir.resolve("packaged-rules").toString()));
        CareLoop app = CareLoop.start(settings);
        try {
            Simulator sim = app.simulator().orElseThrow();
            assertThat(sim.baseUrl()).endsWith(":" + simPort);
            Http http = new Http();
            String api = "http://127.0.0.1:" + settings.getInt("careloop.http.port", 0);
            String postId = http.postTweet(sim.baseUrl(), "sim:jana_k",
                    "@acmeair my bag never arrived in Boston, flight AA512. Nobody at the desk can tell me anything", null);
            JsonNode draft = http.await(Duration.ofSeconds(30), "a draft for post " + postId + " made in the embedded simulator",
                    () -> http.findDraftFor(api, TOKEN, postId));
            assertThat(draft.get("platform").asText()).isEqualTo("x");
            assertThat(draft.at("/mention/author/handle").asText()).isEqualTo("jana_k");
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
