package dev.larkspur.message;

/** A reaction as the reaction endpoints answer it (spec/message.md §3.20). */
public record ReactionView(String reactionId, OperatorView operator, String actionTime, Emoji reactionType) {

    /** {@code operator_type} {@code app} (id: app_id) or {@code user} (id in the requested type). */
    public record OperatorView(String operatorId, String operatorType) {}

    public record Emoji(String emojiType) {}
}
