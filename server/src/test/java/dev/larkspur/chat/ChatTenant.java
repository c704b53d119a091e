package dev.larkspur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.DeleteChatReq;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fresh tenant for the chat tab and menu tests: a bot app on the default scopes with its SDK
 * client, and the users {@code ann} and {@code bob}. Chats are created through the SDK.
 */
record ChatTenant(TestServer server, String key, Admin.AppCreds app, Client client) {
    static final JsonMapper JSON = JsonMapper.builder().build();

    static ChatTenant create(TestServer server) {
        String key = server.admin().tenant("Tabs and Menus Co");
        var app = server.admin().app(key, "Helper");
        server.admin().user(key, Map.of("name", "Ann", "user_id", "ann"));
        server.admin().user(key, Map.of("name", "Bob", "user_id", "bob"));
        return new ChatTenant(server, key, app, Sdk.client(server, app));
    }

    /** A group chat of this tenant's bot with the given users (by user_id). */
    String chat(String... userIds) throws Exception {
        var resp = client.im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .userIdType("user_id")
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name("Tabs and menus")
                                .userIdList(userIds)
                                .build())
                        .build());
        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        return resp.getData().getChatId();
    }

    /** Another app of the tenant; with {@code scopes == null}, the default scopes. */
    Admin.AppCreds otherApp(String name, List<String> scopes) {
        return scopes == null ? server.admin().app(key, name) : server.admin().app(key, name, scopes);
    }

    Client clientOf(Admin.AppCreds other) {
        return Sdk.client(server, other);
    }

    /** Request options that make the SDK act as the user, with a user token of this app. */
    RequestOptions asUser(String userId) {
        return RequestOptions.newBuilder()
                .userAccessToken(server.admin().userToken(app.appId(), userId))
                .build();
    }

    String tenantToken() {
        return server.http().tenantToken(app.appId(), app.appSecret());
    }

    String userToken(String userId) {
        return server.admin().userToken(app.appId(), userId);
    }

    void disband(String chatId) throws Exception {
        var resp = client.im()
                .chat()
                .delete(DeleteChatReq.newBuilder().chatId(chatId).build());
        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
    }

    /**
     * Turns a chat into another mode. No endpoint creates topic chats (and p2p chats come with
     * messaging), so the fixture rewrites the stored mode; membership stays as it was.
     */
    void setChatMode(String chatId, String mode) {
        server.bean(JdbcClient.class)
                .sql("update chat set chat_mode = ? where chat_id = ?")
                .params(mode, chatId)
                .update();
    }

    /** The JSON body of an SDK response, to check its exact shape. */
    static JsonNode body(com.lark.oapi.core.response.BaseResponse<?> resp) {
        return JSON.readTree(new String(resp.getRawResponse().getBody(), StandardCharsets.UTF_8));
    }
}
