package dev.larkspur.chat;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.ChatMenuItemRedirectLink;
import com.lark.oapi.service.im.v1.model.ChatMenuSecondLevel;
import com.lark.oapi.service.im.v1.model.ChatMenuTopLevel;
import com.lark.oapi.service.im.v1.model.ChatMenuTree;
import com.lark.oapi.service.im.v1.model.CreateChatMenuTreeReq;
import com.lark.oapi.service.im.v1.model.CreateChatMenuTreeReqBody;
import com.lark.oapi.service.im.v1.model.CreateChatMenuTreeResp;
import com.lark.oapi.service.im.v1.model.DeleteChatMenuTreeReq;
import com.lark.oapi.service.im.v1.model.DeleteChatMenuTreeReqBody;
import com.lark.oapi.service.im.v1.model.DeleteChatMenuTreeResp;
import com.lark.oapi.service.im.v1.model.GetChatMenuTreeReq;
import com.lark.oapi.service.im.v1.model.GetChatMenuTreeResp;
import com.lark.oapi.service.im.v1.model.PatchChatMenuItemReq;
import com.lark.oapi.service.im.v1.model.PatchChatMenuItemReqBody;
import com.lark.oapi.service.im.v1.model.PatchChatMenuItemResp;
import com.lark.oapi.service.im.v1.model.SortChatMenuTreeReq;
import com.lark.oapi.service.im.v1.model.SortChatMenuTreeReqBody;
import com.lark.oapi.service.im.v1.model.SortChatMenuTreeResp;
import java.util.Arrays;
import java.util.List;

/** The chat menu calls of the official SDK, as the menu tests make them. */
final class MenuCalls {
    private MenuCalls() {}

    static com.lark.oapi.service.im.v1.model.ChatMenuItem link(String name, String url) {
        return com.lark.oapi.service.im.v1.model.ChatMenuItem.newBuilder()
                .actionType("REDIRECT_LINK")
                .name(name)
                .redirectLink(
                        ChatMenuItemRedirectLink.newBuilder().commonUrl(url).build())
                .build();
    }

    static com.lark.oapi.service.im.v1.model.ChatMenuItem none(String name) {
        return com.lark.oapi.service.im.v1.model.ChatMenuItem.newBuilder()
                .actionType("NONE")
                .name(name)
                .build();
    }

    static ChatMenuTopLevel top(
            com.lark.oapi.service.im.v1.model.ChatMenuItem item,
            com.lark.oapi.service.im.v1.model.ChatMenuItem... children) {
        var builder = ChatMenuTopLevel.newBuilder().chatMenuItem(item);
        if (children.length > 0) {
            builder.children(Arrays.stream(children)
                    .map(child ->
                            ChatMenuSecondLevel.newBuilder().chatMenuItem(child).build())
                    .toArray(ChatMenuSecondLevel[]::new));
        }
        return builder.build();
    }

    static CreateChatMenuTreeResp create(Client client, String chatId, ChatMenuTopLevel... tops) throws Exception {
        return client.im()
                .chatMenuTree()
                .create(CreateChatMenuTreeReq.newBuilder()
                        .chatId(chatId)
                        .createChatMenuTreeReqBody(CreateChatMenuTreeReqBody.newBuilder()
                                .menuTree(ChatMenuTree.newBuilder()
                                        .chatMenuTopLevels(tops)
                                        .build())
                                .build())
                        .build());
    }

    static GetChatMenuTreeResp get(Client client, String chatId) throws Exception {
        return client.im()
                .chatMenuTree()
                .get(GetChatMenuTreeReq.newBuilder().chatId(chatId).build());
    }

    static DeleteChatMenuTreeResp delete(Client client, String chatId, String... topLevelIds) throws Exception {
        return client.im()
                .chatMenuTree()
                .delete(DeleteChatMenuTreeReq.newBuilder()
                        .chatId(chatId)
                        .deleteChatMenuTreeReqBody(DeleteChatMenuTreeReqBody.newBuilder()
                                .chatMenuTopLevelIds(topLevelIds)
                                .build())
                        .build());
    }

    static SortChatMenuTreeResp sort(Client client, String chatId, String... topLevelIds) throws Exception {
        return client.im()
                .chatMenuTree()
                .sort(SortChatMenuTreeReq.newBuilder()
                        .chatId(chatId)
                        .sortChatMenuTreeReqBody(SortChatMenuTreeReqBody.newBuilder()
                                .chatMenuTopLevelIds(topLevelIds)
                                .build())
                        .build());
    }

    static PatchChatMenuItemResp patch(
            Client client,
            String chatId,
            String menuItemId,
            com.lark.oapi.service.im.v1.model.ChatMenuItem item,
            String... updateFields)
            throws Exception {
        return client.im()
                .chatMenuItem()
                .patch(PatchChatMenuItemReq.newBuilder()
                        .chatId(chatId)
                        .menuItemId(menuItemId)
                        .patchChatMenuItemReqBody(PatchChatMenuItemReqBody.newBuilder()
                                .updateFields(updateFields)
                                .chatMenuItem(item)
                                .build())
                        .build());
    }

    static List<String> ids(ChatMenuTopLevel[] tops) {
        return Arrays.stream(tops).map(ChatMenuTopLevel::getChatMenuTopLevelId).toList();
    }

    static List<String> names(ChatMenuTopLevel[] tops) {
        return Arrays.stream(tops).map(top -> top.getChatMenuItem().getName()).toList();
    }
}
