package dev.larkspur.message.previews;

import dev.larkspur.directory.User;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.directory.UserService;
import dev.larkspur.message.MessageErrors;
import dev.larkspur.message.internal.UrlPreviewRepository;
import dev.larkspur.message.sending.MessageLimits;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * URL previews (spec/message.md §3.22). The link-preview pull callback issues a preview token for a
 * URL shown in a chat; the app's bot then asks for fresh previews of up to ten tokens, for some
 * people or for everyone in the chat. Larkspur records each refresh for clients to act on. One token
 * takes one refresh every five seconds.
 */
@Service
public class UrlPreviews {
    static final int MAX_TOKENS = 10;
    static final int MAX_OPEN_IDS = 100;

    private final UrlPreviewRepository previews;
    private final UserService users;
    private final MessageLimits limits;
    private final JsonMapper json;
    private final Clock clock;

    UrlPreviews(UrlPreviewRepository previews, UserService users, MessageLimits limits, JsonMapper json, Clock clock) {
        this.previews = previews;
        this.users = users;
        this.limits = limits;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A new preview token for a URL that app {@code appPk} previews in chat {@code chatPk} (null when
     * not shown in a chat), in the UUID shape of Feishu's examples.
     */
    @Transactional
    public String issue(long appPk, Long chatPk) {
        String token = UUID.randomUUID().toString();
        previews.insert(token, appPk, chatPk, clock.millis());
        return token;
    }

    /** Records a refresh of each token for the people named, or for everyone when none are. */
    @Transactional
    public void refresh(Caller caller, List<String> previewTokens, List<String> openIds) {
        var tokens = new LinkedHashSet<>(previewTokens == null ? List.of() : previewTokens);
        tokens.remove(null);
        if (tokens.isEmpty() || tokens.size() > MAX_TOKENS) {
            throw invalid("preview_tokens", "1 to 10 preview tokens are required");
        }
        var ids = new LinkedHashSet<>(openIds == null ? List.of() : openIds);
        ids.remove(null);
        if (ids.size() > MAX_OPEN_IDS) {
            throw invalid("open_ids", "at most 100 open_ids are allowed");
        }
        for (String token : tokens) {
            var preview = previews.find(token).filter(p -> p.appPk() == caller.appPk());
            if (preview.isEmpty()) {
                throw invalid("preview_tokens", "unknown preview token " + token);
            }
        }
        var found = users.resolveAll(caller.appPk(), caller.tenantPk(), UserIdType.OPEN_ID, ids);
        for (String id : ids) {
            if (!found.containsKey(id)) {
                throw invalid("open_ids", "unknown open_id " + id);
            }
        }
        String people = ids.isEmpty()
                ? null
                : json.writeValueAsString(
                        found.values().stream().map(User::pk).distinct().toList());
        long now = clock.millis();
        for (String token : tokens) {
            if (!previews.markRefreshed(token, now, limits.urlPreviewInterval().toMillis())) {
                throw MessageErrors.rateLimited();
            }
            previews.addRefresh(token, people, now);
        }
    }

    /** The documented answer for every parameter error, with the field at fault in the details. */
    private static FeishuException invalid(String field, String description) {
        return new FeishuException(
                230001,
                "param is invalid",
                400,
                List.of(),
                List.of(new FeishuException.FieldViolation(field, "", description)));
    }
}
