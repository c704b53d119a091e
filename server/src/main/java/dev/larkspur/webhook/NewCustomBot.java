package dev.larkspur.webhook;

import java.util.List;

/**
 * What an operator asks for when adding a custom bot to a group: a name, and any of the three
 * security settings Feishu offers (signature, keywords, IP allow-list). Validates itself.
 */
public record NewCustomBot(String name, boolean secretEnabled, Keywords keywords, IpAllowList ipAllowList) {
    static final int MAX_NAME = 255;

    public NewCustomBot {
        if (name == null || name.isBlank()) {
            throw WebhookErrors.invalid("name is required");
        }
        if (name.length() > MAX_NAME) {
            throw WebhookErrors.invalid("name is longer than " + MAX_NAME + " characters");
        }
    }

    public static NewCustomBot of(String name, Boolean secretEnabled, List<String> keywords, List<String> ipAllowList) {
        return new NewCustomBot(
                name, Boolean.TRUE.equals(secretEnabled), Keywords.of(keywords), IpAllowList.of(ipAllowList));
    }
}
