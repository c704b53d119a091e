package dev.larkspur.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateChatReq;
import com.lark.oapi.service.im.v1.model.CreateChatReqBody;
import dev.larkspur.support.TestServer;
import dev.larkspur.support.WebHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The live stream with two instances on one PostgreSQL database: a message written through one
 * instance reaches a browser whose stream is open on the other, woken by NOTIFY (the outbox is the
 * feed both read). H2 serves a single instance, so this runs on PostgreSQL only.
 */
class LiveTwoInstancesIT {
    @Test
    void aMessageSentThroughOneInstanceReachesAStreamOpenOnTheOther() throws Exception {
        assumeTrue("postgres".equals(System.getProperty("larkspur.it.db")), "two instances need PostgreSQL");
        try (var a = TestServer.start();
                var b = TestServer.secondOn(a, Map.of())) {
            Properties demo = a.demoCredentials();
            var sdk = Client.newBuilder(demo.getProperty("app_id"), demo.getProperty("app_secret"))
                    .openBaseUrl(a.baseUrl())
                    .build();
            var created = sdk.im()
                    .chat()
                    .create(CreateChatReq.newBuilder()
                            .userIdType("user_id")
                            .createChatReqBody(CreateChatReqBody.newBuilder()
                                    .name("Two instances")
                                    .userIdList(new String[] {"alice", "bob"})
                                    .build())
                            .build());
            assertThat(created.getCode()).as(created.getMsg()).isZero();
            String chatPath = "/chats/" + created.getData().getChatId();
            var aliceOnB = signedIn(b, demo, "alice");
            var bobOnA = signedIn(a, demo, "bob");
            var stream = aliceOnB.openStream("/events");
            assertThat(stream.statusCode()).isEqualTo(200);
            var lines = new CopyOnWriteArrayList<String>();
            var reader = new Thread(() -> stream.body().forEach(lines::add), "sse-reader");
            reader.setDaemon(true);
            reader.start();

            long sentAt = System.nanoTime();
            var sent = bobOnA.post(
                    chatPath + "/messages",
                    Map.of("text", "written on A"),
                    Map.of("X-CSRF-Token", WebHttp.csrfIn(bobOnA.get("/chats").body()), "HX-Request", "true"));
            assertThat(sent.statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> List.copyOf(lines).stream().anyMatch(l -> l.contains("written on A")));
            long millis = (System.nanoTime() - sentAt) / 1_000_000;
            System.out.println("live across instances: " + millis + " ms from send on A to the stream on B");
            assertThat(lines).anyMatch(l -> l.equals("event:message"));
        }
    }

    private static WebHttp signedIn(TestServer server, Properties demo, String name) {
        var web = new WebHttp(server);
        assertThat(web.signIn(name + "@demo.larkspur.dev", demo.getProperty("web_password"))
                        .statusCode())
                .isEqualTo(302);
        return web;
    }
}
