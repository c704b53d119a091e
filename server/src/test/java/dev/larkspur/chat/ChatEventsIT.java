package dev.larkspur.chat;

import static dev.larkspur.chat.ChatCalls.add;
import static dev.larkspur.chat.ChatCalls.remove;
import static dev.larkspur.chat.ChatCalls.update;
import static dev.larkspur.support.Person.openIds;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateChatMembersReq;
import com.lark.oapi.service.im.v1.model.CreateChatMembersReqBody;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.DeleteChatMembersReq;
import com.lark.oapi.service.im.v1.model.DeleteChatMembersReqBody;
import com.lark.oapi.service.im.v1.model.DeleteChatReq;
import com.lark.oapi.service.im.v1.model.I18nNames;
import com.lark.oapi.service.im.v1.model.UpdateChatReqBody;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Person;
import dev.larkspur.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The {@code im.chat.*} events that chat operations record (spec/group.md §3), read back through the
 * admin API as each app would receive them.
 */
class ChatEventsIT {
    private static final String USER_ADDED = "im.chat.member.user.added_v1";
    private static final String USER_DELETED = "im.chat.member.user.deleted_v1";
    private static final String BOT_ADDED = "im.chat.member.bot.added_v1";
    private static final String BOT_DELETED = "im.chat.member.bot.deleted_v1";
    private static final String UPDATED = "im.chat.updated_v1";
    private static final String DISBANDED = "im.chat.disbanded_v1";
    private static TestServer server;
    private static ChatFixtures fx;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fx = new ChatFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) { // null when the PostgreSQL pass is skipped
            server.close();
        }
    }

    private static JsonNode single(List<JsonNode> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static List<String> names(JsonNode object) {
        var result = new ArrayList<String>();
        object.propertyNames().forEach(result::add);
        return result;
    }

    /** The schema 2.0 envelope's header, as {@code viewer} receives it (spec/group.md §3.1). */
    private static void assertHeader(JsonNode item, String eventType, Admin.AppCreds viewer, String tenantKey) {
        assertThat(item.path("event_id").asText()).matches("[0-9a-f]{32}");
        assertThat(item.path("event_type").asText()).isEqualTo(eventType);
        var payload = item.path("payload");
        assertThat(payload.path("schema").asText()).isEqualTo("2.0");
        var header = payload.path("header");
        assertThat(names(header))
                .containsExactlyInAnyOrder("event_id", "event_type", "create_time", "token", "app_id", "tenant_key");
        assertThat(header.path("event_id").asText())
                .isEqualTo(item.path("event_id").asText());
        assertThat(header.path("event_type").asText()).isEqualTo(eventType);
        assertThat(header.path("create_time").isString()).isTrue();
        assertThat(header.path("create_time").asText()).matches("[0-9]{13}");
        assertThat(header.path("token").isString()).isTrue();
        assertThat(header.path("app_id").asText()).isEqualTo(viewer.appId());
        assertThat(header.path("tenant_key").asText()).isEqualTo(tenantKey);
    }

    /** A user id object as the main bot sees it: its open_id, the union_id, and user_id (it has the scope). */
    private static void assertUserId(JsonNode id, Person person) {
        assertThat(id.path("open_id").asText()).isEqualTo(person.openId());
        assertThat(id.path("union_id").asText()).isEqualTo(person.unionId());
        assertThat(id.path("user_id").asText()).isEqualTo(person.userId());
    }

    @Test
    void creatingAChatWithUsersEmitsUserAdded() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Launch")
                        .i18nNames(
                                I18nNames.newBuilder().enUs("Launch").zhCn("发射").build())
                        .userIdList(openIds(ann, bob))
                        .build()))
                .getData()
                .getChatId();

        var item = single(org.events(chatId, org.bot, USER_ADDED));

        assertHeader(item, USER_ADDED, org.bot, org.tenantKey);
        assertThat(item.has("only_app_id")).isFalse();
        var event = item.path("payload").path("event");
        assertThat(names(event))
                .containsExactlyInAnyOrder(
                        "chat_id", "operator_id", "external", "operator_tenant_key", "users", "name", "i18n_names");
        assertThat(event.path("chat_id").asText()).isEqualTo(chatId);
        assertThat(event.path("operator_id").path("open_id").asText()).isEqualTo(org.botOpenId(org.bot));
        assertThat(event.path("external").isBoolean()).isTrue();
        assertThat(event.path("external").asBoolean()).isFalse();
        assertThat(event.path("operator_tenant_key").asText()).isEqualTo(org.tenantKey);
        assertThat(event.path("name").asText()).isEqualTo("Launch");
        assertThat(event.path("i18n_names").path("zh_cn").asText()).isEqualTo("发射");
        var users = event.path("users");
        assertThat(users.size()).isEqualTo(2);
        assertThat(users.get(0).path("name").asText()).isEqualTo("Ann");
        assertThat(users.get(0).path("tenant_key").asText()).isEqualTo(org.tenantKey);
        assertUserId(users.get(0).path("user_id"), ann);
        assertUserId(users.get(1).path("user_id"), bob);
    }

    @Test
    void eachAppSeesUsersByItsOwnOpenId() throws Exception {
        var org = fx.org();
        var watcher = org.bot("Watcher");
        var ann = org.person("Ann");
        String chatId = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Watched")
                        .userIdList(openIds(ann))
                        .botIdList(new String[] {watcher.appId()})
                        .build()))
                .getData()
                .getChatId();

        var item = single(org.events(chatId, watcher, USER_ADDED));

        assertHeader(item, USER_ADDED, watcher, org.tenantKey);
        var userId = item.path("payload").path("event").path("users").get(0).path("user_id");
        assertThat(userId.path("open_id").asText())
                .isEqualTo(org.openIdIn(watcher, ann))
                .isNotEqualTo(ann.openId());
        assertThat(userId.path("union_id").asText()).isEqualTo(ann.unionId());
    }

    @Test
    void userIdIsRenderedOnlyForAppsWithTheEmployeeIdScope() throws Exception {
        var org = fx.org();
        var narrow = org.bot("Narrow", List.of("im:chat"));
        var ann = org.person("Ann");
        String chatId = org.chat("Team", ann);

        var userId = single(org.events(chatId, narrow, USER_ADDED))
                .path("payload")
                .path("event")
                .path("users")
                .get(0)
                .path("user_id");

        assertThat(names(userId)).containsExactlyInAnyOrder("union_id", "open_id");
        assertThat(userId.path("open_id").asText()).isEqualTo(org.openIdIn(narrow, ann));
    }

    @Test
    void addingUsersEmitsUserAddedForTheNewcomersOnly() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = org.chat("Team", ann);

        ok(org.client
                .im()
                .chatMembers()
                .create(CreateChatMembersReq.newBuilder()
                        .chatId(chatId)
                        .createChatMembersReqBody(CreateChatMembersReqBody.newBuilder()
                                .idList(openIds(ann, bob))
                                .build())
                        .build()));

        var added = org.events(chatId, org.bot, USER_ADDED);
        assertThat(added).hasSize(2);
        var users = added.get(1).path("payload").path("event").path("users");
        assertThat(users.size()).isEqualTo(1);
        assertUserId(users.get(0).path("user_id"), bob);
    }

    @Test
    void creatingAChatWithBotsEmitsBotAddedForEachInvitedBotOnly() throws Exception {
        var org = fx.org();
        var first = org.bot("First");
        var second = org.bot("Second");

        String chatId = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Bots")
                        .botIdList(new String[] {first.appId(), second.appId()})
                        .build()))
                .getData()
                .getChatId();

        var added = org.events(chatId, org.bot, BOT_ADDED);
        assertThat(added)
                .extracting(e -> e.path("only_app_id").asText())
                .containsExactlyInAnyOrder(first.appId(), second.appId());
    }

    @Test
    void invitingABotEmitsBotAddedOnlyForThatBot() throws Exception {
        var org = fx.org();
        var helper = org.bot("Helper");
        String chatId = org.chat("Team", org.person("Ann"));

        ok(add(org.client, chatId, "app_id", null, new String[] {helper.appId()}, null));

        var item = single(org.events(chatId, helper, BOT_ADDED));
        assertThat(item.path("only_app_id").asText()).isEqualTo(helper.appId());
        assertHeader(item, BOT_ADDED, helper, org.tenantKey);
        var event = item.path("payload").path("event");
        assertThat(names(event))
                .containsExactlyInAnyOrder("chat_id", "operator_id", "external", "operator_tenant_key", "name");
        assertThat(event.path("chat_id").asText()).isEqualTo(chatId);
        assertThat(event.path("operator_id").path("open_id").asText()).isEqualTo(org.botOpenId(org.bot));
        assertThat(event.path("operator_tenant_key").asText()).isEqualTo(org.tenantKey);
        assertThat(event.path("name").asText()).isEqualTo("Team");
    }

    @Test
    void removingABotEmitsBotDeletedOnlyForThatBot() throws Exception {
        var org = fx.org();
        var helper = org.bot("Helper");
        String chatId = org.chat("Team");
        ok(add(org.client, chatId, "app_id", null, new String[] {helper.appId()}, null));

        ok(org.client
                .im()
                .chatMembers()
                .delete(DeleteChatMembersReq.newBuilder()
                        .chatId(chatId)
                        .memberIdType("app_id")
                        .deleteChatMembersReqBody(DeleteChatMembersReqBody.newBuilder()
                                .idList(new String[] {helper.appId()})
                                .build())
                        .build()));

        var item = single(org.events(chatId, helper, BOT_DELETED));
        assertThat(item.path("only_app_id").asText()).isEqualTo(helper.appId());
        assertHeader(item, BOT_DELETED, helper, org.tenantKey);
        assertThat(item.path("payload").path("event").path("chat_id").asText()).isEqualTo(chatId);
    }

    @Test
    void updateEmitsUpdatedWithTheChangedFieldsBeforeAndAfter() throws Exception {
        var org = fx.org();
        String chatId = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Old name")
                        .description("Unchanged")
                        .build()))
                .getData()
                .getChatId();

        ok(update(
                org.client,
                chatId,
                UpdateChatReqBody.newBuilder()
                        .name("New name")
                        .description("Unchanged")
                        .atAllPermission("only_owner")
                        .build(),
                null));

        var item = single(org.events(chatId, org.bot, UPDATED));
        assertHeader(item, UPDATED, org.bot, org.tenantKey);
        var event = item.path("payload").path("event");
        assertThat(event.path("chat_id").asText()).isEqualTo(chatId);
        assertThat(event.path("operator_id").path("open_id").asText()).isEqualTo(org.botOpenId(org.bot));
        assertThat(event.path("external").asBoolean()).isFalse();
        assertThat(event.path("operator_tenant_key").asText()).isEqualTo(org.tenantKey);
        var after = event.path("after_change");
        var before = event.path("before_change");
        assertThat(names(after)).containsExactlyInAnyOrder("name", "at_all_permission");
        assertThat(names(before)).containsExactlyInAnyOrder("name", "at_all_permission");
        assertThat(after.path("name").asText()).isEqualTo("New name");
        assertThat(before.path("name").asText()).isEqualTo("Old name");
        assertThat(after.path("at_all_permission").asText()).isEqualTo("only_owner");
        assertThat(before.path("at_all_permission").asText()).isEqualTo("all_members");
    }

    @Test
    void ownerTransferEmitsUpdatedWithBothOwners() throws Exception {
        var org = fx.org();
        var bob = org.person("Bob");
        String chatId = org.chat("Handover", bob);

        ok(update(
                org.client,
                chatId,
                UpdateChatReqBody.newBuilder().ownerId(bob.openId()).build(),
                null));

        var event = single(org.events(chatId, org.bot, UPDATED)).path("payload").path("event");
        assertUserId(event.path("after_change").path("owner_id"), bob);
        assertThat(event.path("before_change").path("owner_id").path("open_id").asText())
                .isEqualTo(org.botOpenId(org.bot));
    }

    @Test
    void updateThatChangesNothingEmitsNoEvent() throws Exception {
        var org = fx.org();
        String chatId = org.chat("Same");

        ok(update(
                org.client, chatId, UpdateChatReqBody.newBuilder().name("Same").build(), null));

        assertThat(org.events(chatId, org.bot, UPDATED)).isEmpty();
    }

    @Test
    void disbandEmitsDisbandedWithTheOperator() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String chatId = ok(org.create(CreateChatReqBody.newBuilder()
                        .name("Farewell")
                        .i18nNames(I18nNames.newBuilder().enUs("Farewell").build())
                        .ownerId(ann.openId())
                        .build()))
                .getData()
                .getChatId();

        ok(org.client
                .im()
                .chat()
                .delete(DeleteChatReq.newBuilder().chatId(chatId).build(), org.as(ann)));

        var item = single(org.events(chatId, org.bot, DISBANDED));
        assertHeader(item, DISBANDED, org.bot, org.tenantKey);
        var event = item.path("payload").path("event");
        assertThat(names(event))
                .containsExactlyInAnyOrder(
                        "chat_id", "operator_id", "external", "operator_tenant_key", "name", "i18n_names");
        assertThat(event.path("chat_id").asText()).isEqualTo(chatId);
        assertUserId(event.path("operator_id"), ann);
        assertThat(event.path("operator_tenant_key").asText()).isEqualTo(org.tenantKey);
        assertThat(event.path("name").asText()).isEqualTo("Farewell");
        assertThat(event.path("i18n_names").path("en_us").asText()).isEqualTo("Farewell");
    }

    @Test
    void removingUsersEmitsUserDeleted() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = org.chat("Team", ann, bob);

        ok(remove(org.client, chatId, null, openIds(bob), null));

        var item = single(org.events(chatId, org.bot, USER_DELETED));
        assertHeader(item, USER_DELETED, org.bot, org.tenantKey);
        var event = item.path("payload").path("event");
        assertThat(event.path("chat_id").asText()).isEqualTo(chatId);
        assertThat(event.path("operator_id").path("open_id").asText()).isEqualTo(org.botOpenId(org.bot));
        assertThat(event.path("users").size()).isEqualTo(1);
        assertThat(event.path("users").get(0).path("name").asText()).isEqualTo("Bob");
        assertUserId(event.path("users").get(0).path("user_id"), bob);
    }

    @Test
    void leavingEmitsUserDeletedWithTheLeaverAsOperator() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = org.chat("Team", ann, bob);

        ok(remove(org.client, chatId, null, openIds(bob), org.as(bob)));

        var event = single(org.events(chatId, org.bot, USER_DELETED))
                .path("payload")
                .path("event");
        assertUserId(event.path("operator_id"), bob);
        assertUserId(event.path("users").get(0).path("user_id"), bob);
    }
}
