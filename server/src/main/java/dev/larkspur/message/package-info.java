/**
 * Messages: sending and replying (with threads), editing, recalling, forwarding and merging,
 * history and single reads, the content formats per {@code msg_type} with their send-to-receive
 * conversion and mentions, read receipts, reactions, pins, urgent notices, follow-up bubbles,
 * message resources, batch sends, delayed card updates, ephemeral cards, URL previews, the
 * legacy v4 send, custom-bot posts, and the {@code im.message.*} events each change records.
 */
package dev.larkspur.message;
