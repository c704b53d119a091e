/**
 * Group and p2p chats: creation, settings, members, managers, moderation, announcement, top notice,
 * tabs, menus and share links, with Feishu's permission rules. Every change appends its
 * {@code im.chat.*} events to the outbox in the same transaction.
 *
 * <p>This package is the module's public surface: the services, records and events other modules
 * use, the browser client most of all. Rules and codes that only this module uses live in
 * {@code menus}, {@code tabs}, {@code members} and {@code legacy}, controllers in {@code web} and SQL
 * in {@code internal}; {@code ModuleBoundariesTest} keeps other modules out of them.
 */
package dev.larkspur.chat;
