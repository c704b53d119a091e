package dev.larkspur.message.pins;

import dev.larkspur.message.Operator;

/** A pinned message, with the public ids of the message and its chat. */
public record MessagePin(long messagePk, String messageId, String chatId, Operator operator, long createdAt) {}
