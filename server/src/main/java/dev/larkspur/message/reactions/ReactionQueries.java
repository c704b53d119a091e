package dev.larkspur.message.reactions;

import dev.larkspur.directory.Scopes;
import dev.larkspur.directory.UserIdType;
import dev.larkspur.message.Emojis;
import dev.larkspur.message.internal.ReactionRepository;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuErrors;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.platform.PageTokens;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Listing a message's reactions, oldest first, by key (spec/message.md §3.20 "List"). */
@Service
public class ReactionQueries {
    private static final PageTokens.Refusal PAGE_TOKEN = PageTokens.Refusal.of(ReactionErrors::invalidPageToken);
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 50;
    private final ReactionRepository reactions;
    private final ReactionTargets targets;

    ReactionQueries(ReactionRepository reactions, ReactionTargets targets) {
        this.reactions = reactions;
        this.targets = targets;
    }

    /** A page of reactions, the id type people are to be shown in, and the next page's token. */
    public record ReactionPage(List<Reaction> items, UserIdType idType, boolean hasMore, String pageToken) {}

    /**
     * The reactions of one type, or all when {@code reactionType} is absent. The page token is bound
     * to the message and the type, so it cannot be replayed against another list.
     */
    @Transactional(readOnly = true)
    public ReactionPage list(
            Caller caller,
            String messageId,
            String reactionType,
            String userIdType,
            String pageToken,
            Integer pageSize) {
        int size = pageSize == null || pageSize == 0 ? DEFAULT_PAGE : pageSize;
        if (size < 1 || size > MAX_PAGE) {
            throw FeishuErrors.fieldValidation("page_size", String.valueOf(pageSize), "must be between 1 and 50");
        }
        var idType = idType(caller, userIdType);
        String type = reactionType == null || reactionType.isEmpty() ? null : reactionType;
        if (type != null && !Emojis.isKnown(type)) {
            throw ReactionErrors.invalidType();
        }
        var message = targets.byId(caller, messageId, ReactionErrors::noAccess);
        String list = message.messageId() + "|" + (type == null ? "" : type);
        var rows = reactions.page(message.pk(), type, after(pageToken, list), size + 1);
        boolean more = rows.size() > size;
        var shown = more ? rows.subList(0, size) : rows;
        String next = more ? PageTokens.encode("r", list, shown.get(size - 1).pk()) : null;
        return new ReactionPage(shown, idType, more, next);
    }

    private static UserIdType idType(Caller caller, String value) {
        UserIdType type;
        try {
            type = UserIdType.parse(value);
        } catch (FeishuException e) {
            throw ReactionErrors.invalidUserIdType();
        }
        // user_id is a field-level permission (list.md "字段权限要求").
        if (type == UserIdType.USER_ID && !caller.hasScope(Scopes.EMPLOYEE_ID_READ)) {
            throw FeishuErrors.scopeRequired(List.of(Scopes.EMPLOYEE_ID_READ));
        }
        return type;
    }

    private static long after(String pageToken, String list) {
        return PageTokens.decode(pageToken, "r", list, new long[] {0}, PAGE_TOKEN)[0];
    }
}
