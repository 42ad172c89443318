-- A spike drafts thousands of replies an hour, on every node at once. Drafting reads the account's latest
-- replies (never the same text twice), newest first, and unattended mode counts what it published in the
-- last hour: without these each draft read every draft there is.
create index drafts_created on drafts (platform, created_at);
create index drafts_decided on drafts (platform, decided_at);
