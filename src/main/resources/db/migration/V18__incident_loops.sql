-- When a resolved incident's work was done: its tickets resolved and every post's closing message
-- queued. A resolve cut short (a crash, a stopped node) leaves it null, and the work is finished later.
alter table incidents add column loops_closed_at timestamp with time zone;
update incidents set loops_closed_at = resolved_at where status = 'RESOLVED';
