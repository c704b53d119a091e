/**
 * Messages: sending and replying (with threads), editing, recalling, history and single reads, the
 * content formats per {@code msg_type} with their send-to-receive conversion and mentions, and the
 * {@code im.message.*} events each change records.
 */
package dev.larkspur.message;
