-- Comments hidden on their platform (the rules' `hide` action, or an agent), never deleted: whether
-- the comment is hidden now, why, who or which rule asked and when, and the platform's error when
-- the last attempt failed (the comment then stays as it was).
alter table mentions add column hidden boolean default false not null;
alter table mentions add column hidden_reason text;
alter table mentions add column hidden_by varchar(64);
alter table mentions add column hidden_at timestamp with time zone;
alter table mentions add column hide_error text;
