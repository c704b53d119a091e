package dev.larkspur.message.internal;

import dev.larkspur.message.followups.FollowUps;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The follow-up bubbles pushed under messages, at most one set per message. */
@Repository
public class FollowUpRepository {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    FollowUpRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the bubbles; false when the message already has some, also when two pushes race. */
    public boolean insert(long messagePk, List<FollowUps.FollowUp> followUps, long now) {
        return jdbc.sql("insert into message_follow_up (message_id, follow_ups, created_at) values (?, ?, ?)"
                                + " on conflict do nothing")
                        .params(messagePk, json.writeValueAsString(followUps), now)
                        .update()
                > 0;
    }
}
