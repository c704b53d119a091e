/**
 * The operator console at {@code /console}: signing in with the admin token, and the screens that
 * run Larkspur from a browser (sub-packages by screen). It calls the same services as the admin
 * REST API and owns no SQL and no rule of its own; sessions and CSRF are web.session's.
 */
package dev.larkspur.web.console;
