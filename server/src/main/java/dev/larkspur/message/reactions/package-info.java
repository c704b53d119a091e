/**
 * Reactions: the record, who may react to which message, listing, and the reaction endpoints'
 * own codes. Adding and removing them is {@link dev.larkspur.message.MessageReactions}.
 */
package dev.larkspur.message.reactions;
