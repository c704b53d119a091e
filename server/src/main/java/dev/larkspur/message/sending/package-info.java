/**
 * Send limits: Feishu's per-chat message rate and the business limits counted in the database.
 */
package dev.larkspur.message.sending;
