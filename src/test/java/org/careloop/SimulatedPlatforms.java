package org.careloop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.careloop.config.Settings;
import org.careloop.simulator.Simulator;
import org.careloop.simulator.SimulatorConfig;

/**
 * What the whole-application tests share: a platform simulator of their own (no demo scenario, no
 * saved state), the simulator's demo credentials given the way an operator gives real ones, and a
 * free port for CareLoop's console.
 */
public final class SimulatedPlatforms {

    /** The X brand account's credentials the simulator accepts, as environment variables. */
    public static final Map<String, String> X_BRAND = Map.of(
            "CARELOOP_X_BRAND_CONSUMER_KEY", "sim-consumer-key",
            "CARELOOP_X_BRAND_CONSUMER_SECRET", "sim-consumer-secret",
            "CARELOOP_X_BRAND_ACCESS_TOKEN", "sim-acmeair-token",
            "CARELOOP_X_BRAND_ACCESS_TOKEN_SECRET", "sim-acmeair-secret");

    private SimulatedPlatforms() {}

    /** A simulator on a free port, empty: a test posts what it needs. It runs apart from CareLoop, so it outlives a restart. */
    public static Simulator start() throws IOException {
        return Simulator.start(SimulatorConfig.fromSettings(Settings.of(Map.of(
                "careloop.simulator.port", "0",
                "careloop.simulator.scenario", "none",
                "careloop.simulator.state-file", ""))));
    }

    /** The X brand's credentials with more environment beside them. */
    public static Map<String, String> xBrandAnd(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(X_BRAND);
        env.putAll(more);
        return env;
    }

    /**
     * The settings every whole-application test on the simulated X starts from: the console on a free port of
     * its own, the brand's X account polled every second (mentions only), no embedded simulator, and
     * its database in {@code db}; {@code more} adds or replaces settings.
     */
    public static Map<String, String> onX(Simulator simulator, java.nio.file.Path db, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "careloop.http.port", String.valueOf(freePort()),
                "careloop.http.host", "127.0.0.1",
                "careloop.simulator.enabled", "false",
                "careloop.x.api-url", simulator.baseUrl() + "/",
                "careloop.x.poll-cron", "0/1 * * * * ?",
                "careloop.x.brand.search-query", "",
                "careloop.db.url", "jdbc:h2:file:" + db.toAbsolutePath()));
        settings.putAll(more);
        return settings;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
