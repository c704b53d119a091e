/**
 * Follow-up bubbles under a bot's latest message in its p2p chat with a person.
 */
package dev.larkspur.message.followups;
