package dev.larkspur.message;

/** One {@code @} in a message: its placeholder key ({@code @_user_1}) and who it names. */
public record Mention(String key, Long userPk, Long appPk, String name) {}
