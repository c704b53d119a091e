package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import dev.larkspur.support.Admin;
import dev.larkspur.support.EventReceiver;
import dev.larkspur.support.TestServer;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fan-out reads the outbox by key from a cursor. An event whose transaction commits after one with
 * a higher key has been fanned out (its key was given out first, its commit came later) still
 * reaches the bot; a key whose transaction rolls back holds nothing up, and on PostgreSQL is
 * forgotten as soon as that transaction has ended.
 */
class LateCommitIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("larkspur.events.poll-millis", "50"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anEventCommittedAfterAHigherKeyIsStillDelivered() throws Exception {
        String tenant = server.admin().tenant("Late Co");
        var app = server.admin().app(tenant, "Listener");
        server.admin().user(tenant, Map.of("name", "Ann", "user_id", "ann"));
        var received = new CopyOnWriteArrayList<P2MessageReceiveV1>();
        var dispatcher = EventDispatcher.newBuilder("vt-" + app.appId(), "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        received.add(event);
                    }
                })
                .build();
        try (var receiver = new EventReceiver(dispatcher)) {
            Admin.ok(server.admin()
                    .call(
                            "PUT",
                            "/admin/v1/apps/" + app.appId() + "/event_settings",
                            Map.of(
                                    "request_url", receiver.url(),
                                    "verification_token", "vt-" + app.appId(),
                                    "event_types", List.of("im.message.receive_v1"))));
            var data = server.bean(DataSource.class);
            annWrites(tenant, app.appId(), "first");
            await().atMost(Duration.ofSeconds(10)).until(() -> texts(received).contains("first"));
            String firstEventId = received.get(0).getHeader().getEventId();

            // Another writer takes a key and holds its transaction open: a copy of the first event.
            try (Connection late = data.getConnection();
                    Connection rolledBack = data.getConnection()) {
                late.setAutoCommit(false);
                rolledBack.setAutoCommit(false);
                copyEvent(late, firstEventId, "ev_late_commit");
                copyEvent(rolledBack, firstEventId, "ev_rolled_back");

                // A higher key commits and is delivered while the two lower ones are open.
                annWrites(tenant, app.appId(), "second");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> texts(received).contains("second"));

                late.commit();
                rolledBack.rollback();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                    .anyMatch(e -> e.getHeader().getEventId().equals("ev_late_commit")));

            annWrites(tenant, app.appId(), "third");
            await().atMost(Duration.ofSeconds(10)).until(() -> texts(received).contains("third"));
            assertThat(received)
                    .extracting(e -> e.getHeader().getEventId())
                    .doesNotHaveDuplicates()
                    .doesNotContain("ev_rolled_back");
            if (postgres(data)) {
                // The rolled-back key's writer has ended, so its gap goes after FanoutCursor.SETTLE_MILLIS,
                // not H2's two minutes.
                var cursor = server.bean(JdbcClient.class).sql("select gaps from fanout_cursor where id = 1");
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> cursor.query(String.class).single().isEmpty());
            }
        }
    }

    private static void annWrites(String tenant, String appId, String text) {
        Admin.ok(server.admin()
                .call(
                        "POST",
                        "/admin/v1/tenants/" + tenant + "/users/ann/messages",
                        Map.of(
                                "receive_id_type",
                                "app_id",
                                "receive_id",
                                appId,
                                "msg_type",
                                "text",
                                "content",
                                "{\"text\":\"" + text + "\"}")));
    }

    private static void copyEvent(Connection c, String eventId, String newEventId) throws Exception {
        try (var s = c.prepareStatement(
                "insert into event_outbox (event_id, event_type, tenant_id, chat_id, only_app_id, payload, created_at)"
                        + " select ?, event_type, tenant_id, chat_id, only_app_id, payload, created_at"
                        + " from event_outbox where event_id = ?")) {
            s.setString(1, newEventId);
            s.setString(2, eventId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static boolean postgres(DataSource data) throws Exception {
        try (var c = data.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    private static List<String> texts(List<P2MessageReceiveV1> events) {
        return events.stream()
                .map(e -> e.getEvent().getMessage().getContent())
                .map(content -> content.replaceAll(".*\"text\":\"([^\"]*)\".*", "$1"))
                .toList();
    }
}
