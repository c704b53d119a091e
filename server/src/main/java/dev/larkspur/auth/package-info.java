/**
 * Access tokens: issuing app and tenant tokens from app credentials (and user tokens for operators),
 * keeping them valid across restarts, and checking every {@code /open-apis} call's token, token kind,
 * scopes and rate limit before its handler runs. Also Feishu's OAuth for apps: the authorize page's
 * rules ({@link dev.larkspur.auth.OAuthAuthorizations}: check a request, a person allows or denies,
 * single-use five-minute codes) and the token calls ({@link dev.larkspur.auth.OAuthTokens}: codes and
 * rotated refresh tokens exchanged for the same {@code u-} user tokens the Open API takes).
 */
package dev.larkspur.auth;
