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

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
