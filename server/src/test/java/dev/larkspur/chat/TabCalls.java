package dev.larkspur.chat;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.im.v1.model.ChatTab;
import com.lark.oapi.service.im.v1.model.ChatTabConfig;
import com.lark.oapi.service.im.v1.model.ChatTabContent;
import com.lark.oapi.service.im.v1.model.CreateChatTabReq;
import com.lark.oapi.service.im.v1.model.CreateChatTabReqBody;
import com.lark.oapi.service.im.v1.model.CreateChatTabResp;
import com.lark.oapi.service.im.v1.model.DeleteTabsChatTabReq;
import com.lark.oapi.service.im.v1.model.DeleteTabsChatTabReqBody;
import com.lark.oapi.service.im.v1.model.DeleteTabsChatTabResp;
import com.lark.oapi.service.im.v1.model.ListTabsChatTabReq;
import com.lark.oapi.service.im.v1.model.ListTabsChatTabResp;
import com.lark.oapi.service.im.v1.model.SortTabsChatTabReq;
import com.lark.oapi.service.im.v1.model.SortTabsChatTabReqBody;
import com.lark.oapi.service.im.v1.model.SortTabsChatTabResp;
import com.lark.oapi.service.im.v1.model.UpdateTabsChatTabReq;
import com.lark.oapi.service.im.v1.model.UpdateTabsChatTabReqBody;
import com.lark.oapi.service.im.v1.model.UpdateTabsChatTabResp;
import java.util.Arrays;
import java.util.List;

/** The chat tab calls of the official SDK, as the tab tests make them. */
final class TabCalls {
    private static final RequestOptions AS_BOT = RequestOptions.newBuilder().build();

    private TabCalls() {}

    static ChatTab url(String name, String url) {
        return ChatTab.newBuilder()
                .tabName(name)
                .tabType("url")
                .tabContent(ChatTabContent.newBuilder().url(url).build())
                .build();
    }

    static ChatTab doc(String name, String doc) {
        return ChatTab.newBuilder()
                .tabName(name)
                .tabType("doc")
                .tabContent(ChatTabContent.newBuilder().doc(doc).build())
                .build();
    }

    static ChatTab withConfig(ChatTab tab, String iconKey, Boolean builtIn) {
        tab.setTabConfig(
                ChatTabConfig.newBuilder().iconKey(iconKey).isBuiltIn(builtIn).build());
        return tab;
    }

    static ChatTab withId(ChatTab tab, String tabId) {
        tab.setTabId(tabId);
        return tab;
    }

    static CreateChatTabResp create(Client client, String chatId, ChatTab... tabs) throws Exception {
        return create(client, chatId, AS_BOT, tabs);
    }

    static CreateChatTabResp create(Client client, String chatId, RequestOptions options, ChatTab... tabs)
            throws Exception {
        return client.im()
                .chatTab()
                .create(
                        CreateChatTabReq.newBuilder()
                                .chatId(chatId)
                                .createChatTabReqBody(CreateChatTabReqBody.newBuilder()
                                        .chatTabs(tabs)
                                        .build())
                                .build(),
                        options);
    }

    static UpdateTabsChatTabResp update(Client client, String chatId, ChatTab... tabs) throws Exception {
        return client.im()
                .chatTab()
                .updateTabs(UpdateTabsChatTabReq.newBuilder()
                        .chatId(chatId)
                        .updateTabsChatTabReqBody(UpdateTabsChatTabReqBody.newBuilder()
                                .chatTabs(tabs)
                                .build())
                        .build());
    }

    static SortTabsChatTabResp sort(Client client, String chatId, String... tabIds) throws Exception {
        return client.im()
                .chatTab()
                .sortTabs(SortTabsChatTabReq.newBuilder()
                        .chatId(chatId)
                        .sortTabsChatTabReqBody(SortTabsChatTabReqBody.newBuilder()
                                .tabIds(tabIds)
                                .build())
                        .build());
    }

    static ListTabsChatTabResp list(Client client, String chatId) throws Exception {
        return list(client, chatId, AS_BOT);
    }

    static ListTabsChatTabResp list(Client client, String chatId, RequestOptions options) throws Exception {
        return client.im()
                .chatTab()
                .listTabs(ListTabsChatTabReq.newBuilder().chatId(chatId).build(), options);
    }

    static DeleteTabsChatTabResp delete(Client client, String chatId, String... tabIds) throws Exception {
        return client.im()
                .chatTab()
                .deleteTabs(DeleteTabsChatTabReq.newBuilder()
                        .chatId(chatId)
                        .deleteTabsChatTabReqBody(DeleteTabsChatTabReqBody.newBuilder()
                                .tabIds(tabIds)
                                .build())
                        .build());
    }

    static List<String> ids(ChatTab[] tabs) {
        return Arrays.stream(tabs).map(ChatTab::getTabId).toList();
    }

    static List<String> names(ChatTab[] tabs) {
        return Arrays.stream(tabs).map(ChatTab::getTabName).toList();
    }
}
