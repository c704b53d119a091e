/**
 * Group and p2p chats: creation, settings, members, managers, moderation, announcement, top notice,
 * tabs, menus and share links, with Feishu's permission rules. Every change appends its
 * {@code im.chat.*} events to the outbox in the same transaction.
 */
package dev.larkspur.chat;
