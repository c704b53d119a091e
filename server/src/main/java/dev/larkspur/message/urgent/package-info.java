/**
 * Urgent notifications (in app, SMS, phone) about a bot's own message, and who they reach.
 */
package dev.larkspur.message.urgent;
