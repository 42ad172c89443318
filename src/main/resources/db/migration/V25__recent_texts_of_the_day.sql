-- recent_texts becomes the ledger of the texts each account said within the day, so drafting asks it
-- about a reply's few candidate texts instead of reading the day's drafts for every draft. Rows older
-- than a day are deleted by the account's next take; this index finds them. V25_1 fills the ledger
-- with the last day's drafts.
-- The minute's reservations V24 kept are taken again from their drafts.
delete from recent_texts;
create index recent_texts_by_time on recent_texts (platform, account, taken_at);
