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
        GraphWorld.Brand graph = simulator.graph().brand();
        System.out.printf("%n  Platform simulator running at %s/ (X API v2 under /2/, Graph API under /v24.0/)%n"
                + "  Timeline: %s/   Facebook Page: %s/facebook   Instagram: %s/instagram   Post as a customer: %s/post%n"
                + "  Brand @%s on X: consumer key %s / secret %s, access token %s / secret %s%n"
                + "  Facebook Page %s and Instagram account %s: Page access token %s%n"
                + "  Any customer: Authorization: Bearer sim:<handle> (X), access token sim:<name> (Graph API)%n%n",
                simulator.baseUrl(), simulator.baseUrl(), simulator.baseUrl(), simulator.baseUrl(), simulator.baseUrl(),
                simulator.world().brand().username(), Credentials.CONSUMER_KEY, Credentials.CONSUMER_SECRET, Credentials.BRAND_TOKEN,
                Credentials.BRAND_TOKEN_SECRET, graph.page().id(), graph.instagram().id(), graph.token());
        stopped.await();
    }
}
