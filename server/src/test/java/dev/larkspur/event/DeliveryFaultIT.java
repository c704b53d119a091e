package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larkspur.support.BusyBot;
import dev.larkspur.support.PushRecorder;
import dev.larkspur.support.PushRecorder.Answer;
import dev.larkspur.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Feishu's delivery is at-least-once (spec/protocols.md §3.8): a bot whose endpoint fails now and
 * then, or answers after the 3 s limit, still gets every event, and gets one twice only because a
 * push of it failed, never because two pushes raced.
 */
class DeliveryFaultIT {
    private static final int PEOPLE = 5;
    private static final int MESSAGES_EACH = 2_000;
    private static final long SEED = 0x5eed_1a4c_5b0fL;
    private static final double LATE = 0.003;
    private static final double FAIL = 0.05;

    /** The same answers on every run: drawn from the message and how many times it came before. */
    static Answer unreliableBot(PushRecorder.Push push) {
        double roll = new SplittableRandom(SEED * 1_000_003L + push.text().hashCode() * 31L + push.nth()).nextDouble();
        return roll < LATE ? Answer.LATE : roll < LATE + FAIL ? Answer.FAIL : Answer.OK;
    }

    @Test
    void everyEventIsDeliveredAtLeastOnceDespiteFailuresAndTimeouts() {
        try (var server = TestServer.start(
                        Map.of("larkspur.events.retry-factor", "0.001", "larkspur.events.poll-millis", "50"));
                var recorder = new PushRecorder().plan(DeliveryFaultIT::unreliableBot)) {
            var admin = server.admin();
            var bot = BusyBot.create(admin, recorder.url(), PEOPLE);
            long start = System.nanoTime();

            var sent = bot.everyoneWrites(MESSAGES_EACH, (person, text) -> bot.write(admin, person, text));
            long written = System.nanoTime();
            recorder.awaitPushed(sent.keySet(), Duration.ofMinutes(3));
            await("no delivery pending")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !bot.hasPendingDeliveries(admin));
            long done = System.nanoTime();

            var receipts = recorder.receipts();
            var deliveries = bot.deliveries(admin);
            assertThat(sent).hasSize(PEOPLE * MESSAGES_EACH);
            assertThat(deliveries).as("one delivery per message").hasSize(sent.size());
            assertThat(deliveries.keySet())
                    .as("deliveries are the events pushed")
                    .isEqualTo(receipts.keySet());
            assertThat(deliveries.values())
                    .filteredOn(d -> !d.path("status").asString().equals("delivered"))
                    .as("deliveries not delivered")
                    .isEmpty();
            var unexplained = receipts.entrySet().stream()
                    .filter(e -> !everyRepeatFollowsAFailedPush(e.getValue(), deliveries.get(e.getKey())))
                    .map(e -> e.getValue() + " / attempts " + BusyBot.attemptStatuses(deliveries.get(e.getKey())))
                    .toList();
            assertThat(unexplained.size())
                    .as(
                            "events pushed again after a successful push, e.g. %s",
                            unexplained.stream().limit(5).toList())
                    .isZero();

            DeliveryFigures.of(receipts, deliveries).report("DeliveryFaultIT", written - start, done - start);
        }
    }

    /**
     * Each push but the last must have failed, as the bot answered it (500, late) or as the server
     * recorded it (no 200 in time); and no push may go unrecorded. Pushes of one delivery are
     * sequential, so the n-th push received is the n-th attempt recorded.
     */
    static boolean everyRepeatFollowsAFailedPush(List<PushRecorder.Receipt> receipts, JsonNode delivery) {
        var statuses = BusyBot.attemptStatuses(delivery);
        if (receipts.size() > statuses.size()) {
            return false;
        }
        for (int n = 0; n < receipts.size() - 1; n++) {
            boolean failed =
                    receipts.get(n).answer().failed() || !Integer.valueOf(200).equals(statuses.get(n));
            if (!failed) {
                return false;
            }
        }
        return true;
    }
}
