-- Every customer post is triaged (analysed, decided, drafted) exactly once. An attempt that fails
-- is counted and retried when its feed delivers the post again; after careloop.triage.max-attempts
-- the post is set aside for a person to retry from the console, and its feed moves on.
alter table mentions add column triaged_at timestamp with time zone;
alter table mentions add column triage_attempts integer default 0 not null;
alter table mentions add column triage_error text;
-- Posts seen before this version went through the pipeline of their day.
update mentions set triaged_at = seen_at;
create index mentions_untriaged on mentions (triaged_at);
