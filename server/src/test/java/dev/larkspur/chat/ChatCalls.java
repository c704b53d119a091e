package dev.larkspur.chat;

import static dev.larkspur.support.Responses.ok;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.im.v1.model.AddManagersChatManagersReq;
import com.lark.oapi.service.im.v1.model.AddManagersChatManagersReqBody;
import com.lark.oapi.service.im.v1.model.AddManagersChatManagersResp;
import com.lark.oapi.service.im.v1.model.CreateChatMembersReq;
import com.lark.oapi.service.im.v1.model.CreateChatMembersReqBody;
import com.lark.oapi.service.im.v1.model.CreateChatMembersResp;
import com.lark.oapi.service.im.v1.model.DeleteChatMembersReq;
import com.lark.oapi.service.im.v1.model.DeleteChatMembersReqBody;
import com.lark.oapi.service.im.v1.model.DeleteChatMembersResp;
import com.lark.oapi.service.im.v1.model.DeleteChatReq;
import com.lark.oapi.service.im.v1.model.DeleteChatResp;
import com.lark.oapi.service.im.v1.model.DeleteManagersChatManagersReq;
import com.lark.oapi.service.im.v1.model.DeleteManagersChatManagersReqBody;
import com.lark.oapi.service.im.v1.model.DeleteManagersChatManagersResp;
import com.lark.oapi.service.im.v1.model.GetChatMembersReq;
import com.lark.oapi.service.im.v1.model.GetChatMembersResp;
import com.lark.oapi.service.im.v1.model.GetChatReq;
import com.lark.oapi.service.im.v1.model.GetChatResp;
import com.lark.oapi.service.im.v1.model.IsInChatChatMembersReq;
import com.lark.oapi.service.im.v1.model.ListMember;
import com.lark.oapi.service.im.v1.model.MeJoinChatMembersReq;
import com.lark.oapi.service.im.v1.model.MeJoinChatMembersResp;
import com.lark.oapi.service.im.v1.model.UpdateChatReq;
import com.lark.oapi.service.im.v1.model.UpdateChatReqBody;
import com.lark.oapi.service.im.v1.model.UpdateChatResp;
import java.util.Arrays;
import java.util.List;

/**
 * The SDK's typed chat calls in one line each. {@code as} is a user's request options, or null to
 * call as the client's bot; {@code memberIdType} null leaves the server default.
 */
final class ChatCalls {
    private ChatCalls() {}

    static GetChatResp get(Client client, String chatId) throws Exception {
        return client.im().chat().get(GetChatReq.newBuilder().chatId(chatId).build());
    }

    static UpdateChatResp update(Client client, String chatId, UpdateChatReqBody body, RequestOptions as)
            throws Exception {
        var req = UpdateChatReq.newBuilder()
                .chatId(chatId)
                .updateChatReqBody(body)
                .build();
        return as == null ? client.im().chat().update(req) : client.im().chat().update(req, as);
    }

    static DeleteChatResp disband(Client client, String chatId, RequestOptions as) throws Exception {
        var req = DeleteChatReq.newBuilder().chatId(chatId).build();
        return as == null ? client.im().chat().delete(req) : client.im().chat().delete(req, as);
    }

    static CreateChatMembersResp add(
            Client client, String chatId, String memberIdType, Integer succeedType, String[] ids, RequestOptions as)
            throws Exception {
        var req = CreateChatMembersReq.newBuilder()
                .chatId(chatId)
                .memberIdType(memberIdType)
                .succeedType(succeedType)
                .createChatMembersReqBody(
                        CreateChatMembersReqBody.newBuilder().idList(ids).build())
                .build();
        return as == null
                ? client.im().chatMembers().create(req)
                : client.im().chatMembers().create(req, as);
    }

    static DeleteChatMembersResp remove(
            Client client, String chatId, String memberIdType, String[] ids, RequestOptions as) throws Exception {
        var req = DeleteChatMembersReq.newBuilder()
                .chatId(chatId)
                .memberIdType(memberIdType)
                .deleteChatMembersReqBody(
                        DeleteChatMembersReqBody.newBuilder().idList(ids).build())
                .build();
        return as == null
                ? client.im().chatMembers().delete(req)
                : client.im().chatMembers().delete(req, as);
    }

    /** One page of 20 members. */
    static GetChatMembersResp members(Client client, String chatId, String memberIdType, String pageToken)
            throws Exception {
        return client.im()
                .chatMembers()
                .get(GetChatMembersReq.newBuilder()
                        .chatId(chatId)
                        .memberIdType(memberIdType)
                        .pageSize(20)
                        .pageToken(pageToken)
                        .build());
    }

    /** The open_ids on the first page of members, in the order listed. */
    static List<String> memberIds(Client client, String chatId) throws Exception {
        var items = ok(members(client, chatId, null, null)).getData().getItems();
        return Arrays.stream(items).map(ListMember::getMemberId).toList();
    }

    static boolean isInChat(Client client, String chatId, RequestOptions as) throws Exception {
        var req = IsInChatChatMembersReq.newBuilder().chatId(chatId).build();
        var resp = as == null
                ? client.im().chatMembers().isInChat(req)
                : client.im().chatMembers().isInChat(req, as);
        return ok(resp).getData().getIsInChat();
    }

    static MeJoinChatMembersResp meJoin(Client client, String chatId, RequestOptions as) throws Exception {
        var req = MeJoinChatMembersReq.newBuilder().chatId(chatId).build();
        return as == null
                ? client.im().chatMembers().meJoin(req)
                : client.im().chatMembers().meJoin(req, as);
    }

    static AddManagersChatManagersResp addManagers(
            Client client, String chatId, String memberIdType, String[] ids, RequestOptions as) throws Exception {
        var req = AddManagersChatManagersReq.newBuilder()
                .chatId(chatId)
                .memberIdType(memberIdType)
                .addManagersChatManagersReqBody(AddManagersChatManagersReqBody.newBuilder()
                        .managerIds(ids)
                        .build())
                .build();
        return as == null
                ? client.im().chatManagers().addManagers(req)
                : client.im().chatManagers().addManagers(req, as);
    }

    static DeleteManagersChatManagersResp deleteManagers(
            Client client, String chatId, String memberIdType, String[] ids, RequestOptions as) throws Exception {
        var req = DeleteManagersChatManagersReq.newBuilder()
                .chatId(chatId)
                .memberIdType(memberIdType)
                .deleteManagersChatManagersReqBody(DeleteManagersChatManagersReqBody.newBuilder()
                        .managerIds(ids)
                        .build())
                .build();
        return as == null
                ? client.im().chatManagers().deleteManagers(req)
                : client.im().chatManagers().deleteManagers(req, as);
    }
}
