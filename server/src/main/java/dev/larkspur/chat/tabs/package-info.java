/**
 * The rules of chat tabs (which are editable, limits, order) and their codes; the service is
 * {@link dev.larkspur.chat.ChatTabs}.
 */
package dev.larkspur.chat.tabs;
