-- Feishu's OAuth for apps (issue 11; spec/protocols.md §2.6, §2.7).

-- The redirect URIs registered on an app ("安全设置 > 重定向 URL"): the authorize page sends a
-- person's browser, with a code, only to one of these, compared as exact strings.
create table app_redirect_uri (
    app_id        bigint        not null references app (id) on delete cascade,
    redirect_uri  varchar(1024) not null,
    created_at    bigint        not null,
    primary key (app_id, redirect_uri)
);

-- Authorization codes: single-use, five minutes, bound to the app, the person, the redirect URI,
-- the scopes granted and the state. Only a SHA-256 of the code is kept, so a database read cannot
-- redeem one. used_at is set once, by a conditional update, so two redemptions cannot both win.
create table oauth_code (
    code_hash              varchar(64)   primary key,
    app_id                 bigint        not null references app (id) on delete cascade,
    user_id                bigint        not null references directory_user (id) on delete cascade,
    redirect_uri           varchar(1024) not null,
    scope                  varchar(4000) not null,
    state                  varchar(1024),
    code_challenge         varchar(128),
    code_challenge_method  varchar(8),
    issued_at              bigint        not null,
    expires_at             bigint        not null,
    used_at                bigint
);
create index oauth_code_expiry on oauth_code (expires_at);

-- Refresh tokens: single-use and rotated (each refresh answers a new one), kept as SHA-256 like codes.
create table oauth_refresh_token (
    token_hash  varchar(64)   primary key,
    app_id      bigint        not null references app (id) on delete cascade,
    user_id     bigint        not null references directory_user (id) on delete cascade,
    scope       varchar(4000) not null,
    issued_at   bigint        not null,
    expires_at  bigint        not null,
    used_at     bigint
);
create index oauth_refresh_token_expiry on oauth_refresh_token (expires_at);

-- What each person has granted each app: Feishu's grants accumulate, and every new token carries
-- all the scopes the person ever granted the app (obtain-oauth-code: "用户授予应用的权限是累积的").
create table oauth_grant (
    app_id      bigint       not null references app (id) on delete cascade,
    user_id     bigint       not null references directory_user (id) on delete cascade,
    scope       varchar(128) not null,
    granted_at  bigint       not null,
    primary key (app_id, user_id, scope)
);

-- The demo tenant's bot (created by DemoTenant on an empty database) gets the demo redirect URI, so
-- that a server made by an earlier version offers it too.
insert into app_redirect_uri (app_id, redirect_uri, created_at)
select a.id, 'http://localhost:8080/oauth-demo/callback', a.created_at
from app a join tenant t on t.id = a.tenant_id
where t.tenant_key = 'd3m0d3m0d3m0d3m0' and a.name = 'Demo Bot';
