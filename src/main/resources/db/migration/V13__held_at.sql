-- The holding reply is a milestone like the warning and the breach: claimed once, whichever node's timer fires.
alter table drafts add column held_at timestamp with time zone;
