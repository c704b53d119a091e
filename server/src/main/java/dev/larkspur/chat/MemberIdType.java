package dev.larkspur.chat;

import dev.larkspur.directory.UserIdType;

/**
 * {@code user_id_type} / {@code member_id_type} on chat endpoints: a user id kind, or {@code app_id}
 * for bots. A value Feishu does not know is 232015.
 */
public record MemberIdType(UserIdType userIdType, boolean appId) {
    public static MemberIdType parse(String value, boolean appIdAllowed) {
        if (value == null || value.isBlank() || value.equals("open_id")) {
            return new MemberIdType(UserIdType.OPEN_ID, false);
        }
        return switch (value) {
            case "union_id" -> new MemberIdType(UserIdType.UNION_ID, false);
            case "user_id" -> new MemberIdType(UserIdType.USER_ID, false);
            case "app_id" -> {
                if (!appIdAllowed) {
                    throw ChatErrors.badIdType();
                }
                yield new MemberIdType(UserIdType.OPEN_ID, true);
            }
            default -> throw ChatErrors.badIdType();
        };
    }

    public static UserIdType userIds(String value) {
        return parse(value, false).userIdType();
    }

    public String wireName() {
        return appId ? "app_id" : userIdType.wireName();
    }
}
