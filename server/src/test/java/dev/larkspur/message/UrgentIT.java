package dev.larkspur.message;

import static dev.larkspur.message.ForwardCalls.raw;
import static dev.larkspur.message.ForwardCalls.recall;
import static dev.larkspur.message.MessageFixtures.assertInvalid;
import static dev.larkspur.message.MessageFixtures.text;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.UrgentAppMessageReq;
import com.lark.oapi.service.im.v1.model.UrgentPhoneMessageReq;
import com.lark.oapi.service.im.v1.model.UrgentReceivers;
import com.lark.oapi.service.im.v1.model.UrgentSmsMessageReq;
import dev.larkspur.support.Admin;
import dev.larkspur.support.TestServer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Urgent notifications in the app, by SMS and by phone (spec/message.md §3.13). */
class UrgentIT {
    private static TestServer server;
    private static MessageFixtures fixtures;

    @BeforeAll
    static void start() {
        // One test buzzes a person about 200 messages, well past the gateway's 50 calls a second.
        server = TestServer.start(Map.of("larkspur.rate-limit.enabled", false));
        fixtures = new MessageFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static UrgentReceivers receivers(String... ids) {
        return UrgentReceivers.newBuilder().userIdList(ids).build();
    }

    private static BaseResponse<?> urgentApp(Client as, String messageId, String idType, String... ids)
            throws Exception {
        return as.im()
                .message()
                .urgentApp(UrgentAppMessageReq.newBuilder()
                        .messageId(messageId)
                        .userIdType(idType)
                        .urgentReceivers(receivers(ids))
                        .build());
    }

    private static String invalidIds(BaseResponse<?> response) {
        return raw(response).path("data").path("invalid_user_id_list").toString();
    }

    @Test
    void urgentAppReachingEveryoneAnswersAnEmptyInvalidList() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var message = org.post(org.group(ann), "now please");

        var resp = ok(urgentApp(org.client, message.getMessageId(), "open_id", ann.openId()));

        assertThat(raw(resp).path("data").propertyNames()).containsExactly("invalid_user_id_list");
        assertThat(invalidIds(resp)).isEqualTo("[]");
    }

    @Test
    void eachKindOfUrgentIsRecordedForThePerson() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var message = org.post(org.group(ann), "now please");
        String id = message.getMessageId();

        ok(urgentApp(org.client, id, "open_id", ann.openId()));
        ok(org.client
                .im()
                .message()
                .urgentSms(UrgentSmsMessageReq.newBuilder()
                        .messageId(id)
                        .userIdType("open_id")
                        .urgentReceivers(receivers(ann.openId()))
                        .build()));
        ok(org.client
                .im()
                .message()
                .urgentPhone(UrgentPhoneMessageReq.newBuilder()
                        .messageId(id)
                        .userIdType("open_id")
                        .urgentReceivers(receivers(ann.openId()))
                        .build()));

        // No API reads urgent state back, so the test reads what was stored.
        var kinds = server.bean(JdbcClient.class)
                .sql("select u.kind from message_urgent u join message m on m.id = u.message_id"
                        + " where m.message_id = ? order by u.kind")
                .param(id)
                .query(String.class)
                .list();
        assertThat(kinds).containsExactly("app", "phone", "sms");
    }

    @Test
    void peopleOutsideTheChatAndUnknownIdsAreReportedInvalid() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        var message = org.post(org.group(ann), "now please");
        String unknown = "ou_" + "0".repeat(32);

        var resp = ok(urgentApp(org.client, message.getMessageId(), "open_id", ann.openId(), bob.openId(), unknown));

        assertThat(invalidIds(resp)).isEqualTo("[\"" + bob.openId() + "\",\"" + unknown + "\"]");
    }

    @Test
    void peopleAreNamedInTheRequestedIdType() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var message = org.post(org.group(ann), "now please");

        var resp = ok(urgentApp(org.client, message.getMessageId(), "user_id", ann.userId(), "nobody"));

        assertThat(invalidIds(resp)).isEqualTo("[\"nobody\"]");
    }

    @Test
    void urgentReachingNoOneIsRejected() throws Exception {
        var org = fixtures.org();
        var bob = org.person("Bob");
        var message = org.post(org.group(), "now please");

        var resp = urgentApp(org.client, message.getMessageId(), "open_id", bob.openId());

        assertInvalid(resp, "all ids in the user_id_list are invalid");
    }

    @Test
    void userIdListMustHoldOneToTwoHundredIds() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String id = org.post(org.group(ann), "now please").getMessageId();
        var tooMany = Collections.nCopies(201, ann.openId()).toArray(String[]::new);

        assertInvalid(urgentApp(org.client, id, "open_id"), "invalid user_id");
        assertInvalid(urgentApp(org.client, id, "open_id", tooMany), "invalid user_id");
    }

    @Test
    void onlyTheBotsOwnMessagesCanBeUrgent() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = org.group(ann);
        var hers = ok(org.send(org.client, "chat_id", chatId, "text", text("mine"), org.as(ann)))
                .getData();

        var resp = urgentApp(org.client, hers.getMessageId(), "open_id", ann.openId());

        assertFails(resp, 230012);
        assertThat(resp.getMsg()).isEqualTo("Bot is NOT the sender of the message.");
    }

    @Test
    void recalledMessageCannotBeUrgent() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var message = org.post(org.group(ann), "oops");
        recall(org.client, message.getMessageId());

        var resp = urgentApp(org.client, message.getMessageId(), "open_id", ann.openId());

        assertFails(resp, 230110);
    }

    @Test
    void urgentOfAnUnknownMessageIsRejected() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");

        var resp = urgentApp(org.client, "om_" + "0".repeat(32), "open_id", ann.openId());

        assertInvalid(resp, "invalid message_id");
    }

    @Test
    void inAChatWhereOnlyTheOwnerMayUrgentAPlainMemberBotCannot() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var creator = org.client(org.bot("Creator"));
        String chatId = ok(creator.im()
                        .chat()
                        .create(CreateChatReq.newBuilder()
                                .userIdType("user_id")
                                .createChatReqBody(CreateChatReqBody.newBuilder()
                                        .name("Strict")
                                        .urgentSetting("only_owner")
                                        .userIdList(new String[] {ann.userId()})
                                        .botIdList(new String[] {org.bot.appId()})
                                        .build())
                                .build()))
                .getData()
                .getChatId();
        var message = org.post(chatId, "now please");

        var resp = urgentApp(org.client, message.getMessageId(), "open_id", ann.openId());

        assertFails(resp, 230052);
    }

    @Test
    void aPersonWithTwoHundredUnreadUrgentMessagesCannotBeBuzzedAgainUntilReadingOne() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = org.group(ann);
        String first = null;
        for (int i = 0; i < 200; i++) {
            String id = org.sendToChat(chatId, "text", text("urgent " + i))
                    .getData()
                    .getMessageId();
            ok(urgentApp(org.client, id, "open_id", ann.openId()));
            first = first == null ? id : first;
        }
        String next = org.post(chatId, "one more").getMessageId();

        var resp = urgentApp(org.client, next, "open_id", ann.openId());

        assertFails(resp, 230023);
        Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + org.tenantKey + "/users/" + ann.userId() + "/reads",
                        Map.of("message_ids", List.of(first), "app_id", org.bot.appId())));
        ok(urgentApp(org.client, next, "open_id", ann.openId()));
    }
}
