/**
 * Message bodies per {@code msg_type}: validation with Feishu's 230001 details, conversion to the
 * receive format, {@code <at>} mentions, rich text, cards, and the media keys a body names.
 */
package dev.larkspur.message.content;
