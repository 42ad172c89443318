-- Quartz's clustered job store serialises its nodes on two rows of qrtz_locks, and inserts a row the
-- first time it wants it. Nodes starting together both found it missing and both inserted it: one
-- insert failed (a duplicate-key ERROR in the server's log at every first start, retried by Quartz).
-- The rows are here before any node starts. 'careloop' is the scheduler's name on every node
-- (store/QuartzConnections).
insert into qrtz_locks (sched_name, lock_name) values ('careloop', 'TRIGGER_ACCESS'), ('careloop', 'STATE_ACCESS')
    on conflict do nothing;
