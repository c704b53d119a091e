package dev.larkspur.message.content;

import dev.larkspur.directory.App;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whose open_ids a custom bot's {@code <at>} tags use. Open ids differ per app and a custom bot is
 * no app, so its authors can only have taken them from one of the tenant's apps: the app that knows
 * most of them is the one the mentions are resolved as. (Inferred: the custom-bot guide asks for
 * "the user's open_id" without saying of which app.) user_id and union_id need no app.
 */
@Component
public class CustomBotMentions {
    private final AppService apps;
    private final UserService users;
    private final PostCodec post;

    CustomBotMentions(AppService apps, UserService users, JsonMapper json) {
        this.apps = apps;
        this.users = users;
        this.post = new PostCodec(json);
    }

    /** The pk of the app whose open_ids the content mentions, or {@code none} when it has none. */
    public long namingApp(String tenantKey, long tenantPk, String msgType, JsonNode content, long none) {
        List<String> ids =
                switch (msgType) {
                    case "text" -> Mentions.idsIn(content.path("text").asString(""));
                    case "post" -> post.atIds(content);
                    default -> List.of();
                };
        var openIds = ids.stream().filter(id -> id.startsWith("ou_")).distinct().toList();
        if (openIds.isEmpty()) {
            return none;
        }
        return apps.list(tenantKey).stream()
                .max(Comparator.comparingInt(
                        (App app) -> users.resolveAll(app.pk(), tenantPk, UserIdType.OPEN_ID, openIds)
                                .size()))
                .map(App::pk)
                .orElse(none);
    }
}
