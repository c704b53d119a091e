package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.larkspur.support.Admin;
import dev.larkspur.support.BusyBot;
import dev.larkspur.support.PushRecorder;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database share the event work: every delivery is claimed by one
 * of them only, and work recorded on one is found at once by the other, woken by NOTIFY rather
 * than by its poll. H2 serves a single instance, so these run on PostgreSQL only.
 */
class TwoInstanceIT {
    private static final int PEOPLE = 4;
    private static final int MESSAGES_EACH = 500;

    @BeforeEach
    void postgresOnly() {
        assumeTrue("postgres".equals(System.getProperty("larkspur.it.db")), "two instances need PostgreSQL");
    }

    @Test
    void eachDeliveryIsPushedByOneInstanceOnly() {
        var props =
                Map.<String, Object>of("larkspur.events.retry-factor", "0.001", "larkspur.events.poll-millis", "50");
        try (var a = TestServer.start(props);
                var b = TestServer.secondOn(a, props);
                var recorder = new PushRecorder()) {
            var bot = BusyBot.create(a.admin(), recorder.url(), PEOPLE);
            var admins = List.of(a.admin(), b.admin());
            long start = System.nanoTime();

            // Half the people write through each instance, so that both record events.
            var sent = bot.everyoneWrites(
                    MESSAGES_EACH,
                    (person, text) -> bot.write(admins.get(bot.people().indexOf(person) % 2), person, text));
            long written = System.nanoTime();
            recorder.awaitPushed(sent.keySet(), Duration.ofMinutes(2));
            await("no delivery pending")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !bot.hasPendingDeliveries(a.admin()));
            long done = System.nanoTime();

            var receipts = recorder.receipts();
            var deliveries = bot.deliveries(b.admin());
            assertThat(deliveries).hasSize(PEOPLE * MESSAGES_EACH);
            assertThat(deliveries.keySet()).isEqualTo(receipts.keySet());
            var repeated = receipts.values().stream().filter(r -> r.size() > 1).toList();
            assertThat(repeated.size())
                    .as(
                            "events received more than once, e.g. %s",
                            repeated.stream().limit(5).toList())
                    .isZero();
            assertThat(deliveries.values())
                    .filteredOn(d -> !d.path("status").asString().equals("delivered")
                            || d.path("attempts").asInt() != 1)
                    .as("deliveries not delivered in exactly one attempt")
                    .isEmpty();
            // A also sent the url_verification challenge when the bot set its request URL.
            int pushedByA = a.callbacksSent() - 1;
            int pushedByB = b.callbacksSent();
            assertThat(pushedByA).as("pushes by A").isPositive();
            assertThat(pushedByB).as("pushes by B").isPositive();
            assertThat(pushedByA + pushedByB).as("pushes by both").isEqualTo(recorder.pushes());

            DeliveryFigures.of(receipts, deliveries).report("TwoInstanceIT", written - start, done - start);
            System.out.printf("TwoInstanceIT: A pushed %d, B pushed %d%n", pushedByA, pushedByB);
        }
    }

    @Test
    void anotherInstanceDeliversWorkRecordedWhereWorkersAreOffWithoutWaitingForItsPoll() {
        // B would find new work on its own only every 20 s; NOTIFY from A must wake it at once.
        try (var a = TestServer.start(Map.of("larkspur.events.enabled", "false"));
                var b = TestServer.secondOn(a, Map.of("larkspur.events.poll-millis", "20000"));
                var recorder = new PushRecorder()) {
            Admin viaA = a.admin();
            var bot = BusyBot.create(viaA, recorder.url(), 1);
            String person = bot.people().get(0);

            for (int n = 0; n < 3; n++) {
                long start = System.nanoTime();
                String messageId = bot.write(viaA, person, "wake-" + n);

                await("message " + n + " delivered by the other instance")
                        .atMost(Duration.ofSeconds(5))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> recorder.eventOfMessage().containsKey(messageId));
                System.out.printf(
                        "TwoInstanceIT: message %d recorded on A reached the bot through B in %d ms%n",
                        n, (System.nanoTime() - start) / 1_000_000);
            }
            assertThat(a.callbacksSent())
                    .as("callbacks by A: the url_verification only")
                    .isEqualTo(1);
            assertThat(b.callbacksSent()).as("pushes by B").isEqualTo(3);
        }
    }
}
