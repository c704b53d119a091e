package dev.larkspur.webhook;

import dev.larkspur.chat.ChatQueries;
import dev.larkspur.directory.Tenant;
import dev.larkspur.directory.TenantService;
import dev.larkspur.platform.Ids;
import dev.larkspur.webhook.internal.CustomBotRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding, listing and removing a group's custom bots, as a group member does in the Feishu client
 * (here through the operator API). A custom bot belongs to exactly one group chat.
 */
@Service
public class CustomBots {
    private final CustomBotRepository bots;
    private final ChatQueries chats;
    private final TenantService tenants;
    private final HookRateLimiter limiter;
    private final Clock clock;

    CustomBots(
            CustomBotRepository bots, ChatQueries chats, TenantService tenants, HookRateLimiter limiter, Clock clock) {
        this.bots = bots;
        this.chats = chats;
        this.tenants = tenants;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * A new custom bot in the group: a random hook token (a UUID, as in Feishu's hook URLs) and,
     * when asked for, a signing secret.
     */
    @Transactional
    public CustomBot create(String chatId, NewCustomBot spec) {
        var chat = chats.find(chatId).orElseThrow(() -> WebhookErrors.notFound("chat " + chatId));
        if (chat.isP2p()) {
            throw WebhookErrors.invalid("custom bots can only be added to group chats");
        }
        if (chat.isDissolved()) {
            throw WebhookErrors.invalid("chat " + chatId + " is dissolved");
        }
        // Operators add bots rarely and tenants are few, so a scan beats a lookup by row key.
        String tenantKey = tenants.list().stream()
                .filter(t -> t.pk() == chat.tenantPk())
                .map(Tenant::tenantKey)
                .findFirst()
                .orElseThrow();
        return bots.insert(new CustomBotRepository.NewRow(
                Ids.appId(),
                chatId,
                tenantKey,
                spec.name().strip(),
                UUID.randomUUID().toString(),
                spec.secretEnabled() ? Ids.secret() : null,
                spec.keywords().values(),
                spec.ipAllowList().entries(),
                clock.millis()));
    }

    @Transactional(readOnly = true)
    public List<CustomBot> ofChat(String chatId) {
        chats.find(chatId).orElseThrow(() -> WebhookErrors.notFound("chat " + chatId));
        return bots.ofChat(chatId);
    }

    /**
     * A new signing secret, which the answer alone shows (lists never do); the old one stops
     * working at once. A bot without signatures gets them, as when a member turns them on.
     */
    @Transactional
    public CustomBot resetSecret(String botId) {
        return bots.resetSecret(botId, Ids.secret()).orElseThrow(() -> WebhookErrors.notFound("custom bot " + botId));
    }

    /** Removes the bot: its hook stops working; the messages it posted stay. */
    @Transactional
    public void delete(String botId) {
        if (!bots.delete(botId)) {
            throw WebhookErrors.notFound("custom bot " + botId);
        }
        limiter.forget(botId);
    }
}
