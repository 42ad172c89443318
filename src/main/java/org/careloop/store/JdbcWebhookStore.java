package org.careloop.store;

import java.time.Instant;
import java.util.List;

final class JdbcWebhookStore implements WebhookStore {

    private final Jdbc jdbc;

    JdbcWebhookStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Delivery d) {
        jdbc.update("insert into webhook_deliveries (id, hook, event, body, created_at, attempts) values (?, ?, ?, ?, ?, ?)",
                d.id(), d.hook(), d.event(), d.body(), d.createdAt(), d.attempts());
    }

    @Override
    public void failed(String id, String error, boolean gaveUp, Instant at) {
        jdbc.update("update webhook_deliveries set attempts = attempts + 1, last_error = ?, given_up_at = ? where id = ?",
                error, gaveUp ? at : null, id);
    }

    @Override
    public void delivered(String id, Instant at) {
        jdbc.update("update webhook_deliveries set attempts = attempts + 1, delivered_at = ?, last_error = null where id = ?", at, id);
    }

    @Override
    public List<Delivery> pending(String hook) {
        return jdbc.list("select * from webhook_deliveries where hook = ? and delivered_at is null and given_up_at is null "
                        + "order by created_at, id",
                rs -> new Delivery(rs.getString("id"), rs.getString("hook"), rs.getString("event"), rs.getString("body"),
                        Jdbc.instant(rs, "created_at"), rs.getInt("attempts")), hook);
    }
}
