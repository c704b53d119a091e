/**
 * Custom bots: webhooks that post into one group chat without an app or an access token
 * (spec/message.md §3.24). Owns their settings (signing secret, keywords, IP allow-list), the
 * {@code POST /open-apis/bot/v2/hook/:token} endpoint with its own response shape and codes, and the
 * per-bot rate limit; the message itself is stored by the message module as the custom bot's.
 */
package dev.larkspur.webhook;
