package dev.larkspur.chat;

import static dev.larkspur.support.Person.openIds;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.CreateChatResp;
import com.lark.oapi.service.im.v1.model.GetChatReq;
import com.lark.oapi.service.im.v1.model.ListChat;
import com.lark.oapi.service.im.v1.model.ListChatReq;
import com.lark.oapi.service.im.v1.model.RestrictedModeSetting;
import dev.larkspur.support.TestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /open-apis/im/v1/chats} (spec/group.md §2.1): the answer, its defaults, its rules. */
class ChatCreationIT {
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

    private static CreateChatResp create(ChatFixtures.Org org, String uuid, CreateChatReqBody body) throws Exception {
        return org.client
                .im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .uuid(uuid)
                        .createChatReqBody(body)
                        .build());
    }

    private static List<ListChat> chatsOf(ChatFixtures.Org org) throws Exception {
        var items = ok(org.client.im().chat().list(ListChatReq.newBuilder().build()))
                .getData()
                .getItems();
        return items == null ? List.of() : Arrays.asList(items);
    }

    @Test
    void createAnswersWithTheChatAndFeishuDefaults() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");

        var resp = ok(org.create(CreateChatReqBody.newBuilder()
                .name("Launch")
                .description("Countdown")
                .ownerId(ann.openId())
                .userIdList(openIds(ann))
                .build()));

        var chat = resp.getData();
        assertThat(chat.getChatId()).matches("oc_[0-9a-f]{32}");
        assertThat(chat.getName()).isEqualTo("Launch");
        assertThat(chat.getDescription()).isEqualTo("Countdown");
        assertThat(chat.getAvatar()).startsWith("http");
        assertThat(chat.getOwnerId()).isEqualTo(ann.openId());
        assertThat(chat.getOwnerIdType()).isEqualTo("open_id");
        assertThat(chat.getChatMode()).isEqualTo("group");
        assertThat(chat.getChatType()).isEqualTo("private");
        assertThat(chat.getChatTag()).isEqualTo("inner");
        assertThat(chat.getGroupMessageType()).isEqualTo("chat");
        assertThat(chat.getExternal()).isFalse();
        assertThat(chat.getTenantKey()).isEqualTo(org.tenantKey);
        assertThat(List.of(
                        chat.getAddMemberPermission(),
                        chat.getAtAllPermission(),
                        chat.getEditPermission(),
                        chat.getModerationPermission(),
                        chat.getJoinMessageVisibility(),
                        chat.getLeaveMessageVisibility(),
                        chat.getUrgentSetting(),
                        chat.getVideoConferenceSetting(),
                        chat.getHideMemberCountSetting()))
                .containsOnly("all_members");
        assertThat(chat.getShareCardPermission()).isEqualTo("allowed");
        assertThat(chat.getMembershipApproval()).isEqualTo("no_approval_required");
        var restricted = chat.getRestrictedModeSetting();
        assertThat(restricted.getStatus()).isFalse();
        assertThat(List.of(
                        restricted.getScreenshotHasPermissionSetting(),
                        restricted.getDownloadHasPermissionSetting(),
                        restricted.getMessageHasPermissionSetting()))
                .containsOnly("all_members");
    }

    @Test
    void chatOwnedByTheBotCarriesNoOwnerFields() throws Exception {
        var org = fx.org();
        String token = org.tenantToken();

        var created = server.http().post("/open-apis/im/v1/chats", token, "{\"name\":\"Bots only\"}");

        assertThat(created.code()).isZero();
        var data = created.body().path("data");
        assertThat(data.path("chat_id").asText()).startsWith("oc_");
        assertThat(data.has("owner_id")).isFalse();
        assertThat(data.has("owner_id_type")).isFalse();
        var got = org.rawGet("/open-apis/im/v1/chats/" + data.path("chat_id").asText())
                .body()
                .path("data");
        assertThat(got.path("name").asText()).isEqualTo("Bots only");
        assertThat(got.has("owner_id")).isFalse();
        assertThat(got.has("owner_id_type")).isFalse();
    }

    @Test
    void privateChatWithoutNameIsCalledNoSubject() throws Exception {
        var org = fx.org();

        var resp = ok(org.create(CreateChatReqBody.newBuilder().build()));

        assertThat(resp.getData().getName()).isEqualTo("(无主题)");
    }

    @Test
    void ownerIdFollowsUserIdType() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");

        var resp = ok(org.client
                .im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .userIdType("user_id")
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name("By user id")
                                .ownerId(ann.userId())
                                .build())
                        .build()));

        assertThat(resp.getData().getOwnerId()).isEqualTo(ann.userId());
        assertThat(resp.getData().getOwnerIdType()).isEqualTo("user_id");
    }

    @Test
    void setBotManagerMakesTheCreatingBotAManager() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");

        var created = ok(org.client
                .im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .setBotManager(true)
                        .createChatReqBody(CreateChatReqBody.newBuilder()
                                .name("Managed")
                                .ownerId(ann.openId())
                                .build())
                        .build()));

        var got = ok(org.client
                .im()
                .chat()
                .get(GetChatReq.newBuilder()
                        .chatId(created.getData().getChatId())
                        .build()));
        assertThat(got.getData().getBotManagerIdList()).containsExactly(org.bot.appId());
        assertThat(got.getData().getUserManagerIdList()).isEmpty();
    }

    @Test
    void userTokenCannotCreateChats() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        String userToken = server.admin().userToken(org.bot.appId(), ann.userId());

        var reply = server.http().post("/open-apis/im/v1/chats", userToken, "{\"name\":\"Mine\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(99991668);
        assertThat(chatsOf(org)).isEmpty();
    }

    @Test
    void appWithoutBotAbilityCannotCreateChats() throws Exception {
        var org = fx.org();
        var mute = org.botWithoutBotAbility("Mute");

        var resp = org.client(mute)
                .im()
                .chat()
                .create(CreateChatReq.newBuilder()
                        .createChatReqBody(
                                CreateChatReqBody.newBuilder().name("Silent").build())
                        .build());

        assertFails(resp, 232025);
    }

    @Test
    void createRejectsUnknownUser() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");

        var resp = org.create(CreateChatReqBody.newBuilder()
                .name("Ghosts")
                .userIdList(new String[] {ann.openId(), "ou_00000000000000000000000000000000"})
                .build());

        assertFails(resp, 232043);
        assertThat(chatsOf(org)).isEmpty();
    }

    @Test
    void createRejectsUserOfAnotherTenant() throws Exception {
        var org = fx.org();
        var other = fx.org();
        var stranger = other.person("Stranger");

        var resp = org.create(CreateChatReqBody.newBuilder()
                .name("Strangers")
                .userIdList(openIds(stranger))
                .build());

        assertFails(resp, 232043);
    }

    @Test
    void publicChatNeedsAName() throws Exception {
        var org = fx.org();

        var resp = org.create(CreateChatReqBody.newBuilder().chatType("public").build());

        assertFails(resp, 232042);
    }

    @Test
    void publicChatNameHasAtLeastTwoCharacters() throws Exception {
        var org = fx.org();

        var resp = org.create(
                CreateChatReqBody.newBuilder().chatType("public").name("A").build());

        assertFails(resp, 232020);
        ok(org.create(
                CreateChatReqBody.newBuilder().chatType("public").name("AB").build()));
    }

    @Test
    void restrictedModeOnNeedsOneSettingAtNotAnyone() throws Exception {
        var org = fx.org();

        var resp = org.create(CreateChatReqBody.newBuilder()
                .name("Locked")
                .restrictedModeSetting(RestrictedModeSetting.newBuilder()
                        .status(true)
                        .screenshotHasPermissionSetting("all_members")
                        .downloadHasPermissionSetting("all_members")
                        .messageHasPermissionSetting("all_members")
                        .build())
                .build());

        assertFails(resp, 232001);
    }

    @Test
    void restrictedModeOffAllowsNoSettingAtNotAnyone() throws Exception {
        var org = fx.org();

        var resp = org.create(CreateChatReqBody.newBuilder()
                .name("Half locked")
                .restrictedModeSetting(RestrictedModeSetting.newBuilder()
                        .status(false)
                        .downloadHasPermissionSetting("not_anyone")
                        .build())
                .build());

        assertFails(resp, 232001);
    }

    @Test
    void restrictedModeIsKeptWhenConsistent() throws Exception {
        var org = fx.org();

        var resp = ok(org.create(CreateChatReqBody.newBuilder()
                .name("Locked")
                .restrictedModeSetting(RestrictedModeSetting.newBuilder()
                        .status(true)
                        .screenshotHasPermissionSetting("not_anyone")
                        .build())
                .build()));

        var restricted = resp.getData().getRestrictedModeSetting();
        assertThat(restricted.getStatus()).isTrue();
        assertThat(restricted.getScreenshotHasPermissionSetting()).isEqualTo("not_anyone");
        assertThat(restricted.getDownloadHasPermissionSetting()).isEqualTo("all_members");
    }

    @Test
    void createTakesAtMostFiftyUsers() throws Exception {
        var org = fx.org();
        var ids = IntStream.range(0, 51)
                .mapToObj(i -> String.format("ou_%032x", i + 1))
                .toArray(String[]::new);

        var resp = org.create(
                CreateChatReqBody.newBuilder().name("Crowd").userIdList(ids).build());

        assertFails(resp, 232001);
    }

    @Test
    void createTakesAtMostFiveBots() throws Exception {
        var org = fx.org();
        var ids = IntStream.range(0, 6)
                .mapToObj(i -> String.format("cli_%016x", i + 1))
                .toArray(String[]::new);

        var resp = org.create(
                CreateChatReqBody.newBuilder().name("Robots").botIdList(ids).build());

        assertFails(resp, 232001);
    }

    @Test
    void createRejectsUuidLongerThanFiftyCharacters() throws Exception {
        var org = fx.org();

        var resp = create(
                org, "u".repeat(51), CreateChatReqBody.newBuilder().name("Long").build());

        assertFails(resp, 232001);
    }

    @Test
    void repeatedCreateWithTheSameUuidReturnsTheSameChat() throws Exception {
        var org = fx.org();
        var body = CreateChatReqBody.newBuilder().name("Once").build();

        String first = ok(create(org, "retry-1", body)).getData().getChatId();
        String second = ok(create(org, "retry-1", body)).getData().getChatId();
        String other = ok(create(org, "retry-2", body)).getData().getChatId();

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(chatsOf(org)).extracting(ListChat::getChatId).containsExactly(first, other);
    }

    @Test
    void sameUuidForAnotherOwnerCreatesAnotherChat() throws Exception {
        var org = fx.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");

        String forAnn = ok(create(
                        org,
                        "owner-scoped",
                        CreateChatReqBody.newBuilder()
                                .name("Ann's")
                                .ownerId(ann.openId())
                                .build()))
                .getData()
                .getChatId();
        String forBob = ok(create(
                        org,
                        "owner-scoped",
                        CreateChatReqBody.newBuilder()
                                .name("Bob's")
                                .ownerId(bob.openId())
                                .build()))
                .getData()
                .getChatId();

        assertThat(forBob).isNotEqualTo(forAnn);
    }

    @Test
    void concurrentCreatesWithTheSameUuidMakeOneChat() throws Exception {
        var org = fx.org();
        var body = CreateChatReqBody.newBuilder().name("Race").build();
        ok(org.client.im().chat().list(ListChatReq.newBuilder().build())); // token fetched before the race
        int threads = 8;
        var pool = Executors.newFixedThreadPool(threads);
        var go = new CountDownLatch(1);
        var answers = new ArrayList<CreateChatResp>();
        try {
            var futures = new ArrayList<Future<CreateChatResp>>();
            for (int i = 0; i < threads; i++) {
                Callable<CreateChatResp> call = () -> {
                    go.await();
                    return create(org, "race-uuid", body);
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            for (var f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(CreateChatResp::getCode).allMatch(code -> code == 0 || code == 232068);
        Set<String> chatIds = answers.stream()
                .filter(a -> a.getCode() == 0)
                .map(a -> a.getData().getChatId())
                .collect(Collectors.toSet());
        assertThat(chatIds).hasSize(1);
        assertThat(chatsOf(org)).extracting(ListChat::getChatId).containsExactlyElementsOf(chatIds);
    }
}
