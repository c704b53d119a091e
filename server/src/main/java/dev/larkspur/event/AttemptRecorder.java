package dev.larkspur.event;

import dev.larkspur.event.internal.DeliveryRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records finished pushes of one mode, as many as have finished in one transaction, instead of a
 * transaction per push. A delivery's place is given back only once its attempt is recorded, so it
 * cannot be claimed again before; if recording fails, the places are given back anyway and the
 * deliveries, still leased, are pushed again when their lease ends (at least once).
 */
final class AttemptRecorder {
    static final int BATCH = 256;
    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);

    private record Finished(Delivery delivery, PushOutcome outcome, Runnable after) {}

    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final String mode;
    private final DeliveryRepository deliveries;
    private final TransactionTemplate tx;
    private final EventMeter meter;
    private final RetryLadder ladder;
    private final Clock clock;

    AttemptRecorder(String mode, DeliveryParts parts) {
        this.mode = mode;
        this.deliveries = parts.deliveries();
        this.tx = parts.tx();
        this.meter = parts.meter();
        this.ladder = new RetryLadder(parts.props().events().retryFactor());
        this.clock = parts.clock();
    }

    /** A push finished; {@code after} runs once its attempt is recorded (or could not be). */
    void finished(Delivery delivery, PushOutcome outcome, Runnable after) {
        finished.add(new Finished(delivery, outcome, after));
    }

    /** Records what has finished, waiting up to {@code waitMillis} for the first; says how many. */
    int recordFinished(long waitMillis) throws InterruptedException {
        var first = finished.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        var batch = new ArrayList<Finished>();
        batch.add(first);
        finished.drainTo(batch, BATCH - 1);
        long now = clock.millis();
        var records = batch.stream()
                .map(f -> AttemptRecord.of(f.delivery(), f.outcome(), ladder, now))
                .toList();
        try {
            tx.executeWithoutResult(s -> deliveries.record(rows(batch, records)));
            for (int i = 0; i < batch.size(); i++) {
                count(batch.get(i).delivery(), records.get(i));
            }
        } catch (RuntimeException e) {
            log.warn(
                    "{} attempts could not be recorded; their deliveries are pushed again after their lease",
                    batch.size(),
                    e);
        } finally {
            batch.forEach(f -> f.after().run());
        }
        return batch.size();
    }

    private static List<DeliveryRepository.Attempt> rows(List<Finished> batch, List<AttemptRecord> records) {
        var rows = new ArrayList<DeliveryRepository.Attempt>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            var record = records.get(i);
            var outcome = record.outcome();
            rows.add(new DeliveryRepository.Attempt(
                    batch.get(i).delivery().pk(),
                    record.attempt(),
                    record.at(),
                    outcome.status(),
                    outcome.latencyMs(),
                    outcome.error(),
                    record.retryAt()));
        }
        return rows;
    }

    private void count(Delivery delivery, AttemptRecord attempt) {
        meter.attempted(mode, delivery, attempt);
    }
}
