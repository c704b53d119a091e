package dev.larkspur.message.sending;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Feishu's business limits on batch sends, ephemeral cards and URL previews (spec/message.md §1.6).
 * They are counted in the database over a sliding window, so every instance sees the same count;
 * tests set small values to reach them without racing the clock.
 *
 * @param ephemeralPerChat ephemeral cards one group takes per {@code ephemeralWindow} (40 a second)
 * @param batchPerDay messages one app posts by batch_send in 24 hours (500,000)
 * @param urlPreviewInterval how often one preview token may be refreshed (once in 5 seconds)
 */
@ConfigurationProperties("larkspur.message-limits")
public record MessageLimits(
        @DefaultValue("40") int ephemeralPerChat,
        @DefaultValue("1s") Duration ephemeralWindow,
        @DefaultValue("500000") int batchPerDay,
        @DefaultValue("5s") Duration urlPreviewInterval) {}
