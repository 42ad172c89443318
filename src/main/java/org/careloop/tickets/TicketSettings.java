package org.careloop.tickets;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.careloop.config.Settings;
import org.careloop.webhook.WebhookSettings;

/**
 * The ticket desk's settings, read and checked once at start.
 *
 * @param webhook       where ticket events are POSTed ({@code careloop.tickets.webhook-url})
 * @param closingWithin how soon after a ticket is resolved its closing message is due
 * @param linkFreeByDefault {@code careloop.tickets.link-free}: for accounts not set one by one
 * @param linkFree      per account: replies carry a ticket reference instead of the customer page's link
 * @param styles        per account: the reply style in force and what a reply costs on its platform
 */
public record TicketSettings(WebhookSettings webhook, Duration closingWithin, boolean linkFreeByDefault, Map<String, Boolean> linkFree,
                             List<ReplyStyle> styles) {

    /** An account the desk replies from: its platform's id ({@code x}, {@code facebook}...) and its name. */
    public record Account(String platform, String name) {
    }

    public static TicketSettings fromSettings(Settings settings, Collection<Account> accounts) {
        Duration closingWithin = settings.getPositiveDuration("careloop.tickets.closing-within", Duration.ofHours(1));
        boolean all = settings.getBoolean("careloop.tickets.link-free", false);
        Map<String, Boolean> linkFree = settings.perAccount(all, a -> "careloop.tickets." + a + ".link-free",
                accounts.stream().map(Account::name).toList());
        List<ReplyStyle> styles = accounts.stream().map(a -> {
            // X's pay-per-use rates by default; Facebook and Instagram replies cost nothing per call.
            boolean x = a.platform().equals("x");
            return new ReplyStyle(a.platform(), a.name(), linkFree.get(a.name()),
                    cost(settings, "careloop." + a.platform() + ".cost.reply-with-link", x ? 0.200 : 0),
                    cost(settings, "careloop." + a.platform() + ".cost.reply", x ? 0.015 : 0));
        }).toList();
        return new TicketSettings(WebhookSettings.unsigned(settings, "careloop.tickets.webhook-url"), closingWithin, all, Map.copyOf(linkFree), styles);
    }

    private static double cost(Settings settings, String key, double defaultValue) {
        double cost = settings.getDouble(key, defaultValue);
        if (cost < 0 || Double.isNaN(cost)) {
            throw new IllegalArgumentException("Setting " + key + " is a cost in US dollars, 0 or more, got " + cost);
        }
        return cost;
    }

    /** Whether {@code account}'s ticket replies leave the link out. */
    public boolean linkFree(String account) {
        return linkFree.getOrDefault(account, linkFreeByDefault);
    }
}
