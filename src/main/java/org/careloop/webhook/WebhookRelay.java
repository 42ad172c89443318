package org.careloop.webhook;

import java.util.List;

/** The durable webhooks, for the relay route: each takes over the deliveries their sender left. */
public final class WebhookRelay {

    private final List<Webhook> hooks;

    public WebhookRelay(List<Webhook> hooks) {
        this.hooks = List.copyOf(hooks);
    }

    /** @return how many deliveries were taken over */
    public int relay() {
        return hooks.stream().mapToInt(Webhook::relay).sum();
    }
}
