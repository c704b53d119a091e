/**
 * Forwarding a message or a thread, merge forwarding, and the sub-messages a merge keeps as copies.
 */
package dev.larkspur.message.forward;
