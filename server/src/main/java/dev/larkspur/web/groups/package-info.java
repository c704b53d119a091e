/**
 * Groups in the browser client: creating a group, the group panel (members, managers, settings,
 * announcement, top notice, tabs, menus, share link, leaving, disbanding) and joining by a share
 * link. Every action goes as the person through the chat module's services, the same ones the Open
 * API's {@code im/v1/chats} endpoints use, so the same rules refuse and the same events are sent.
 */
package dev.larkspur.web.groups;
