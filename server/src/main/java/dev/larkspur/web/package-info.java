/**
 * The browser client: people sign in (email and password, a session cookie, CSRF tokens) and then
 * act as themselves through the other modules' public services, so that everything they do is the
 * same write, with the same events for bots, as the Open API's. Server-rendered pages (Thymeleaf)
 * with htmx from WebJars; no SQL and no rule of its own live here.
 */
package dev.larkspur.web;
