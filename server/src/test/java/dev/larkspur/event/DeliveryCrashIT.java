package dev.larkspur.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larkspur.support.BusyBot;
import dev.larkspur.support.PushRecorder;
import dev.larkspur.support.PushRecorder.Answer;
import dev.larkspur.support.ServerProcess;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A server killed outright (SIGKILL) in the middle of writing and delivering loses nothing: after
 * a restart on the same data, every message written is delivered, including the pushes that were
 * in flight when it died, once their lease runs out.
 */
class DeliveryCrashIT {
    private static final int PEOPLE = 4;
    private static final int MESSAGES_EACH = 500;
    /** Pushes answered before the bot starts holding them open, so that some are in flight. */
    private static final int ANSWERED_BEFORE_CRASH = 600;

    @Test
    void everyEventIsDeliveredAtLeastOnceAcrossAKillAndRestart() throws Exception {
        var crashed = new AtomicBoolean();
        try (var server = ServerProcess.start(Map.of(
                        "larkspur.events.retry-factor", "0.001",
                        "larkspur.events.poll-millis", "50",
                        "larkspur.events.lease-millis", "5000"));
                var recorder = new PushRecorder()
                        .plan(push ->
                                push.seq() >= ANSWERED_BEFORE_CRASH && !crashed.get() ? Answer.HOLD : Answer.OK)) {
            var bot = BusyBot.create(server.admin(), recorder.url(), PEOPLE);
            long start = System.nanoTime();

            // People keep writing through the crash: a write the server did not answer is sent
            // again, with the same uuid, until the restarted server takes it.
            var writing = CompletableFuture.supplyAsync(() ->
                    bot.everyoneWrites(MESSAGES_EACH, (person, text) -> writeThroughOutage(server, bot, person, text)));
            await("pushes held open by the bot")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> recorder.held() >= 4);
            server.kill();
            crashed.set(true);
            var inFlight = recorder.receipts().values().stream()
                    .filter(r -> r.stream().anyMatch(p -> p.answer() == Answer.HOLD))
                    .map(r -> r.get(0).push().eventId())
                    .toList();
            int pushedBeforeCrash = recorder.receipts().size();
            recorder.release();
            server.start();

            var sent = writing.get();
            long written = System.nanoTime();
            recorder.awaitPushed(sent.keySet(), Duration.ofMinutes(2));
            await("no delivery pending")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !bot.hasPendingDeliveries(server.admin()));
            long done = System.nanoTime();

            var receipts = recorder.receipts();
            var deliveries = bot.deliveries(server.admin());
            assertThat(sent).hasSize(PEOPLE * MESSAGES_EACH);
            assertThat(deliveries).as("one delivery per message").hasSize(sent.size());
            assertThat(pushedBeforeCrash).as("events pushed before the crash").isLessThan(sent.size());
            assertThat(deliveries.keySet())
                    .as("deliveries are the events pushed")
                    .isEqualTo(receipts.keySet());
            assertThat(inFlight)
                    .as("pushes in flight at the crash are answered after the restart")
                    .isNotEmpty()
                    .allSatisfy(eventId -> assertThat(receipts.get(eventId)).anyMatch(r -> r.answer() == Answer.OK));
            assertThat(deliveries.values())
                    .filteredOn(d -> !d.path("status").asString().equals("delivered"))
                    .as("deliveries not delivered")
                    .isEmpty();

            DeliveryFigures.of(receipts, deliveries).report("DeliveryCrashIT", written - start, done - start);
            System.out.printf(
                    "DeliveryCrashIT: killed after %d events were pushed, %d pushes in flight%n",
                    pushedBeforeCrash, inFlight.size());
        }
    }

    private static String writeThroughOutage(ServerProcess server, BusyBot bot, String person, String text) {
        String uuid = UUID.randomUUID().toString();
        return await("writing " + text)
                .atMost(Duration.ofMinutes(3))
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> bot.written(server.admin(), person, text, uuid), Optional::isPresent)
                .orElseThrow();
    }
}
