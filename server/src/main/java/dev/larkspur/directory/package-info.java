/**
 * Who exists: tenants, apps (credentials, scopes, bot ability), users with their per-tenant
 * {@code user_id}, developer-wide {@code union_id} and per-app {@code open_id}, and departments.
 * Also the contact lookups and bot info that bots call to find people and themselves.
 */
package dev.larkspur.directory;
