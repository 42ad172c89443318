package org.careloop.simulator;

import java.util.concurrent.CountDownLatch;
import org.careloop.config.Settings;

/** {@code careloop simulator}: the simulator on its own, until the process is stopped. */
public final class SimulatorCommand {

    private SimulatorCommand() {}

    public static void run(Settings settings) throws Exception {
        Simulator simulator = Simulator.start(SimulatorConfig.fromSettings(settings));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "simulator-shutdown"));
        System.out.printf("%n  X simulator running at %s/%n"
                + "  Timeline: %s/   Post as a customer: %s/post%n"
                + "  Brand @%s: consumer key %s / secret %s, access token %s / secret %s%n"
                + "  Any customer: Authorization: Bearer sim:<handle>%n%n",
                simulator.baseUrl(), simulator.baseUrl(), simulator.baseUrl(), simulator.world().brand().username(),
                Credentials.CONSUMER_KEY, Credentials.CONSUMER_SECRET, Credentials.BRAND_TOKEN, Credentials.BRAND_TOKEN_SECRET);
        stopped.await();
    }
}
