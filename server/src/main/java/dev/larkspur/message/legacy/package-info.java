/**
 * The v4-era APIs and their own error shape: {@code message/v4/send}, its body format, people named
 * the v4 way, and ephemeral cards ({@code ephemeral/v1}).
 */
package dev.larkspur.message.legacy;
