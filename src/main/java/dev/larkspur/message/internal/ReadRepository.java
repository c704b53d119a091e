package dev.larkspur.message.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ReadRepository {
    private final JdbcClient jdbc;

    ReadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One read receipt. */
    public record Read(long userPk, long readAt) {}

    /** Records the read; false when the user had already read the message. */
    public boolean insert(long messagePk, long userPk, long now) {
        return jdbc.sql(
                                "insert into message_read (message_id, user_id, read_at) values (?, ?, ?) on conflict do nothing")
                        .params(messagePk, userPk, now)
                        .update()
                > 0;
    }

    public List<Read> page(long messagePk, long afterReadAt, long afterUserPk, int limit) {
        return jdbc.sql("select user_id, read_at from message_read where message_id = ?"
                        + " and (read_at > ? or (read_at = ? and user_id > ?)) order by read_at, user_id limit ?")
                .params(messagePk, afterReadAt, afterReadAt, afterUserPk, limit)
                .query((rs, n) -> new Read(rs.getLong(1), rs.getLong(2)))
                .list();
    }
}
