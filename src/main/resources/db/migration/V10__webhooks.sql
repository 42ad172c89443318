-- Webhook deliveries, kept until the receiver took them (2xx) or every attempt failed, so events
-- pending at shutdown (an SLA breach, a ticket event, new praise) are sent after the next start.
create table webhook_deliveries (
    id              varchar(36)  primary key,          -- X-CareLoop-Delivery, the same on every attempt
    hook            varchar(32)  not null,             -- sla, tickets, marketing
    event           varchar(64)  not null,
    body            text         not null,             -- the exact JSON sent (and signed)
    created_at      timestamp with time zone not null,
    attempts        integer      default 0 not null,
    delivered_at    timestamp with time zone,
    given_up_at     timestamp with time zone,
    last_error      text,
    -- The node sending it holds it until then (a minute past its next attempt); the relay on any
    -- node takes over only what nobody holds, so a delivery is never lost nor sent by two nodes.
    claimed_until   timestamp with time zone
);
create index webhook_deliveries_pending on webhook_deliveries (hook, delivered_at, given_up_at);
