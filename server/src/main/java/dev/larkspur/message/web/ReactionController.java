package dev.larkspur.message.web;

import dev.larkspur.message.MessageReactions;
import dev.larkspur.message.ReactionPresenter;
import dev.larkspur.message.ReactionView;
import dev.larkspur.message.reactions.ReactionQueries;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.TokenType;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /open-apis/im/v1/messages/:message_id/reactions}: add, list, delete (spec/message.md §3.20). */
@RestController
@RequestMapping("/open-apis/im/v1/messages/{message_id}/reactions")
class ReactionController {
    private static final String MESSAGE = "im:message";
    private static final String WRITE = "im:message.reactions:write_only";

    private final MessageReactions reactions;
    private final ReactionQueries queries;
    private final ReactionPresenter presenter;

    ReactionController(MessageReactions reactions, ReactionQueries queries, ReactionPresenter presenter) {
        this.reactions = reactions;
        this.queries = queries;
        this.presenter = presenter;
    }

    record ReactionType(String emojiType) {}

    record AddBody(ReactionType reactionType) {}

    record Page(List<ReactionView> items, boolean hasMore, String pageToken) {}

    @PostMapping
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {MESSAGE, WRITE})
    ApiResponse<ReactionView> add(
            Caller caller, @PathVariable("message_id") String messageId, @RequestBody(required = false) AddBody body) {
        String emojiType = body == null || body.reactionType() == null
                ? null
                : body.reactionType().emojiType();
        return ApiResponse.success(presenter.one(caller, reactions.add(caller, messageId, emojiType)));
    }

    @GetMapping
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {"im:message.reactions:read", "im:message:readonly"})
    ApiResponse<Page> list(
            Caller caller,
            @PathVariable("message_id") String messageId,
            @RequestParam(name = "reaction_type", required = false) String reactionType,
            @RequestParam(name = "user_id_type", required = false) String userIdType,
            @RequestParam(name = "page_token", required = false) String pageToken,
            @RequestParam(name = "page_size", required = false) Integer pageSize) {
        var page = queries.list(caller, messageId, reactionType, userIdType, pageToken, pageSize);
        return ApiResponse.success(
                new Page(presenter.render(caller, page.items(), page.idType()), page.hasMore(), page.pageToken()));
    }

    @DeleteMapping("/{reaction_id}")
    @ApiAccess(
            tokens = {TokenType.TENANT, TokenType.USER},
            scopes = {MESSAGE, WRITE})
    ApiResponse<ReactionView> delete(
            Caller caller,
            @PathVariable("message_id") String messageId,
            @PathVariable("reaction_id") String reactionId) {
        return ApiResponse.success(presenter.one(caller, reactions.remove(caller, messageId, reactionId)));
    }
}
