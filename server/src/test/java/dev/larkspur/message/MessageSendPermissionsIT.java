package dev.larkspur.message;

import static dev.larkspur.message.MessageFixtures.parse;
import static dev.larkspur.message.MessageFixtures.text;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.DeleteChatReq;
import com.lark.oapi.service.im.v1.model.UpdateChatModerationReq;
import com.lark.oapi.service.im.v1.model.UpdateChatModerationReqBody;
import com.lark.oapi.service.im.v1.model.UpdateChatReq;
import com.lark.oapi.service.im.v1.model.UpdateChatReqBody;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Person;
import dev.larkspur.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may send where (spec/message.md §3.1): bots and people in the chat, not in a dissolved one,
 * a bot only with its bot ability, and {@code @all} as the chat's settings allow.
 */
class MessageSendPermissionsIT {
    private static TestServer server;
    private static MessageFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fixtures = new MessageFixtures(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void botOutsideTheChatCannotSend() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        var outsider = org.bot("Outsider");

        var resp = org.send(org.client(outsider), "chat_id", chatId, "text", text("hi"), null);

        assertFails(resp, 230002);
        assertThat(resp.getMsg()).isEqualTo("The bot can not be outside the group.");
    }

    @Test
    void dissolvedChatRefusesMessages() throws Exception {
        var org = fixtures.org();
        String chatId = org.group();
        ok(org.client
                .im()
                .chat()
                .delete(DeleteChatReq.newBuilder().chatId(chatId).build()));

        var resp = org.send("chat_id", chatId, "text", text("anyone?"));

        assertFails(resp, 232009);
    }

    @Test
    void botWithoutBotAbilityCannotSend() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        Admin.ok(server.admin().call("PATCH", "/admin/v1/apps/" + org.bot.appId(), Map.of("bot_enabled", false)));

        var resp = org.send("open_id", ann.openId(), "text", text("hi"));

        assertFails(resp, 230006);
    }

    @Test
    void userSendsIntoAGroupTheyAreInAsThemself() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = org.group(ann);

        var resp = org.send(org.client, "chat_id", chatId, "text", text("from Ann"), org.as(ann));

        var sender = ok(resp).getData().getSender();
        assertThat(sender.getId()).isEqualTo(ann.openId());
        assertThat(sender.getIdType()).isEqualTo("open_id");
        assertThat(sender.getSenderType()).isEqualTo("user");
        assertThat(org.get(resp.getData().getMessageId()).getSender().getId()).isEqualTo(ann.openId());
    }

    @Test
    void userOutsideTheChatCannotSend() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = org.group();

        var resp = org.send(org.client, "chat_id", chatId, "text", text("let me in"), org.as(ann));

        assertFails(resp, 230002);
    }

    @Test
    void mentionAllByAnOrdinaryMemberIsBlockedWhenOnlyTheOwnerMay() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = onlyOwnerMentionsAll(org, ann);

        var resp =
                org.send(org.client, "chat_id", chatId, "text", text("<at user_id=\"all\"></at> hello"), org.as(ann));

        assertFails(resp, 230018);
    }

    @Test
    void ownerMayMentionAllWhenOnlyTheOwnerMay() throws Exception {
        var org = fixtures.org();
        String chatId = onlyOwnerMentionsAll(org, org.person("Ann"));

        var m = org.sendToChat(chatId, "text", text("<at user_id=\"all\"></at> hello"))
                .getData();

        assertThat(parse(m.getBody().getContent()).path("text").asText()).isEqualTo("@_all hello");
    }

    @Test
    void ordinaryMemberMayMentionAllByDefault() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = org.group(ann);

        var resp =
                org.send(org.client, "chat_id", chatId, "text", text("<at user_id=\"all\"></at> hello"), org.as(ann));

        ok(resp);
    }

    @Test
    void ordinaryMemberCannotSpeakWhenOnlyTheOwnerMay() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        String chatId = moderated(org, "only_owner", List.of(ann));

        assertFails(org.send(org.client, "chat_id", chatId, "text", text("hi"), org.as(ann)), 230018);
        ok(org.sendToChat(chatId, "text", text("the owner still may")));
    }

    @Test
    void listedModeratorMaySpeakAndOthersMayNot() throws Exception {
        var org = fixtures.org();
        var ann = org.person("Ann");
        var bob = org.person("Bob");
        String chatId = moderated(org, "moderator_list", List.of(ann, bob), ann);

        ok(org.send(org.client, "chat_id", chatId, "text", text("moderator here"), org.as(ann)));
        assertFails(org.send(org.client, "chat_id", chatId, "text", text("me too?"), org.as(bob)), 230018);
    }

    /** A group of the main bot with these people, under the given moderation setting. */
    private static String moderated(MessageFixtures.Org org, String setting, List<Person> people, Person... moderators)
            throws Exception {
        String chatId = org.group(people.toArray(Person[]::new));
        var body = UpdateChatModerationReqBody.newBuilder().moderationSetting(setting);
        if (moderators.length > 0) {
            body.moderatorAddedList(Person.openIds(moderators));
        }
        ok(org.client
                .im()
                .chatModeration()
                .update(UpdateChatModerationReq.newBuilder()
                        .chatId(chatId)
                        .updateChatModerationReqBody(body.build())
                        .build()));
        return chatId;
    }

    /** A group of the main bot with Ann in it, where only the owner may @all. */
    private static String onlyOwnerMentionsAll(MessageFixtures.Org org, Person member) throws Exception {
        String chatId = org.group(member);
        ok(org.client
                .im()
                .chat()
                .update(UpdateChatReq.newBuilder()
                        .chatId(chatId)
                        .updateChatReqBody(UpdateChatReqBody.newBuilder()
                                .atAllPermission("only_owner")
                                .build())
                        .build()));
        return chatId;
    }
}
