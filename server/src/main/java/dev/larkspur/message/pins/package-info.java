/**
 * Pins as stored and as answered. Pinning and listing is {@link dev.larkspur.message.MessagePins}.
 */
package dev.larkspur.message.pins;
