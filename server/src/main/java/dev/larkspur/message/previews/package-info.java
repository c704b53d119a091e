/**
 * URL previews: the bot refreshes the previews of links shown in a chat.
 */
package dev.larkspur.message.previews;
