-- People's sign-in passwords for the web client (issue 11), bcrypt-hashed: one row per person
-- who has one. Kept out of directory_user so that no user query ever carries a hash.
create table user_password (
    user_id     bigint       primary key references directory_user (id) on delete cascade,
    hash        varchar(100) not null,
    updated_at  bigint       not null
);

-- Sign-in names a person by email alone, before any tenant is known.
create index directory_user_email_any_tenant on directory_user (email);
