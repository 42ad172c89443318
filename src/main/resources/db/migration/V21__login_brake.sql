-- The brake on password guessing, in the database like the sessions: failed logins counted per
-- account and address (and per address) over every node, so a load balancer spreading one guesser
-- over several nodes gives it no more tries. Keys are SHA-256 (hex) of what they count.
create table login_failures (
    brake_key     varchar(64) not null,
    brake_window  varchar(8)  not null,             -- minute or hour: the two budgets
    failures      integer     not null,
    since         timestamp with time zone not null, -- the window's first failure
    primary key (brake_key, brake_window)
);
create table login_locks (
    brake_key     varchar(64) primary key,
    locked_until  timestamp with time zone not null
);
create index login_locks_until on login_locks (locked_until);
