-- Who is sending a delivery, until when: a node attempting (or about to retry) a delivery holds it,
-- and the relay on any node takes over only what nobody holds, so several nodes never send one
-- delivery twice, and one that stopped mid-retry is picked up by the others.
alter table webhook_deliveries add column claimed_until timestamp with time zone;
