package dev.larkspur.message.batch;

import dev.larkspur.message.MessageErrors;
import dev.larkspur.message.MessageEvents;
import dev.larkspur.message.internal.BatchRepository;
import dev.larkspur.message.internal.MessageRepository;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The im/v1 side of batch messages (spec/message.md §3.15): recall every message of a batch, count
 * its readers, report its progress. Only the sending bot may; a batch is recalled within a day and
 * queried within 30 days.
 */
@Service
public class BatchMessages {
    static final Duration RECALL_WINDOW = Duration.ofDays(1);
    static final Duration QUERY_WINDOW = Duration.ofDays(30);

    private final BatchRepository batches;
    private final MessageRepository messages;
    private final MessageEvents events;
    private final Clock clock;

    BatchMessages(BatchRepository batches, MessageRepository messages, MessageEvents events, Clock clock) {
        this.batches = batches;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** How many recipients were sent the batch and how many of them have read it. */
    public record Reads(int readCount, int totalCount) {}

    /** Sending and recall progress, as get_progress reports it. */
    public record Progress(
            int validUserIdsCount, int successUserIdsCount, int readUserIdsCount, boolean recall, int recallCount) {}

    /**
     * Recalls every message of the batch, each with its recall event. Recalling a recalled batch
     * changes nothing; Feishu's recall is asynchronous and documents no error for a second one.
     */
    @Transactional
    public void recall(Caller caller, String batchId) {
        var batch = find(caller, batchId, MessageErrors::cannotRecall);
        long now = clock.millis();
        if (now - batch.createdAt() > RECALL_WINDOW.toMillis()) {
            throw MessageErrors.batchRecallExpired();
        }
        if (!batches.claimRecall(batch.pk())) {
            return;
        }
        int recalled = 0;
        for (long pk : batches.messagePks(batch.pk())) {
            var message = messages.findByPk(pk).orElseThrow();
            if (!message.deleted()) {
                messages.markRecalled(pk, now);
                events.recalled(message, "message_owner", now);
                recalled++;
            }
        }
        batches.setRecallCount(batch.pk(), recalled);
    }

    @Transactional(readOnly = true)
    public Reads reads(Caller caller, String batchId) {
        var batch = find(caller, batchId, BatchMessages::notSender);
        return new Reads(batches.readCount(batch.pk()), batch.sentCount());
    }

    @Transactional(readOnly = true)
    public Progress progress(Caller caller, String batchId) {
        var batch = find(caller, batchId, BatchMessages::notSender);
        return new Progress(
                batch.validCount(),
                batch.sentCount(),
                batches.readCount(batch.pk()),
                batch.recalled(),
                batch.recallCount());
    }

    /**
     * The caller's batch. Another tenant's batch is reported as not found, so that ids do not leak
     * across tenants; one older than 30 days likewise, as Feishu no longer answers for it.
     */
    private BatchRepository.Batch find(Caller caller, String batchId, Supplier<FeishuException> notSender) {
        if (!caller.botEnabled()) {
            throw MessageErrors.botAbilityOff();
        }
        if (batchId == null || batchId.length() < 4) {
            throw MessageErrors.invalid("batch_message_id length is less than 4");
        }
        var batch = batches.find(batchId)
                .filter(b -> b.tenantPk() == caller.tenantPk())
                .filter(b -> clock.millis() - b.createdAt() <= QUERY_WINDOW.toMillis())
                .orElseThrow(() -> MessageErrors.batchMessageNotFound());
        if (batch.appPk() != caller.appPk()) {
            throw notSender.get();
        }
        return batch;
    }

    private static FeishuException notSender() {
        return MessageErrors.botNotSender();
    }
}
