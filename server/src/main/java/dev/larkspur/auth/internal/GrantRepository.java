package dev.larkspur.auth.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scopes each person has granted each app; they only grow. */
@Repository
public class GrantRepository {
    private final JdbcClient jdbc;

    GrantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long appPk, long userPk, Collection<String> scopes, long now) {
        for (String scope : scopes) {
            jdbc.sql(
                            """
                            insert into oauth_grant (app_id, user_id, scope, granted_at)
                            values (:app_id, :user_id, :scope, :granted_at)
                            on conflict do nothing""")
                    .param("app_id", appPk)
                    .param("user_id", userPk)
                    .param("scope", scope)
                    .param("granted_at", now)
                    .update();
        }
    }

    /** Every scope the person has granted the app, sorted. */
    public List<String> of(long appPk, long userPk) {
        return jdbc.sql("select scope from oauth_grant where app_id = ? and user_id = ? order by scope")
                .params(appPk, userPk)
                .query(String.class)
                .list();
    }
}
