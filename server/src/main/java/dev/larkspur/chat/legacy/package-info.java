/**
 * The deprecated v4 group APIs that older SDKs still call ({@code chat/v4/info}, {@code bot/v4/add}).
 */
package dev.larkspur.chat.legacy;
