package org.careloop.store;

import java.time.Instant;
import java.util.List;
import org.careloop.webhook.WebhookStore;

final class JdbcWebhookStore implements WebhookStore {

    private final Jdbc jdbc;

    JdbcWebhookStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Delivery d, Instant claimedUntil) {
        jdbc.update("insert into webhook_deliveries (id, hook, event, body, created_at, attempts, claimed_until) values (?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.hook(), d.event(), d.body(), d.createdAt(), d.attempts(), claimedUntil);
    }

    @Override
    public void failed(String id, String error, boolean gaveUp, Instant at, Instant claimedUntil) {
        jdbc.update("update webhook_deliveries set attempts = attempts + 1, last_error = ?, given_up_at = ?, claimed_until = ? where id = ?",
                error, gaveUp ? at : null, gaveUp ? null : claimedUntil, id);
    }

    @Override
    public void delivered(String id, Instant at) {
        jdbc.update("update webhook_deliveries set attempts = attempts + 1, delivered_at = ?, last_error = null where id = ?", at, id);
    }

    private static final String PENDING = "select * from webhook_deliveries where hook = ? and delivered_at is null and given_up_at is null";

    @Override
    public List<Delivery> pending(String hook) {
        return jdbc.list(PENDING + " order by created_at, id", JdbcWebhookStore::delivery, hook);
    }

    @Override
    public List<Delivery> claimAbandoned(String hook, Instant now, Instant until) {
        List<Delivery> free = jdbc.list(PENDING + " and (claimed_until is null or claimed_until < ?) order by created_at, id",
                JdbcWebhookStore::delivery, hook, now);
        // The conditional update decides: a delivery another node claimed meanwhile is left to it.
        return free.stream().filter(d -> jdbc.update("update webhook_deliveries set claimed_until = ? where id = ? "
                + "and delivered_at is null and given_up_at is null and (claimed_until is null or claimed_until < ?)", until, d.id(), now) == 1).toList();
    }

    private static Delivery delivery(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Delivery(rs.getString("id"), rs.getString("hook"), rs.getString("event"), rs.getString("body"),
                Jdbc.instant(rs, "created_at"), rs.getInt("attempts"));
    }
}
