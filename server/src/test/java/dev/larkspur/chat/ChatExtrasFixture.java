package dev.larkspur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.UpdateChatReq;
import com.lark.oapi.service.im.v1.model.UpdateChatReqBody;
import dev.larkspur.chat.internal.ChatRepository;
import dev.larkspur.chat.internal.MemberRepository;
import dev.larkspur.directory.AppService;
import dev.larkspur.directory.UserService;
import dev.larkspur.platform.Ids;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * A tenant with one bot app and its users, for the moderation, announcement, top-notice, link and
 * legacy ITs: people by tenant user_id, chats created through the SDK, and the recorded events.
 */
final class ChatExtrasFixture {
    final TestServer server;
    final String tenantKey;
    final Admin.AppCreds app;
    final Client client;

    private ChatExtrasFixture(TestServer server, String tenantKey, Admin.AppCreds app) {
        this.server = server;
        this.tenantKey = tenantKey;
        this.app = app;
        this.client = Sdk.client(server, app);
    }

    /** A new tenant whose app has the default scopes (every IM scope, operate_as_owner included). */
    static ChatExtrasFixture tenant(TestServer server) {
        String key = server.admin().tenant("Extras Co");
        return new ChatExtrasFixture(server, key, server.admin().app(key, "Extras Bot"));
    }

    /** A new tenant whose app has only the given scopes. */
    static ChatExtrasFixture tenant(TestServer server, List<String> scopes) {
        String key = server.admin().tenant("Narrow Co");
        return new ChatExtrasFixture(server, key, server.admin().app(key, "Narrow Bot", scopes));
    }

    /** Another app of the same tenant, with the default scopes. */
    ChatExtrasFixture secondApp(String name) {
        return new ChatExtrasFixture(server, tenantKey, server.admin().app(tenantKey, name));
    }

    /** Creates users by tenant user_id (their name is the id) and returns nothing; see {@link #openId}. */
    void users(String... userIds) {
        for (String id : userIds) {
            server.admin().user(tenantKey, Map.of("name", id, "user_id", id));
        }
    }

    String openId(String userId) {
        return person(userId).path("open_ids").path(app.appId()).asText();
    }

    String unionId(String userId) {
        return person(userId).path("union_id").asText();
    }

    private JsonNode person(String userId) {
        return Admin.ok(server.admin().call("GET", "/admin/v1/tenants/" + tenantKey + "/users/" + userId, null));
    }

    /** Request options that make the SDK act as this user (a user access token of this app). */
    RequestOptions as(String userId) {
        return RequestOptions.newBuilder()
                .userAccessToken(server.admin().userToken(app.appId(), userId))
                .build();
    }

    String tenantToken() {
        return server.http().tenantToken(app.appId(), app.appSecret());
    }

    /** A group the bot creates, owned by user {@code owner}, with the other users in it. */
    String group(String owner, String... others) throws Exception {
        return group(owner, b -> {}, others);
    }

    String group(String owner, Consumer<CreateChatReqBody.Builder> settings, String... others) throws Exception {
        var body = CreateChatReqBody.newBuilder().name("Extras " + Ids.hex(4));
        if (owner != null) {
            body.ownerId(openId(owner));
        }
        var members = new ArrayList<String>();
        for (String other : others) {
            members.add(openId(other));
        }
        body.userIdList(members.toArray(String[]::new));
        settings.accept(body);
        var resp = client.im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .userIdType("open_id")
                        .createChatReqBody(body.build())
                        .build());
        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
        return resp.getData().getChatId();
    }

    /** Sets {@code add_member_permission=only_owner} (and with it share_card_permission). */
    void onlyOwnersAdd(String chatId) throws Exception {
        var resp = client.im()
                .chat()
                .update(UpdateChatReq.newBuilder()
                        .chatId(chatId)
                        .updateChatReqBody(UpdateChatReqBody.newBuilder()
                                .addMemberPermission("only_owner")
                                .shareCardPermission("not_allowed")
                                .build())
                        .build());
        assertThat(resp.getCode()).as(resp.getMsg()).isZero();
    }

    /**
     * A p2p chat between the bot and user {@code userId}, written straight to storage: p2p chats
     * arrive with messages, which Larkspur cannot send yet.
     */
    String p2p(String userId) {
        var user =
                server.bean(UserService.class).findByUserId(tenantKey, userId).orElseThrow();
        var bot = server.bean(AppService.class).get(app.appId());
        String chatId = "oc_" + Ids.hex(32);
        var settings = new ChatSettings(
                null,
                null,
                null,
                null,
                "private",
                "all_members",
                "allowed",
                "all_members",
                "all_members",
                "chat",
                "all_members",
                "all_members",
                "no_approval_required",
                "all_members",
                "all_members",
                "all_members",
                "all_members",
                RestrictedMode.OFF);
        long now = server.clock().millis();
        long pk = server.bean(ChatRepository.class)
                .insert(new Chat(
                        0,
                        chatId,
                        bot.tenantPk(),
                        Chat.P2P,
                        settings,
                        null,
                        null,
                        bot.pk(),
                        "normal",
                        false,
                        1,
                        1,
                        user.pk(),
                        bot.pk(),
                        null,
                        now,
                        now));
        var members = server.bean(MemberRepository.class);
        members.insertUsers(pk, List.of(user.pk()), now);
        members.insertBots(pk, List.of(bot.pk()), now);
        return chatId;
    }

    /** The chat's recorded events of one type, as this app would receive them (payload envelopes). */
    List<JsonNode> events(String chatId, String eventType) {
        var data = Admin.ok(
                server.admin().call("GET", "/admin/v1/events?chat_id=" + chatId + "&app_id=" + app.appId(), null));
        var result = new ArrayList<JsonNode>();
        data.path("items").forEach(item -> {
            if (item.path("event_type").asText().equals(eventType)) {
                result.add(item);
            }
        });
        return result;
    }
}
