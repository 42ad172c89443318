package org.careloop.simulator;

import java.nio.file.Path;
import org.careloop.config.Settings;

/**
 * How the simulator runs.
 *
 * @param host      interface to listen on (loopback by default: it is a test double, not a service)
 * @param port      port, 0 for any free one
 * @param scenario  a bundled scenario name ({@code demo}), a YAML file path, or {@code none}
 * @param stateFile where posts and replies are kept across restarts, or null for memory only
 * @param speed     scenario time factor: 2 plays twice as fast
 */
public record SimulatorConfig(String host, int port, String scenario, Path stateFile, double speed) {

    public static SimulatorConfig fromSettings(Settings settings) {
        String state = settings.get("careloop.simulator.state-file", "./data/simulator-state.json");
        return new SimulatorConfig(
                settings.get("careloop.simulator.host", "127.0.0.1"),
                settings.getInt("careloop.simulator.port", 8090),
                settings.get("careloop.simulator.scenario", "demo"),
                state.isBlank() ? null : Path.of(state),
                Double.parseDouble(settings.get("careloop.simulator.speed", "1")));
    }
}
