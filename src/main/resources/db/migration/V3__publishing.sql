-- Publishing exactly once. Each attempt is recorded before the platform is called (status SENDING,
-- attempted_at), and next_attempt_at then holds the lease after which an attempt that never
-- reported back (a crash, a stopped node) is picked up again: by looking in the thread first.
alter table outbox add column attempted_at timestamp with time zone;
