-- The team's replies written on the platform settle the posts they answer: the stored posts replying to a post, and
-- the draft a post was published as (to tell CareLoop's own replies from the team's), are looked up for every one of
-- the brand's posts and every new draft.
create index mentions_in_reply on mentions (platform, in_reply_to_id);
create index drafts_published on drafts (platform, published_id);
