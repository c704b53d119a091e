package dev.larkspur.directory;

import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;
import java.util.Locale;

/** The {@code user_id_type} query parameter: which of a user's three ids a request speaks. */
public enum UserIdType {
    OPEN_ID,
    UNION_ID,
    USER_ID;

    /** The query value, defaulting to {@code open_id} as every Feishu endpoint does. */
    public static UserIdType parse(String value) {
        if (value == null || value.isBlank()) {
            return OPEN_ID;
        }
        return switch (value) {
            case "open_id" -> OPEN_ID;
            case "union_id" -> UNION_ID;
            case "user_id" -> USER_ID;
            default -> throw invalid(value);
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static FeishuException invalid(String value) {
        return FeishuErrors.fieldValidation("user_id_type", value, "must be one of open_id, union_id, user_id");
    }
}
