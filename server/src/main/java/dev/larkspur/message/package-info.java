/**
 * Messages: sending and replying (with threads), editing, recalling, forwarding and merging,
 * history and single reads, the content formats per {@code msg_type} with their send-to-receive
 * conversion and mentions, read receipts, reactions, pins, urgent notices, follow-up bubbles,
 * message resources, batch sends, delayed card updates, ephemeral cards, URL previews, the
 * legacy v4 send, custom-bot posts, and the {@code im.message.*} events each change records.
 *
 * <p>This package is the module's public surface: the services, records and events other modules
 * use. The rest lives in sub-packages by feature ({@code content}, {@code cards}, {@code forward},
 * {@code batch}, {@code legacy}, {@code reactions}, {@code pins}, {@code urgent}, {@code followups},
 * {@code previews}, {@code sending}), with controllers in {@code web} and SQL in {@code internal};
 * {@code ModuleBoundariesTest} keeps other modules out of them.
 */
package dev.larkspur.message;
