-- Several nodes draft on one account at once: a reply's text is taken here before its draft is stored,
-- so two nodes never both pick it (X refuses the second as a duplicate). A row counts for a minute, the
-- time from reading the account's replies to storing the draft; past it the stored draft says the text
-- was said, and the row is deleted by the account's next take. Keyed by SHA-256 (hex) of the text.
create table recent_texts (
    platform   varchar(16) not null,
    account    varchar(64) not null,
    text_hash  varchar(64) not null,
    taken_at   timestamp with time zone not null,
    primary key (platform, account, text_hash)
);
