-- Several nodes on one PostgreSQL share the triage: the node that polls a feed only records its posts,
-- and every node claims untriaged ones (select ... for update skip locked), each for a lease. A claim
-- not done by the end of its lease (its node died) is taken by another node. claimed_by stays once
-- the post is triaged: the node that triaged it. On one node (H2) the columns stay empty.
alter table mentions add column claimed_by varchar(64);
alter table mentions add column claimed_until timestamp with time zone;
-- The oldest untriaged post first, read in index order; the index on triaged_at alone is its prefix.
create index mentions_to_claim on mentions (triaged_at, seen_at);
drop index mentions_untriaged;
