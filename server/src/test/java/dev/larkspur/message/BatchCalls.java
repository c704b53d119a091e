package dev.larkspur.message;

import static dev.larkspur.support.Responses.ok;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.service.im.v1.model.DeleteBatchMessageReq;
import com.lark.oapi.service.im.v1.model.DeleteBatchMessageResp;
import com.lark.oapi.service.im.v1.model.GetProgressBatchMessageReq;
import com.lark.oapi.service.im.v1.model.GetProgressBatchMessageResp;
import com.lark.oapi.service.im.v1.model.Message;
import com.lark.oapi.service.im.v1.model.ReadUserBatchMessageReq;
import com.lark.oapi.service.im.v1.model.ReadUserBatchMessageResp;
import dev.larkspur.directory.UserService;
import dev.larkspur.support.Admin;
import dev.larkspur.support.Person;
import dev.larkspur.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Batch sends and the SDK's {@code client.im().batchMessage()} calls, as BatchMessageIT repeats them. */
final class BatchCalls {
    private BatchCalls() {}

    /** A text batch to people by open_id. */
    static LegacyCalls.Reply sendText(Client client, String text, String... openIds) throws Exception {
        return send(client, body("text", Map.of("text", text), Map.of("open_ids", List.of(openIds))));
    }

    /** A text batch to the ids given, by kind ({@code open_ids}, {@code user_ids}, …). */
    static LegacyCalls.Reply sendText(Client client, String text, Map<String, List<String>> ids) throws Exception {
        return send(client, body("text", Map.of("text", text), ids));
    }

    static LegacyCalls.Reply send(Client client, Map<String, Object> body) throws Exception {
        return LegacyCalls.post(client, LegacyCalls.BATCH_SEND, body);
    }

    /** A batch_send body: msg_type, its content (or card), and the id lists given. */
    static Map<String, Object> body(String msgType, Object content, Map<String, List<String>> ids) {
        var body = new LinkedHashMap<String, Object>(ids);
        body.put("msg_type", msgType);
        body.put(msgType.equals("interactive") ? "card" : "content", content);
        return body;
    }

    static DeleteBatchMessageResp recall(Client client, String batchId, RequestOptions options) throws Exception {
        var req = DeleteBatchMessageReq.newBuilder().batchMessageId(batchId).build();
        return options == null
                ? client.im().batchMessage().delete(req)
                : client.im().batchMessage().delete(req, options);
    }

    static ReadUserBatchMessageResp readUser(Client client, String batchId, RequestOptions options) throws Exception {
        var req = ReadUserBatchMessageReq.newBuilder().batchMessageId(batchId).build();
        return options == null
                ? client.im().batchMessage().readUser(req)
                : client.im().batchMessage().readUser(req, options);
    }

    static GetProgressBatchMessageResp progress(Client client, String batchId) throws Exception {
        return client.im()
                .batchMessage()
                .getProgress(GetProgressBatchMessageReq.newBuilder()
                        .batchMessageId(batchId)
                        .build());
    }

    /** The raw JSON {@code data} of an SDK response, to check JSON types the SDK's models hide. */
    static JsonNode rawData(com.lark.oapi.core.response.BaseResponse<?> response) {
        return MessageFixtures.parse(new String(ok(response).getRawResponse().getBody(), StandardCharsets.UTF_8))
                .path("data");
    }

    /**
     * The app's client with a tenant token fetched now, for calls after a test moved the server clock
     * past the expiry of the token the SDK cached; {@link #freshToken} gives the options to send.
     */
    static Client uncachedClient(TestServer server, Admin.AppCreds app) {
        return Client.newBuilder(app.appId(), app.appSecret())
                .openBaseUrl(server.baseUrl())
                .disableTokenCache()
                .build();
    }

    static RequestOptions freshToken(TestServer server, Admin.AppCreds app) {
        return RequestOptions.newBuilder()
                .tenantAccessToken(server.http().tenantToken(app.appId(), app.appSecret()))
                .build();
    }

    /** A department of the org's tenant with new people in it, as no API creates departments yet. */
    static void department(TestServer server, MessageFixtures.Org org, String departmentId, String... names) {
        server.bean(UserService.class).ensureDepartment(org.tenantKey, departmentId, departmentId);
        for (String name : names) {
            server.admin()
                    .user(
                            org.tenantKey,
                            Map.of(
                                    "name",
                                    name,
                                    "user_id",
                                    name + org.tenantKey,
                                    "department_ids",
                                    List.of(departmentId)));
        }
    }

    /** The person reads the message, as their client would. */
    static void markRead(TestServer server, MessageFixtures.Org org, Person person, String messageId) {
        Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + org.tenantKey + "/users/" + person.userId() + "/reads",
                        Map.of("message_ids", List.of(messageId), "app_id", org.bot.appId())));
    }

    /** The messages of the bot's p2p chat with a person, found by writing to them once more. */
    static List<Message> p2pHistory(MessageFixtures.Org org, Person person) throws Exception {
        String chatId = ok(org.send("open_id", person.openId(), "text", MessageFixtures.text("ping")))
                .getData()
                .getChatId();
        var history = org.chatHistory(chatId);
        return history.subList(0, history.size() - 1);
    }

    static String p2pChat(MessageFixtures.Org org, Person person) throws Exception {
        return ok(org.send("open_id", person.openId(), "text", MessageFixtures.text("ping")))
                .getData()
                .getChatId();
    }
}
