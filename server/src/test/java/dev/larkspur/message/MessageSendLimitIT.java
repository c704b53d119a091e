package dev.larkspur.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import dev.larkspur.support.Sdk;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Feishu's per-chat message limit, 5 a second, on a server with the default setting. */
class MessageSendLimitIT {

    @Test
    void sixthMessageIntoOneChatWithinASecondIsRefusedWith230020AndOtherChatsAreNotAffected() throws Exception {
        try (var server = TestServer.start(Map.of("larkspur.messages.per-chat-per-second", "5"))) {
            String tenant = server.admin().tenant("Limits Co");
            var app = server.admin().app(tenant, "Chatty");
            server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
            server.admin().user(tenant, Map.of("name", "Bob", "user_id", "bob"));
            var client = Sdk.client(server, app);

            // The limiter runs on the server's clock: stopped, the six sends are within one second
            // however slow the machine.
            server.clock().freeze();
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                codes.add(send(client, "ann").getCode());
            }
            assertThat(codes.subList(0, 5)).containsOnly(0);
            assertThat(codes.get(5)).isEqualTo(230020);
            assertThat(send(client, "bob").getCode())
                    .as("another chat has its own budget")
                    .isZero();

            server.clock().advance(Duration.ofSeconds(1));
            assertThat(send(client, "ann").getCode()).as("the next second").isZero();
        }
    }

    private static com.lark.oapi.service.im.v1.model.CreateMessageResp send(com.lark.oapi.Client client, String userId)
            throws Exception {
        return client.im()
                .message()
                .create(CreateMessageReq.newBuilder()
                        .receiveIdType("user_id")
                        .createMessageReqBody(CreateMessageReqBody.newBuilder()
                                .receiveId(userId)
                                .msgType("text")
                                .content("{\"text\":\"hi\"}")
                                .build())
                        .build());
    }
}
