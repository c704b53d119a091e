package dev.larkspur.message.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Batches of batch_send and the messages each one posted. */
@Repository
public class BatchRepository {
    private static final String SELECT = "select b.id, b.batch_id, b.app_id, a.tenant_id, b.valid_count,"
            + " b.sent_count, b.recalled, b.recall_count, b.created_at from batch_message b join app a on a.id = b.app_id";

    private final JdbcClient jdbc;

    BatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A batch as stored; {@code validCount} people were named, {@code sentCount} messages posted. */
    public record Batch(
            long pk,
            String batchId,
            long appPk,
            long tenantPk,
            int validCount,
            int sentCount,
            boolean recalled,
            int recallCount,
            long createdAt) {}

    public long insert(String batchId, long appPk, String msgType, int validCount, int sentCount, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        """
                        insert into batch_message (batch_id, app_id, msg_type, valid_count, sent_count, created_at)
                        values (:batch_id, :app_id, :msg_type, :valid_count, :sent_count, :created_at)""")
                .param("batch_id", batchId)
                .param("app_id", appPk)
                .param("msg_type", msgType)
                .param("valid_count", validCount)
                .param("sent_count", sentCount)
                .param("created_at", now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void addItem(long batchPk, long messagePk, long userPk) {
        jdbc.sql("insert into batch_message_item (batch_id, message_id, user_id) values (?, ?, ?)")
                .params(batchPk, messagePk, userPk)
                .update();
    }

    public Optional<Batch> find(String batchId) {
        return jdbc.sql(SELECT + " where b.batch_id = ?")
                .param(batchId)
                .query((rs, n) -> new Batch(
                        rs.getLong("id"),
                        rs.getString("batch_id"),
                        rs.getLong("app_id"),
                        rs.getLong("tenant_id"),
                        rs.getInt("valid_count"),
                        rs.getInt("sent_count"),
                        rs.getBoolean("recalled"),
                        rs.getInt("recall_count"),
                        rs.getLong("created_at")))
                .optional();
    }

    /** Messages an app posted by batch_send since {@code fromMs}, for the daily quota. */
    public long sentSince(long appPk, long fromMs) {
        return jdbc.sql("select coalesce(sum(sent_count), 0) from batch_message where app_id = ? and created_at >= ?")
                .params(appPk, fromMs)
                .query(Long.class)
                .single();
    }

    public List<Long> messagePks(long batchPk) {
        return jdbc.sql("select message_id from batch_message_item where batch_id = ? order by message_id")
                .param(batchPk)
                .query(Long.class)
                .list();
    }

    /** How many recipients have read their message of the batch. */
    public int readCount(long batchPk) {
        return jdbc.sql("select count(*) from batch_message_item i join message_read r"
                        + " on r.message_id = i.message_id and r.user_id = i.user_id where i.batch_id = ?")
                .param(batchPk)
                .query(Integer.class)
                .single();
    }

    /** Marks the batch recalled; false when another request already did, so that recall runs once. */
    public boolean claimRecall(long batchPk) {
        return jdbc.sql("update batch_message set recalled = true where id = ? and recalled = false")
                        .param(batchPk)
                        .update()
                > 0;
    }

    public void setRecallCount(long batchPk, int recallCount) {
        jdbc.sql("update batch_message set recall_count = ? where id = ?")
                .params(recallCount, batchPk)
                .update();
    }
}
