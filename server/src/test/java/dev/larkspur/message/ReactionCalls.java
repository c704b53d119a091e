package dev.larkspur.message;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.im.v1.model.CreateMessageReactionReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReactionReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReactionResp;
import com.lark.oapi.service.im.v1.model.DeleteMessageReactionReq;
import com.lark.oapi.service.im.v1.model.DeleteMessageReactionResp;
import com.lark.oapi.service.im.v1.model.DeleteMessageReq;
import com.lark.oapi.service.im.v1.model.Emoji;
import com.lark.oapi.service.im.v1.model.ListMessageReactionReq;
import com.lark.oapi.service.im.v1.model.ListMessageReactionResp;
import dev.larkspur.support.RawHttp;
import dev.larkspur.support.Responses;
import dev.larkspur.support.TestServer;
import java.util.HashMap;
import java.util.Map;

/** The reaction calls of the official SDK, and a person reacting through the admin API. */
final class ReactionCalls {
    static final RequestOptions AS_BOT = RequestOptions.newBuilder().build();

    private ReactionCalls() {}

    static CreateMessageReactionResp add(Client client, String messageId, String emojiType) throws Exception {
        return add(client, messageId, emojiType, AS_BOT);
    }

    static CreateMessageReactionResp add(Client client, String messageId, String emojiType, RequestOptions as)
            throws Exception {
        var body = CreateMessageReactionReqBody.newBuilder();
        if (emojiType != null) {
            body.reactionType(Emoji.newBuilder().emojiType(emojiType).build());
        }
        return client.im()
                .messageReaction()
                .create(
                        CreateMessageReactionReq.newBuilder()
                                .messageId(messageId)
                                .createMessageReactionReqBody(body.build())
                                .build(),
                        as);
    }

    static ListMessageReactionResp list(Client client, String messageId) throws Exception {
        return list(client, ListMessageReactionReq.newBuilder().messageId(messageId), AS_BOT);
    }

    static ListMessageReactionResp list(Client client, ListMessageReactionReq.Builder request, RequestOptions as)
            throws Exception {
        return client.im().messageReaction().list(request.build(), as);
    }

    static DeleteMessageReactionResp delete(Client client, String messageId, String reactionId) throws Exception {
        return delete(client, messageId, reactionId, AS_BOT);
    }

    static DeleteMessageReactionResp delete(Client client, String messageId, String reactionId, RequestOptions as)
            throws Exception {
        return client.im()
                .messageReaction()
                .delete(
                        DeleteMessageReactionReq.newBuilder()
                                .messageId(messageId)
                                .reactionId(reactionId)
                                .build(),
                        as);
    }

    static void recall(Client client, String messageId) throws Exception {
        Responses.ok(client.im()
                .message()
                .delete(DeleteMessageReq.newBuilder().messageId(messageId).build()));
    }

    /** The person reacts through the operator API ({@code appId} may be null). */
    static RawHttp.Reply addAs(
            TestServer server, String tenantKey, String userId, String messageId, String emojiType, String appId) {
        var body = new HashMap<String, Object>(Map.of("message_id", messageId, "emoji_type", emojiType));
        if (appId != null) {
            body.put("app_id", appId);
        }
        return server.admin().call("POST", "/admin/v1/tenants/" + tenantKey + "/users/" + userId + "/reactions", body);
    }

    static RawHttp.Reply deleteAs(TestServer server, String tenantKey, String userId, String reactionId) {
        return server.admin()
                .call(
                        "DELETE",
                        "/admin/v1/tenants/" + tenantKey + "/users/" + userId + "/reactions/" + reactionId,
                        null);
    }
}
