package dev.larkspur.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larkspur.support.Admin;
import dev.larkspur.support.RawHttp;
import dev.larkspur.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deprecated v4 group APIs that chyroc/lark still calls ({@code GetChatOld}, {@code
 * AddBotToChat}). No official Java SDK method exists for them, so they are driven over plain HTTP.
 */
class LegacyChatIT {
    private static final String INFO = "/open-apis/chat/v4/info?chat_id=";
    private static final String ADD_BOT = "/open-apis/bot/v4/add";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ChatExtrasFixture tenant() {
        var t = ChatExtrasFixture.tenant(server);
        t.users("ann", "bob", "cat");
        return t;
    }

    private static RawHttp.Reply info(String token, String chatId) {
        return server.http().get(INFO + chatId, token);
    }

    private static RawHttp.Reply addBot(String token, String chatId) {
        return server.http().post(ADD_BOT, token, "{\"chat_id\":\"" + chatId + "\"}");
    }

    @Test
    void infoDescribesTheChatInTheV4Shape() throws Exception {
        var t = tenant();
        String chat = t.group("ann", b -> b.editPermission("only_owner"), "bob");

        var reply = info(t.tenantToken(), chat);

        assertThat(reply.code()).isZero();
        assertThat(reply.body().path("msg").asText()).isEqualTo("ok");
        var data = reply.body().path("data");
        assertThat(data.path("chat_id").asText()).isEqualTo(chat);
        assertThat(data.path("type").asText()).isEqualTo("group");
        assertThat(data.path("name").asText()).startsWith("Extras ");
        assertThat(data.path("avatar").asText()).startsWith("https://");
        var members = new ArrayList<String>();
        data.path("members")
                .forEach(m -> members.add(
                        m.path("open_id").asText() + "/" + m.path("user_id").asText()));
        assertThat(members).containsExactlyInAnyOrder(t.openId("ann") + "/ann", t.openId("bob") + "/bob");
        assertThat(data.path("owner_open_id").asText()).isEqualTo(t.openId("ann"));
        assertThat(data.path("owner_user_id").asText()).isEqualTo("ann");
        assertThat(data.path("only_owner_edit").asBoolean()).isTrue();
        assertThat(data.path("only_owner_add").asBoolean()).isFalse();
        assertThat(data.path("share_allowed").asBoolean()).isTrue();
        assertThat(data.path("add_member_verify").asBoolean()).isFalse();
        assertThat(data.path("only_owner_at_all").asBoolean()).isFalse();
        assertThat(data.path("send_message_permission").asText()).isEqualTo("all");
        assertThat(data.path("join_message_visibility").asText()).isEqualTo("all");
        assertThat(data.path("leave_message_visibility").asText()).isEqualTo("all");
        assertThat(data.path("group_email_enabled").isBoolean()).isTrue();
    }

    @Test
    void infoOmitsTheOwnerWhenABotOwnsTheChat() throws Exception {
        var t = tenant();
        String chat = t.group(null, "bob");

        var data = info(t.tenantToken(), chat).body().path("data");

        assertThat(data.has("owner_open_id")).isFalse();
        assertThat(data.has("owner_user_id")).isFalse();
        assertThat(data.path("members").size()).isEqualTo(1);
    }

    @Test
    void infoNamesUserIdsOnlyWithTheEmployeeIdScope() throws Exception {
        var t = ChatExtrasFixture.tenant(server, List.of("im:chat"));
        t.users("ann");
        String chat = t.group("ann");

        var data = info(t.tenantToken(), chat).body().path("data");

        assertThat(data.path("members").get(0).path("open_id").asText()).isEqualTo(t.openId("ann"));
        assertThat(data.path("members").get(0).has("user_id")).isFalse();
        assertThat(data.has("owner_user_id")).isFalse();
    }

    @Test
    void infoIsAlsoServedWithATrailingSlash() throws Exception {
        var t = tenant();
        String chat = t.group("ann");

        var reply = server.http().get("/open-apis/chat/v4/info/?chat_id=" + chat, t.tenantToken());

        assertThat(reply.code()).isZero();
    }

    @Test
    void infoNeedsTheBotInTheChat() throws Exception {
        var t = tenant();
        String chat = t.group("ann");
        var other = t.secondApp("Outsider");

        assertThat(info(other.tenantToken(), chat).code()).isEqualTo(232011);
    }

    @Test
    void infoRefusesUserTokens() throws Exception {
        var t = tenant();
        String chat = t.group("ann");

        var reply = info(server.admin().userToken(t.app.appId(), "ann"), chat);

        assertThat(reply.code()).isEqualTo(99991668);
    }

    @Test
    void infoWithoutChatIdIsRejected() {
        var t = tenant();

        assertThat(server.http().get("/open-apis/chat/v4/info", t.tenantToken()).code())
                .isEqualTo(232001);
    }

    /** Another app of the tenant whose owner is the given person. */
    private static ChatExtrasFixture ownedApp(ChatExtrasFixture t, String name, String owner) {
        var other = t.secondApp(name);
        Admin.ok(
                server.admin().call("PUT", "/admin/v1/apps/" + other.app.appId() + "/owner", Map.of("user_id", owner)));
        return other;
    }

    @Test
    void addBotJoinsTheCallingBotAndOnlyThatBotIsTold() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        var other = ownedApp(t, "Joiner", "bob");

        var reply = addBot(other.tenantToken(), chat);

        assertThat(reply.code()).isZero();
        assertThat(reply.body().path("msg").asText()).isEqualTo("ok");
        assertThat(info(other.tenantToken(), chat).code()).isZero();
        var added = t.events(chat, "im.chat.member.bot.added_v1").stream()
                .filter(e -> other.app.appId().equals(e.path("only_app_id").asText()))
                .toList();
        assertThat(added).hasSize(1);
    }

    @Test
    void addBotNeedsTheAppsOwnerInTheChat() throws Exception {
        var t = tenant();
        String chat = t.group("ann", "bob");
        var ownerless = t.secondApp("Ownerless");
        var outsider = ownedApp(t, "Outsider", "cat");

        assertThat(addBot(ownerless.tenantToken(), chat).code()).isEqualTo(232011);
        assertThat(addBot(outsider.tenantToken(), chat).code()).isEqualTo(232011);
        assertThat(info(outsider.tenantToken(), chat).code()).isEqualTo(232011);
    }

    @Test
    void onlyOwnerAddingKeepsOutABotWhoseOwnerIsAPlainMember() throws Exception {
        var t = tenant();
        String chat = t.group("ann", b -> b.chatType("private"), "bob");
        t.onlyOwnersAdd(chat);

        assertThat(addBot(ownedApp(t, "Bob's", "bob").tenantToken(), chat).code())
                .isEqualTo(232017);
        assertThat(addBot(ownedApp(t, "Ann's", "ann").tenantToken(), chat).code())
                .isZero();
    }

    @Test
    void approvalRequiredKeepsOutABotWhoseOwnerIsAPlainMember() throws Exception {
        var t = tenant();
        String chat = t.group("ann", b -> b.membershipApproval("approval_required"), "bob");

        assertThat(addBot(ownedApp(t, "Bob's", "bob").tenantToken(), chat).code())
                .isEqualTo(232075);
    }

    @Test
    void anAppWithoutAChatScopeCannotJoin() throws Exception {
        var t = tenant();
        String chat = t.group("ann");
        var data = Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + t.tenantKey + "/apps",
                        Map.of("name", "Contacts only", "scopes", List.of("contact:user.base:readonly"))));
        Admin.ok(server.admin()
                .call("PUT", "/admin/v1/apps/" + data.path("app_id").asText() + "/owner", Map.of("user_id", "ann")));
        String token = server.http()
                .tenantToken(
                        data.path("app_id").asText(), data.path("app_secret").asText());

        assertThat(addBot(token, chat).code()).isEqualTo(99991672);
        assertThat(info(token, chat).code()).isEqualTo(99991672);
    }

    @Test
    void addingABotThatIsAlreadyInTheChatSucceedsQuietly() throws Exception {
        var t = tenant();
        String chat = t.group("ann");
        int before = t.events(chat, "im.chat.member.bot.added_v1").size();

        assertThat(addBot(t.tenantToken(), chat).code()).isZero();
        assertThat(t.events(chat, "im.chat.member.bot.added_v1")).hasSize(before);
    }

    @Test
    void addBotToAnotherTenantsChatIsRefused() throws Exception {
        var t = tenant();
        String chat = t.group("ann");
        var stranger = ChatExtrasFixture.tenant(server);

        assertThat(addBot(stranger.tenantToken(), chat).code()).isEqualTo(232010);
    }

    @Test
    void addBotWithoutChatIdIsRejected() {
        var t = tenant();

        assertThat(server.http().post(ADD_BOT, t.tenantToken(), "{}").code()).isEqualTo(232001);
    }

    @Test
    void appWithoutBotAbilityCannotJoin() throws Exception {
        var t = tenant();
        String chat = t.group("ann");
        var data = Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + t.tenantKey + "/apps",
                        Map.of("name", "NoBot", "bot_enabled", false)));
        String token = server.http()
                .tenantToken(
                        data.path("app_id").asText(), data.path("app_secret").asText());

        assertThat(addBot(token, chat).code()).isEqualTo(232025);
    }
}
