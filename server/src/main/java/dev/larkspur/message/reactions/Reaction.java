package dev.larkspur.message.reactions;

import dev.larkspur.message.Operator;

/** An emoji reaction on a message; {@code reactionId} is its public, opaque id. */
public record Reaction(
        long pk, String reactionId, long messagePk, String emojiType, Operator operator, long actionTime) {}
