package dev.larkspur.message.batch;

import dev.larkspur.directory.User;
import dev.larkspur.message.MessageSending;
import dev.larkspur.message.internal.BatchRepository;
import dev.larkspur.message.legacy.LegacyContent;
import dev.larkspur.message.legacy.LegacyErrors;
import dev.larkspur.message.sending.MessageLimits;
import dev.larkspur.platform.Caller;
import dev.larkspur.platform.FeishuException;
import dev.larkspur.platform.Ids;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /open-apis/message/v4/batch_send/} (spec/message.md §3.15): one message to many people,
 * by id or by department. Each person gets a real message in their p2p chat with the bot, with its
 * receive event, linked to the batch. Feishu sends asynchronously; Larkspur posts every message
 * before it answers, so a batch's progress is complete as soon as the call returns.
 */
@Service
public class BatchSending {
    static final int MAX_IDS = 200;
    /** Feishu counts its quota per day without naming a time zone; a sliding day needs none. */
    static final Duration QUOTA_WINDOW = Duration.ofDays(1);

    static final String MULTI_USERS = "im:message:send_multi_users";
    static final String MULTI_DEPTS = "im:message:send_multi_depts";

    private final MessageSending sending;
    private final LegacyContent content;
    private final BatchRecipients recipients;
    private final BatchRepository batches;
    private final MessageLimits limits;
    private final Clock clock;

    BatchSending(
            MessageSending sending,
            LegacyContent content,
            BatchRecipients recipients,
            BatchRepository batches,
            MessageLimits limits,
            Clock clock) {
        this.sending = sending;
        this.content = content;
        this.recipients = recipients;
        this.batches = batches;
        this.limits = limits;
        this.clock = clock;
    }

    /** The request: v4 content (or card) and the four id lists, any of which may be null. */
    public record BatchRequest(
            String msgType,
            JsonNode content,
            JsonNode card,
            List<String> departmentIds,
            List<String> openIds,
            List<String> userIds,
            List<String> unionIds) {}

    /** The batch id ({@code bm-…}) and, per kind, the ids that named no one. */
    public record BatchSent(
            String batchId,
            List<String> invalidDepartmentIds,
            List<String> invalidOpenIds,
            List<String> invalidUserIds,
            List<String> invalidUnionIds) {}

    @Transactional
    public BatchSent send(Caller caller, BatchRequest r) {
        if (!caller.botEnabled()) {
            throw LegacyErrors.noBot();
        }
        var ids = Map.of(
                "department_ids", orEmpty(r.departmentIds()),
                "open_ids", orEmpty(r.openIds()),
                "user_ids", orEmpty(r.userIds()),
                "union_ids", orEmpty(r.unionIds()));
        if (ids.values().stream().allMatch(List::isEmpty)) {
            throw LegacyErrors.invalidParameter(
                    "at least one of department_ids, open_ids, user_ids and union_ids is required");
        }
        ids.forEach((name, list) -> {
            if (list.size() > MAX_IDS) {
                throw LegacyErrors.invalidParameter(name + " holds more than " + MAX_IDS + " ids");
            }
        });
        boolean toPeople = !(ids.get("open_ids").isEmpty()
                && ids.get("user_ids").isEmpty()
                && ids.get("union_ids").isEmpty());
        if (toPeople && !caller.hasScope(MULTI_USERS)) {
            throw LegacyErrors.userIdsDenied();
        }
        if (!ids.get("department_ids").isEmpty() && !caller.hasScope(MULTI_DEPTS)) {
            throw LegacyErrors.departmentsDenied();
        }
        var draft = content.draft(caller, r.msgType(), r.content(), r.card(), false);
        var named = recipients.resolve(
                caller, ids.get("department_ids"), ids.get("open_ids"), ids.get("user_ids"), ids.get("union_ids"));
        // Resigned people are valid ids that nobody can receive (valid_user_ids_count counts them).
        List<User> reachable =
                named.people().stream().filter(u -> !u.resigned()).toList();
        long now = clock.millis();
        if (batches.sentSince(caller.appPk(), now - QUOTA_WINDOW.toMillis()) + reachable.size()
                > limits.batchPerDay()) {
            throw LegacyErrors.dailyLimit();
        }
        String batchId = "bm-" + Ids.hex(32);
        long batchPk = batches.insert(
                batchId, caller.appPk(), r.msgType(), named.people().size(), reachable.size(), now);
        for (var user : reachable) {
            try {
                var message = sending.sendToUser(caller, user.pk(), draft);
                batches.addItem(batchPk, message.pk(), user.pk());
            } catch (FeishuException e) {
                throw LegacyErrors.translate(e);
            }
        }
        return new BatchSent(
                batchId,
                named.invalidDepartmentIds(),
                named.invalidOpenIds(),
                named.invalidUserIds(),
                named.invalidUnionIds());
    }

    private static List<String> orEmpty(List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).toList();
    }
}
