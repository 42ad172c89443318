-- Console sessions, in the database so that every node knows every login: any load balancer works,
-- without sticky sessions, and a restart no longer signs everyone out. The session id itself is never
-- stored, only its SHA-256 (hex): a read of this table gives nobody a working cookie.
create table console_sessions (
    id_hash     varchar(64) primary key,
    username    varchar(64) not null references users (username) on delete cascade,
    role        varchar(16) not null,
    csrf_token  varchar(64) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index console_sessions_expiry on console_sessions (expires_at);
