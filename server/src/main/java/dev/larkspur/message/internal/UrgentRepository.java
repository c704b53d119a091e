package dev.larkspur.message.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Urgent notifications sent: one row per message, person and kind (app, sms, phone). */
@Repository
public class UrgentRepository {
    private final JdbcClient jdbc;

    UrgentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the notification; a repeat of the same kind to the same person changes nothing. */
    public void record(long messagePk, Collection<Long> userPks, String kind, long now) {
        for (long userPk : userPks) {
            jdbc.sql(
                            """
                            insert into message_urgent (message_id, user_id, kind, urgent_at)
                            values (:message_id, :user_id, :kind, :urgent_at)
                            on conflict do nothing""")
                    .param("message_id", messagePk)
                    .param("user_id", userPk)
                    .param("kind", kind)
                    .param("urgent_at", now)
                    .update();
        }
    }

    /**
     * Which of these people already have {@code limit} or more urgent messages they have not read,
     * not counting {@code messagePk} (buzzing about it again adds nothing unread).
     */
    public Set<Long> withUnreadAtLeast(Collection<Long> userPks, long messagePk, int limit) {
        if (userPks.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select u.user_id from message_urgent u where u.user_id in (:users)"
                        + " and u.message_id <> :message and not exists (select 1 from message_read r"
                        + " where r.message_id = u.message_id and r.user_id = u.user_id)"
                        + " group by u.user_id having count(distinct u.message_id) >= :limit")
                .param("users", userPks)
                .param("message", messagePk)
                .param("limit", limit)
                .query(Long.class)
                .list());
    }
}
