package dev.larkspur.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Custom-bot settings ({@code larkspur.custom-bots.*}, or {@code LARKSPUR_CUSTOMBOTS_RATELIMIT_*} in
 * the environment). Feishu limits each custom bot to 100 posts a minute and 5 a second
 * (spec/message.md §1.6).
 */
@ConfigurationProperties("larkspur.custom-bots")
public record CustomBotProperties(@DefaultValue RateLimit rateLimit) {

    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5") int perSecond,
            @DefaultValue("100") int perMinute) {}
}
