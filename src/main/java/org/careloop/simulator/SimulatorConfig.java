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
 * @param httpsPort the HTTPS port, 0 for any free one, -1 for none
 */
public record SimulatorConfig(String host, int port, String scenario, Path stateFile, double speed, int httpsPort) {

    /** Plain HTTP only. */
    public SimulatorConfig(String host, int port, String scenario, Path stateFile, double speed) {
        this(host, port, scenario, stateFile, speed, -1);
    }

    public static SimulatorConfig fromSettings(Settings settings) {
        String state = settings.get("careloop.simulator.state-file", "./data/simulator-state.json");
        int port = settings.getInt("careloop.simulator.port", 8090);
        return new SimulatorConfig(
                settings.get("careloop.simulator.host", "127.0.0.1"),
                port,
                settings.get("careloop.simulator.scenario", "demo"),
                state.isBlank() ? null : Path.of(state),
                Double.parseDouble(settings.get("careloop.simulator.speed", "1")),
                // The next port by default (8091), any free one beside a free HTTP port.
                settings.getInt("careloop.simulator.https-port", port == 0 ? 0 : port + 1));
    }

    /** Where the HTTPS certificate is kept beside the state, or null for a simulator without state (a temporary folder then). */
    Path tlsDir() {
        return stateFile == null ? null : stateFile.toAbsolutePath().normalize().getParent();
    }
}
