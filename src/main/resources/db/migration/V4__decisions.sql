-- The rules' action and when it was taken, beside the decision's JSON, so the console can list the
-- posts the rules chose not to answer (trolls, spam) with their reasons.
alter table mentions add column decided_action varchar(16);
alter table mentions add column decided_at timestamp with time zone;
create index mentions_decided on mentions (decided_action, decided_at);
