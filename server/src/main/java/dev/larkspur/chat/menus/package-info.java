/**
 * The rules of chat menus (two levels, limits, what a patch may change) and their codes; the service
 * is {@link dev.larkspur.chat.ChatMenus}.
 */
package dev.larkspur.chat.menus;
