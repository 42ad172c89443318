-- The analysis's labels beside its JSON, for the volume report (by sentiment, intent, trolls):
-- counted by the database, not by reading every post's analysis. Earlier posts are filled in by
-- V9_1 (store.V9_1__AnalysisLabels), which reads their analysis.
alter table mentions add column sentiment varchar(16);
alter table mentions add column intent varchar(16);
alter table mentions add column troll boolean;
create index mentions_seen on mentions (seen_at);
