-- A user access token from Feishu's OAuth carries the scopes the person granted the app, not all
-- the app's: a space-separated list, checked against the app's scopes on every call. Null for the
-- tokens the admin API and the web client mint, which act with the app's scopes (issue 11).
alter table access_token add column scope varchar(4000);
