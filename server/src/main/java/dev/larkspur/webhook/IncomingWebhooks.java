package dev.larkspur.webhook;

import dev.larkspur.chat.ChatQueries;
import dev.larkspur.message.CustomBotPosts;
import dev.larkspur.message.Message;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.webhook.internal.CustomBotRepository;
import java.time.Clock;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A post to a custom bot's hook (spec/message.md §3.24). The token names the bot; its IP allow-list
 * and its signature guard it; the body must be a message a custom bot can send, containing a keyword
 * when the bot has keywords. Only a post that passes all of these spends the bot's rate budget, so
 * that someone holding the hook URL without the secret cannot use it up and silence the bot (issue
 * 13); a post the message rules then refuse gives its share back.
 */
@Service
public class IncomingWebhooks {
    private final CustomBotRepository bots;
    private final ChatQueries chats;
    private final HookRateLimiter limiter;
    private final CustomBotPosts posts;
    private final JsonMapper json;
    private final Clock clock;

    IncomingWebhooks(
            CustomBotRepository bots,
            ChatQueries chats,
            HookRateLimiter limiter,
            CustomBotPosts posts,
            JsonMapper json,
            Clock clock) {
        this.bots = bots;
        this.chats = chats;
        this.limiter = limiter;
        this.posts = posts;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Posts the body into the bot's group; {@code clientAddress} is the address the request came
     * from, as the servlet container sees it (behind a proxy, enable forwarded headers).
     */
    public Message receive(String hookToken, String clientAddress, byte[] body) {
        var bot = bots.findByToken(hookToken).orElseThrow(WebhookErrors::tokenInvalid);
        var chat = chats.find(bot.chatId()).filter(c -> !c.isDissolved()).orElseThrow(WebhookErrors::tokenInvalid);
        if (!bot.ipAllowList().allows(clientAddress)) {
            throw WebhookErrors.ipNotAllowed();
        }
        var hook = HookBody.parse(body, json);
        if (bot.signed() && !HookSignature.verify(bot.secret(), hook.timestamp(), hook.sign(), clock.instant())) {
            throw WebhookErrors.signMatchFail();
        }
        String msgType = hook.requireMsgType();
        var content = hook.imContent();
        if (!bot.keywords().foundIn(content)) {
            throw WebhookErrors.keyWordsNotFound();
        }
        if (!limiter.tryPost(bot.botId())) {
            throw WebhookErrors.frequencyLimited();
        }
        try {
            return posts.post(new CustomBotPosts.Poster(bot.botId(), chat, bot.tenantKey()), msgType, content);
        } catch (FeishuException refused) {
            limiter.giveBack(bot.botId());
            // The im/v1 validation speaks in 230xxx codes; a hook answers every content problem
            // with 9499 and keeps the detail.
            throw WebhookErrors.badContent(refused.getMessage());
        }
    }
}
