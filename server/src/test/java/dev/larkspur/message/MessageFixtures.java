package dev.larkspur.message;

import static dev.larkspur.support.Person.openIds;
import static dev.larkspur.support.Responses.assertFails;
import static dev.larkspur.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.core.token.AccessTokenType;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageResp;
import com.lark.oapi.service.im.v1.model.GetMessageReq;
import com.lark.oapi.service.im.v1.model.ListMessageReq;
import com.lark.oapi.service.im.v1.model.Message;
import com.lark.oapi.service.im.v1.model.ReplyMessageReq;
import com.lark.oapi.service.im.v1.model.ReplyMessageReqBody;
import com.lark.oapi.service.im.v1.model.ReplyMessageResp;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Person;
import dev.larkspur.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fresh tenants, bots, people and chats for the message integration tests, and the calls every test
 * repeats. Each test builds its own {@link Org}, so tests never see each other's messages.
 */
final class MessageFixtures {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String INVALID_PARAM = "Your request contains an invalid request parameter, ext=";
    private final TestServer server;

    MessageFixtures(TestServer server) {
        this.server = server;
    }

    Org org() {
        return new Org(server);
    }

    /** A tenant of the message tests: the shared {@link dev.larkspur.support.Org}, chats and sends. */
    static final class Org extends dev.larkspur.support.Org {
        private Org(TestServer server) {
            super(server, "Message Co", "Main Bot");
        }

        /** A group chat created and owned by the main bot, with these people in it. */
        String group(Person... people) throws Exception {
            return group(CreateChatReqBody.newBuilder().name("Group").userIdList(openIds(people)));
        }

        /** A group chat created by the main bot, owned by {@code owner}, with people and more bots. */
        String groupOwnedBy(Person owner, List<Admin.AppCreds> bots, Person... people) throws Exception {
            return group(CreateChatReqBody.newBuilder()
                    .name("Group")
                    .ownerId(owner.openId())
                    .userIdList(openIds(people))
                    .botIdList(bots.stream().map(Admin.AppCreds::appId).toArray(String[]::new)));
        }

        private String group(CreateChatReqBody.Builder body) throws Exception {
            var resp = client.im()
                    .chat()
                    .create(CreateChatReq.newBuilder()
                            .createChatReqBody(body.build())
                            .build());
            return ok(resp).getData().getChatId();
        }

        CreateMessageResp send(String receiveIdType, String receiveId, String msgType, String content)
                throws Exception {
            return send(client, receiveIdType, receiveId, msgType, content, null);
        }

        CreateMessageResp send(
                Client as,
                String receiveIdType,
                String receiveId,
                String msgType,
                String content,
                RequestOptions options)
                throws Exception {
            var request = CreateMessageReq.newBuilder()
                    .receiveIdType(receiveIdType)
                    .createMessageReqBody(CreateMessageReqBody.newBuilder()
                            .receiveId(receiveId)
                            .msgType(msgType)
                            .content(content)
                            .build())
                    .build();
            return options == null
                    ? as.im().message().create(request)
                    : as.im().message().create(request, options);
        }

        /** Sends to a chat as the main bot and asserts success. */
        CreateMessageResp sendToChat(String chatId, String msgType, String content) throws Exception {
            return ok(send("chat_id", chatId, msgType, content));
        }

        /** A text message posted by the main bot into the chat. */
        Message post(String chatId, String text) throws Exception {
            var data = sendToChat(chatId, "text", text(text)).getData();
            return get(data.getMessageId());
        }

        ReplyMessageResp reply(String messageId, String text, boolean inThread) throws Exception {
            return client.im()
                    .message()
                    .reply(ReplyMessageReq.newBuilder()
                            .messageId(messageId)
                            .replyMessageReqBody(ReplyMessageReqBody.newBuilder()
                                    .msgType("text")
                                    .content(text(text))
                                    .replyInThread(inThread)
                                    .build())
                            .build());
        }

        /** The message as the main bot reads it back. */
        Message get(String messageId) throws Exception {
            var items = ok(client.im()
                            .message()
                            .get(GetMessageReq.newBuilder().messageId(messageId).build()))
                    .getData()
                    .getItems();
            assertThat(items).hasSize(1);
            return items[0];
        }

        /** Every message of a container, oldest first, following page tokens to the end. */
        List<Message> history(String containerIdType, String containerId) throws Exception {
            var all = new ArrayList<Message>();
            String token = null;
            do {
                var page = ok(client.im()
                                .message()
                                .list(ListMessageReq.newBuilder()
                                        .containerIdType(containerIdType)
                                        .containerId(containerId)
                                        .pageSize(50)
                                        .pageToken(token)
                                        .build()))
                        .getData();
                all.addAll(Arrays.asList(page.getItems()));
                token = Boolean.TRUE.equals(page.getHasMore()) ? page.getPageToken() : null;
            } while (token != null);
            return all;
        }

        List<Message> chatHistory(String chatId) throws Exception {
            return history("chat", chatId);
        }

        /** A GET through the SDK's raw call, for query parameters its typed request lacks. */
        JsonNode rawGet(String pathAndQuery) throws Exception {
            var raw = client.get(pathAndQuery, null, AccessTokenType.Tenant);
            return JSON.readTree(new String(raw.getBody(), StandardCharsets.UTF_8));
        }
    }

    /** {@code {"text": …}} as a content string. */
    static String text(String text) {
        return json(Map.of("text", text));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /**
     * Asserts 230001 with the given {@code ext=} detail (spec/message.md §6.2, §4.1); Feishu's own
     * example ends the detail with a full stop, so one is allowed.
     */
    static void assertInvalid(BaseResponse<?> response, String detail) {
        assertFails(response, 230001);
        assertThat(response.getMsg()).startsWith(INVALID_PARAM);
        assertThat(response.getMsg().replaceFirst("\\.$", "")).endsWith(detail);
    }
}
