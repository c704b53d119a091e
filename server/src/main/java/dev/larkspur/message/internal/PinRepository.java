package dev.larkspur.message.internal;

import dev.larkspur.message.Operator;
import dev.larkspur.message.pins.MessagePin;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PinRepository {
    private static final String SELECT =
            "select p.message_id, m.message_id as message_public, c.chat_id as chat_public,"
                    + " p.operator_kind, p.operator_id, p.created_at from message_pin p"
                    + " join message m on m.id = p.message_id join chat c on c.id = p.chat_id";

    private final JdbcClient jdbc;

    PinRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Pins the message unless it is pinned already (also under concurrency); false when it was. */
    public boolean insert(long messagePk, long chatPk, Operator operator, long now) {
        return jdbc.sql(
                                """
                                insert into message_pin (message_id, chat_id, operator_kind, operator_id, created_at)
                                values (:message_id, :chat_id, :operator_kind, :operator_id, :created_at)
                                on conflict do nothing""")
                        .param("message_id", messagePk)
                        .param("chat_id", chatPk)
                        .param("operator_kind", operator.kind())
                        .param("operator_id", operator.pk())
                        .param("created_at", now)
                        .update()
                > 0;
    }

    public Optional<MessagePin> find(long messagePk) {
        return jdbc.sql(SELECT + " where p.message_id = ?")
                .param(messagePk)
                .query(PinRepository::map)
                .optional();
    }

    public void delete(long messagePk) {
        jdbc.sql("delete from message_pin where message_id = ?")
                .param(messagePk)
                .update();
    }

    /**
     * A chat's pins between {@code fromMs} and {@code toMs}, newest first, before the keyset position;
     * pins of recalled messages are left out, as clients no longer show them.
     */
    public List<MessagePin> pageOfChat(long chatPk, long fromMs, long toMs, long beforeTime, long beforePk, int limit) {
        return jdbc.sql(SELECT + " where p.chat_id = :chat and p.created_at >= :from and p.created_at <= :to"
                        + " and (p.created_at < :t or (p.created_at = :t and p.message_id < :pk))"
                        + " and m.deleted = false order by p.created_at desc, p.message_id desc limit :limit")
                .param("chat", chatPk)
                .param("from", fromMs)
                .param("to", toMs)
                .param("t", beforeTime)
                .param("pk", beforePk)
                .param("limit", limit)
                .query(PinRepository::map)
                .list();
    }

    private static MessagePin map(ResultSet rs, int row) throws SQLException {
        return new MessagePin(
                rs.getLong("message_id"),
                rs.getString("message_public"),
                rs.getString("chat_public"),
                new Operator(rs.getString("operator_kind"), rs.getLong("operator_id")),
                rs.getLong("created_at"));
    }
}
