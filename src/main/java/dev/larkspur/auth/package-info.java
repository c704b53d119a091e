/**
 * Access tokens: issuing app and tenant tokens from app credentials (and user tokens for operators),
 * keeping them valid across restarts, and checking every {@code /open-apis} call's token, token kind,
 * scopes and rate limit before its handler runs.
 */
package dev.larkspur.auth;
