package dev.larkspur.message;

import static dev.larkspur.support.Responses.ok;

import com.lark.oapi.Client;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.DeleteMessageReq;
import com.lark.oapi.service.im.v1.model.ForwardMessageReq;
import com.lark.oapi.service.im.v1.model.ForwardMessageReqBody;
import com.lark.oapi.service.im.v1.model.ForwardMessageResp;
import com.lark.oapi.service.im.v1.model.ForwardThreadReq;
import com.lark.oapi.service.im.v1.model.ForwardThreadReqBody;
import com.lark.oapi.service.im.v1.model.ForwardThreadResp;
import com.lark.oapi.service.im.v1.model.GetMessageReq;
import com.lark.oapi.service.im.v1.model.MergeForwardMessageReq;
import com.lark.oapi.service.im.v1.model.MergeForwardMessageReqBody;
import com.lark.oapi.service.im.v1.model.MergeForwardMessageResp;
import com.lark.oapi.service.im.v1.model.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The forwarding calls of spec/message.md §3.6–3.8 through the official SDK, as tests repeat them. */
final class ForwardCalls {
    static final String MERGE_CONTENT = "{\"content\":\"Merged and Forwarded Message\"}";

    private ForwardCalls() {}

    static ForwardMessageResp forward(Client as, String messageId, String receiveIdType, String receiveId)
            throws Exception {
        return forward(as, messageId, receiveIdType, receiveId, null);
    }

    static ForwardMessageResp forward(Client as, String messageId, String receiveIdType, String receiveId, String uuid)
            throws Exception {
        return as.im()
                .message()
                .forward(ForwardMessageReq.newBuilder()
                        .messageId(messageId)
                        .receiveIdType(receiveIdType)
                        .uuid(uuid)
                        .forwardMessageReqBody(ForwardMessageReqBody.newBuilder()
                                .receiveId(receiveId)
                                .build())
                        .build());
    }

    static MergeForwardMessageResp merge(Client as, String receiveIdType, String receiveId, String... messageIds)
            throws Exception {
        return mergeWithUuid(as, receiveIdType, receiveId, null, messageIds);
    }

    static MergeForwardMessageResp mergeWithUuid(
            Client as, String receiveIdType, String receiveId, String uuid, String... messageIds) throws Exception {
        return as.im()
                .message()
                .mergeForward(MergeForwardMessageReq.newBuilder()
                        .receiveIdType(receiveIdType)
                        .uuid(uuid)
                        .mergeForwardMessageReqBody(MergeForwardMessageReqBody.newBuilder()
                                .receiveId(receiveId)
                                .messageIdList(messageIds)
                                .build())
                        .build());
    }

    static ForwardThreadResp forwardThread(Client as, String threadId, String receiveIdType, String receiveId)
            throws Exception {
        return as.im()
                .thread()
                .forward(ForwardThreadReq.newBuilder()
                        .threadId(threadId)
                        .receiveIdType(receiveIdType)
                        .forwardThreadReqBody(ForwardThreadReqBody.newBuilder()
                                .receiveId(receiveId)
                                .build())
                        .build());
    }

    /** A group chat created by {@code owner}'s bot, which the main bot of a test is not in. */
    static String chatOf(Client owner) throws Exception {
        return ok(owner.im()
                        .chat()
                        .create(CreateChatReq.newBuilder()
                                .createChatReqBody(CreateChatReqBody.newBuilder()
                                        .name("Elsewhere")
                                        .build())
                                .build()))
                .getData()
                .getChatId();
    }

    /** Every item GET answers for the message: itself, then any sub-messages. */
    static List<Message> items(Client as, String messageId) throws Exception {
        return List.of(ok(as.im()
                        .message()
                        .get(GetMessageReq.newBuilder().messageId(messageId).build()))
                .getData()
                .getItems());
    }

    static void recall(Client as, String messageId) throws Exception {
        ok(as.im()
                .message()
                .delete(DeleteMessageReq.newBuilder().messageId(messageId).build()));
    }

    /** The response body exactly as the server sent it. */
    static JsonNode raw(BaseResponse<?> response) {
        return MessageFixtures.parse(new String(response.getRawResponse().getBody(), StandardCharsets.UTF_8));
    }
}
