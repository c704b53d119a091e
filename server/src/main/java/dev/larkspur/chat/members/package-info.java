/**
 * What adding members reports back. Adding, removing and listing members stay in the root
 * ({@link dev.larkspur.chat.ChatMembers}, {@link dev.larkspur.chat.ChatRoster}) because the browser
 * client uses them.
 */
package dev.larkspur.chat.members;
