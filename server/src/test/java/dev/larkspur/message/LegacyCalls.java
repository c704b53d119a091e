package dev.larkspur.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.lark.oapi.Client;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.core.token.AccessTokenType;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * The v4-era APIs (message/v4/send, message/v4/batch_send, interactive/v1/card/update,
 * ephemeral/v1/*), which no official SDK types: called through the Java SDK's raw {@code post}, as
 * Feishu's own docs show.
 */
final class LegacyCalls {
    static final String BATCH_SEND = "/open-apis/message/v4/batch_send/";
    static final String SEND = "/open-apis/message/v4/send/";
    static final String CARD_UPDATE = "/open-apis/interactive/v1/card/update";
    static final String EPHEMERAL_SEND = "/open-apis/ephemeral/v1/send";
    static final String EPHEMERAL_DELETE = "/open-apis/ephemeral/v1/delete";

    private LegacyCalls() {}

    /** An answer: HTTP status and the JSON body. */
    record Reply(int status, JsonNode body) {
        int code() {
            return body.path("code").asInt(-1);
        }

        JsonNode data() {
            return body.path("data");
        }
    }

    static Reply post(Client client, String path, Object body) throws Exception {
        return reply(client.post(path, gson(body), AccessTokenType.Tenant));
    }

    static Reply post(Client client, String path, Object body, RequestOptions options) throws Exception {
        return reply(client.post(path, gson(body), AccessTokenType.Tenant, options));
    }

    /** The body as Gson's {@code JsonObject}, as the docs' raw calls pass it: the SDK reflects on other types. */
    private static JsonObject gson(Object body) {
        return JsonParser.parseString(MessageFixtures.json(body)).getAsJsonObject();
    }

    private static Reply reply(com.lark.oapi.core.response.RawResponse raw) {
        return new Reply(raw.getStatusCode(), MessageFixtures.parse(new String(raw.getBody(), StandardCharsets.UTF_8)));
    }

    /** Success the v4 way: HTTP 200, code 0, {@code "msg":"ok"}. */
    static Reply ok(Reply reply) {
        assertThat(reply.code()).as(reply.body().toString()).isZero();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("msg").asText()).isEqualTo("ok");
        return reply;
    }

    /** A v4 error: its code, on HTTP 200. */
    static void assertFails(Reply reply, int code) {
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(code);
        assertThat(reply.status()).isEqualTo(200);
    }
}
